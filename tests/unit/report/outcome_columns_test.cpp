// SPDX-License-Identifier: MIT
// The columns of a graded report (grade, 绩效系数, rank, base bonus, bonus) in every format.
#include "kpi/report/outcome_columns.hpp"

#include <doctest/doctest.h>

#include <string>

#include "kpi/report/report_output.hpp"

namespace {

using kpi::report::KpiLine;
using kpi::report::Report;
using kpi::report::ReportFormat;
using kpi::report::Scorecard;

// Two consultants of 美容顾问: 王丽 graded A with a base bonus, 陈静 without a total.
Report graded(bool paid) {
  Report report;
  report.presentation.currency = "¥";  // as a library with `[report] currency = "¥"` shows
  report.period = "2025-06";
  report.graded = true;
  report.paid = paid;
  KpiLine sales;
  sales.kpi = "sales";
  sales.name = "月度成交金额";
  sales.unit = "money";
  sales.period = "2025-06";
  sales.weight = 100;
  sales.actual = 84000;
  sales.score = {1.05L, 105, kpi::score::Status::Met, ""};
  Scorecard wang{"美容顾问", "王丽", {sales}, {105, {}, false}};
  wang.outcome = {"美容顾问", "A", 1'200'000, 1, 3'333'330'000, 4'000'000'000};
  KpiLine none = sales;
  none.actual.reset();
  none.score = {std::nullopt, std::nullopt, kpi::score::Status::NoValue, "no value"};
  Scorecard chen{"美容顾问", "陈静", {none}, {std::nullopt, {}, false}};
  chen.outcome.group = "美容顾问";
  report.scorecards = {wang, chen};
  return report;
}

std::string render(const Report& report, ReportFormat format) {
  return kpi::report::render_report(report, format);
}

}  // namespace

TEST_SUITE("report.outcome_columns") {
  TEST_CASE("no grades, no outcome columns") {
    Report report = graded(false);
    report.graded = false;
    CHECK(kpi::report::outcome_column_names(report).empty());
    CHECK(kpi::report::outcome_headers(report).empty());
    CHECK(render(report, ReportFormat::Csv).find("grade") == std::string::npos);
    CHECK(render(report, ReportFormat::Json).find("grade") == std::string::npos);
    CHECK(render(report, ReportFormat::Html).find("outcomes\">") == std::string::npos);
  }

  TEST_CASE("csv: group, grade, coefficient, rank, base_bonus and bonus after the other columns") {
    const std::string csv = render(graded(true), ReportFormat::Csv);
    CHECK(csv.starts_with(
        "period,scorecard,entity,kpi,name,kpi_period,actual,target,achievement,weight,score,status,"
        "change_previous,change_last_year,unit,scorecard_score,note,group,grade,coefficient,rank,"
        "base_bonus,bonus\n"));
    CHECK(csv.find(",money,105,,美容顾问,A,1.2,1,3333.33,4000\n") != std::string::npos);
    CHECK(csv.find(",money,,no value,美容顾问,,,,,\n") != std::string::npos);
  }

  TEST_CASE("jsonl and json: numbers as numbers, null for none") {
    const std::string jsonl = render(graded(true), ReportFormat::Jsonl);
    CHECK(jsonl.find("\"group\":\"美容顾问\",\"grade\":\"A\",\"coefficient\":1.2,\"rank\":1,"
                     "\"base_bonus\":3333.33,\"bonus\":4000}") != std::string::npos);
    CHECK(jsonl.find("\"grade\":\"\",\"coefficient\":null,\"rank\":null,\"base_bonus\":null,"
                     "\"bonus\":null}") != std::string::npos);
    const std::string json = render(graded(true), ReportFormat::Json);
    CHECK(json.find("\"score\":105,\"group\":\"美容顾问\",\"grade\":\"A\",\"coefficient\":1.2,"
                    "\"rank\":1,\"base_bonus\":3333.33,\"bonus\":4000,\"vetoed\":false") !=
          std::string::npos);
    CHECK(json.find("\"score\":null,\"group\":\"美容顾问\",\"grade\":null,\"coefficient\":null,"
                    "\"rank\":null,\"base_bonus\":null,\"bonus\":null,\"vetoed\":false") !=
          std::string::npos);
  }

  TEST_CASE("table: the summary gains grade, coefficient, rank, base bonus and bonus") {
    const std::string table = render(graded(true), ReportFormat::Table);
    const std::string summary = table.substr(table.find("Summary"));
    CHECK(summary ==
          "Summary\n"
          "  scorecard        score  grade  coefficient  rank  base bonus      bonus\n"
          "  美容顾问 · 王丽  105.0      A         1.20     1   ¥3,333.33  ¥4,000.00\n"
          "  美容顾问 · 陈静      —      —            —     —           —          —\n");
  }

  TEST_CASE("table in Chinese, graded without pay: 等级, 绩效系数, 排名") {
    Report report = graded(false);
    report.presentation.lang = kpi::report::Lang::Zh;
    const std::string table = render(report, ReportFormat::Table);
    CHECK(table.find("  考核表            得分  等级  绩效系数  排名\n"
                     "  美容顾问 · 王丽  105.0     A      1.20     1\n") != std::string::npos);
  }

  TEST_CASE("markdown: the summary table's extra columns") {
    const std::string markdown = render(graded(true), ReportFormat::Markdown);
    CHECK(markdown.find("| scorecard | score | grade | coefficient | rank | base bonus | bonus |\n"
                        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n"
                        "| 美容顾问 · 王丽 | 105.0 | A | 1.20 | 1 | ¥3,333.33 | ¥4,000.00 |\n") !=
          std::string::npos);
  }

  TEST_CASE("html: a table of outcomes under the ranking, a row per scorecard") {
    const std::string html = render(graded(true), ReportFormat::Html);
    CHECK(html.find(
              "<table class=\"outcomes\">\n<tr><th>scorecard</th><th>score</th><th>grade</th>"
              "<th>coefficient</th><th>rank</th><th>base bonus</th><th>bonus</th></tr>\n"
              "<tr data-grade=\"A\"><td>美容顾问 · 王丽</td><td class=\"number\">105.0</td>"
              "<td>A</td><td class=\"number\">1.20</td><td class=\"number\">1</td>"
              "<td class=\"number\">¥3,333.33</td><td class=\"number\">¥4,000.00</td></tr>\n") !=
          std::string::npos);
  }

  TEST_CASE("a coefficient with more than two decimals keeps them") {
    Report report = graded(false);
    report.scorecards[0].outcome.coefficient_units = 1'125'000;
    CHECK(kpi::report::outcome_cells(report, report.scorecards[0])[1] == "1.125");
    report.scorecards[0].outcome.coefficient_units = 1'000'000;
    CHECK(kpi::report::outcome_cells(report, report.scorecards[0])[1] == "1.00");
  }
}
