// SPDX-License-Identifier: MIT
// The report for people (report_text.cpp): the table and markdown formats of render_report.
#include <doctest/doctest.h>

#include <string>

#include "kpi/report/report_output.hpp"

namespace {

using kpi::report::KpiLine;
using kpi::report::Report;
using kpi::report::ReportFormat;
using kpi::report::Scorecard;
using kpi::score::Status;

KpiLine line(std::string kpi, std::string name, std::string unit, int precision,
             std::string period) {
  KpiLine result;
  result.kpi = std::move(kpi);
  result.name = std::move(name);
  result.unit = std::move(unit);
  result.precision = precision;
  result.period = std::move(period);
  return result;
}

// Two scorecards: a store's with a met and an at-risk KPI (a quarter to date), and the whole's
// with a KPI without a value; two files of one source, a bad cell, a warning, a plan total.
Report sample() {
  Report report;
  report.period = "2025-06";
  report.presentation.currency = "¥";  // as a library with `[report] currency = "¥"` shows
  report.missing_values = "KPIs without a value are left out and the other weights scaled to 100";

  KpiLine sales = line("sales", "销售额", "money", 2, "2025-06");
  sales.actual = 110000;
  sales.target = 100000;
  sales.target_text = "10万元";
  sales.weight = 60;
  sales.score = {1.1L, 110, Status::Met, ""};
  sales.change_previous = 0.1L;
  sales.change_last_year = -0.05L;
  KpiLine repeat = line("repeat_rate", "复购率", "percent", 1, "2025-Q2 to date");
  repeat.to_date = true;
  repeat.actual = 0.288L;
  repeat.target = 0.32L;
  repeat.target_text = "≥32%";
  repeat.weight = 40;
  repeat.score = {0.9L, 90, Status::AtRisk, ""};
  Scorecard store{"门店", "S001", {sales, repeat}, {102, {}, false}};

  KpiLine visits = line("visits", "到店人次", "count", 0, "2025-06");
  visits.target = 500;
  visits.weight = 100;
  visits.score = {std::nullopt, std::nullopt, Status::NoValue, "no value"};
  Scorecard whole{"Whole", "", {visits}, {std::nullopt, {"no KPI has a value"}, false}};

  report.scorecards = {store, whole};
  report.plan_total = kpi::score::ScorecardScore{51, {}, false};
  report.warnings = {"KPI \"visits\" has no value"};
  report.quality.add_input({"pos", "pos_05.csv", 80, 0, 0, {}, {}});
  report.quality.add_input({"pos", "pos_06.csv", 120, 1, 2, {}, {}});
  report.quality.add_input({"crm", "crm.csv", 5, 0, 0, {}, {}});
  report.quality.record("pos", "column \"实收金额\" (field \"amount\"): not a number",
                        {"data.not-a-number", "\"abc\" is not a number", {"pos_06.csv", 7, 5}});
  return report;
}

// The whole line of `text` that holds `needle`, or "" when none does.
std::string line_with(const std::string& text, const std::string& needle) {
  const std::size_t at = text.find(needle);
  if (at == std::string::npos) {
    return "";
  }
  const std::size_t start = text.rfind('\n', at) + 1;  // npos + 1 is 0: the first line
  return text.substr(start, text.find('\n', at) - start);
}

}  // namespace

TEST_SUITE("report.report_text") {
  TEST_CASE("table: a section per scorecard, CJK-aligned, then data quality and a summary") {
    // Each line as a terminal shows it, not re-wrapped.
    // clang-format off
    CHECK(kpi::report::render_report(sample(), ReportFormat::Table) ==
          "KPI report 2025-06\n"
          "\n"
          "门店 · S001\n"
          "  KPI                            actual  target  achievement  weight  score   status    环比   同比\n"
          "  销售额                    ¥110,000.00  10万元       110.0%     60%  110.0      met  +10.0%  -5.0%\n"
          "  复购率 (2025-Q2 to date)        28.8%    ≥32%        90.0%     40%   90.0  at risk       —      —\n"
          "  total 102.0\n"
          "\n"
          "Whole\n"
          "  KPI       actual  target  achievement  weight  score    status  环比  同比\n"
          "  到店人次       —       —            —    100%      —  no value     —     —\n"
          "  total —\n"
          "  no KPI has a value\n"
          "\n"
          "Data quality\n"
          "  pos (2 files): 200 rows read, 1 skipped, 2 without a valid time\n"
          "  crm (crm.csv): 5 rows read, 0 skipped, 0 without a valid time\n"
          "  pos: 1 column \"实收金额\" (field \"amount\"): not a number\n"
          "    pos_06.csv:7:5: \"abc\" is not a number\n"
          "  KPI \"visits\" has no value\n"
          "  KPIs without a value are left out and the other weights scaled to 100\n"
          "\n"
          "Summary\n"
          "  scorecard                               score\n"
          "  门店 · S001                             102.0\n"
          "  Whole                                       —\n"
          "  plan total (weights across scorecards)   51.0\n");
    // clang-format on
  }

  TEST_CASE("markdown: the same sections as Markdown tables, figures right-aligned") {
    CHECK(kpi::report::render_report(sample(), ReportFormat::Markdown) ==
          "# KPI report 2025-06\n"
          "\n"
          "## 门店 · S001\n"
          "\n"
          "| KPI | actual | target | achievement | weight | score | status | 环比 | 同比 |\n"
          "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n"
          "| 销售额 | ¥110,000.00 | 10万元 | 110.0% | 60% | 110.0 | met | +10.0% | -5.0% |\n"
          "| 复购率 (2025-Q2 to date) | 28.8% | ≥32% | 90.0% | 40% | 90.0 | at risk | — | — |\n"
          "\n"
          "**Total: 102.0**\n"
          "\n"
          "## Whole\n"
          "\n"
          "| KPI | actual | target | achievement | weight | score | status | 环比 | 同比 |\n"
          "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n"
          "| 到店人次 | — | — | — | 100% | — | no value | — | — |\n"
          "\n"
          "**Total: —**\n"
          "- no KPI has a value\n"
          "\n"
          "## Data quality\n"
          "\n"
          "- pos (2 files): 200 rows read, 1 skipped, 2 without a valid time\n"
          "- crm (crm.csv): 5 rows read, 0 skipped, 0 without a valid time\n"
          "- pos: 1 column \"实收金额\" (field \"amount\"): not a number\n"
          "    pos_06.csv:7:5: \"abc\" is not a number\n"
          "- KPI \"visits\" has no value\n"
          "- KPIs without a value are left out and the other weights scaled to 100\n"
          "\n"
          "## Summary\n"
          "\n"
          "| scorecard | score |\n"
          "| --- | ---: |\n"
          "| 门店 · S001 | 102.0 |\n"
          "| Whole | — |\n"
          "| plan total (weights across scorecards) | 51.0 |\n");
  }

  TEST_CASE("table in Chinese, in dollars: every label and status translated") {
    Report report = sample();
    report.presentation = {kpi::report::Lang::Zh, "$"};
    // clang-format off
    CHECK(kpi::report::render_report(report, ReportFormat::Table) ==
          "KPI 报告 2025-06\n"
          "\n"
          "门店 · S001\n"
          "  指标                             实际    目标  达成率  权重   得分  状态    环比   同比\n"
          "  销售额                    $110,000.00  10万元  110.0%   60%  110.0  达标  +10.0%  -5.0%\n"
          "  复购率 (2025-Q2 to date)        28.8%    ≥32%   90.0%   40%   90.0  预警       —      —\n"
          "  合计 102.0\n"
          "\n"
          "Whole\n"
          "  指标      实际  目标  达成率  权重  得分    状态  环比  同比\n"
          "  到店人次     —     —       —  100%     —  无数据     —     —\n"
          "  合计 —\n"
          "  no KPI has a value\n"
          "\n"
          "数据质量\n"
          "  pos（2 个文件）：读取 200 行，跳过 1 行，2 行无有效时间\n"
          "  crm（crm.csv）：读取 5 行，跳过 0 行，0 行无有效时间\n"
          "  pos: 1 column \"实收金额\" (field \"amount\"): not a number\n"
          "    pos_06.csv:7:5: \"abc\" is not a number\n"
          "  KPI \"visits\" has no value\n"
          "  无数值的指标不计分，其余指标的权重按比例补足 100\n"
          "\n"
          "汇总\n"
          "  考核表                     得分\n"
          "  门店 · S001               102.0\n"
          "  Whole                         —\n"
          "  计划合计（权重跨考核表）   51.0\n");
    // clang-format on
  }

  TEST_CASE("markdown in Chinese: titles, headers, statuses and the total line") {
    Report report = sample();
    report.presentation.lang = kpi::report::Lang::Zh;
    report.missing = kpi::score::MissingValues::ScoreZero;
    const std::string text = kpi::report::render_report(report, ReportFormat::Markdown);
    CHECK(text.starts_with("# KPI 报告 2025-06\n"));
    CHECK(line_with(text, "| 指标") ==
          "| 指标 | 实际 | 目标 | 达成率 | 权重 | 得分 | 状态 | 环比 | 同比 |");
    CHECK(line_with(text, "¥110,000.00") ==
          "| 销售额 | ¥110,000.00 | 10万元 | 110.0% | 60% | 110.0 | 达标 | +10.0% | -5.0% |");
    CHECK(line_with(text, "102.0**") == "**合计：102.0**");
    CHECK(line_with(text, "## 数据") == "## 数据质量");
    CHECK(line_with(text, "## 汇") == "## 汇总");
    CHECK(line_with(text, "计 0 分") == "- 无数值的指标计 0 分");
  }

  TEST_CASE("csv, tsv, json and jsonl are the same in every language: a contract") {
    Report chinese = sample();
    chinese.presentation = {kpi::report::Lang::Zh, "$"};
    for (const ReportFormat format :
         {ReportFormat::Csv, ReportFormat::Tsv, ReportFormat::Json, ReportFormat::Jsonl}) {
      CHECK(kpi::report::render_report(chinese, format) ==
            kpi::report::render_report(sample(), format));
    }
  }

  TEST_CASE("a KPI over the report's own period is not suffixed with it, others are") {
    Report report = sample();
    report.scorecards.resize(1);
    report.scorecards[0].kpis[1].period = "2025-Q2";
    const std::string text = kpi::report::render_report(report, ReportFormat::Markdown);
    CHECK(line_with(text, "¥110,000.00") ==
          "| 销售额 | ¥110,000.00 | 10万元 | 110.0% | 60% | 110.0 | met | +10.0% | -5.0% |");
    CHECK(line_with(text, "28.8%") ==
          "| 复购率 (2025-Q2) | 28.8% | ≥32% | 90.0% | 40% | 90.0 | at risk | — | — |");
  }

  TEST_CASE("a qualitative KPI shows its hand score with one decimal, whatever its unit") {
    Report report = sample();
    report.scorecards.resize(1);
    KpiLine& nps = report.scorecards[0].kpis[0];
    nps.qualitative = true;  // unit "money" and precision 2 are ignored for a hand score
    nps.actual = 91.25L;
    CHECK(line_with(kpi::report::render_report(report, ReportFormat::Markdown), "10万元") ==
          "| 销售额 | 91.3 | 10万元 | 110.0% | 60% | 110.0 | met | +10.0% | -5.0% |");
  }

  TEST_CASE("without a plan total, problems, warnings or inputs, only the missing-values line") {
    Report report;
    report.period = "2025-Q2";
    report.missing_values = "KPIs without a value score 0";
    report.missing = kpi::score::MissingValues::ScoreZero;
    CHECK(kpi::report::render_report(report, ReportFormat::Table) ==
          "KPI report 2025-Q2\n"
          "\n"
          "Data quality\n"
          "  KPIs without a value score 0\n"
          "\n"
          "Summary\n"
          "  scorecard  score\n");
  }

  TEST_CASE("markdown escapes a | inside a cell, so the table keeps its columns") {
    Report report = sample();
    report.scorecards.resize(1);
    report.scorecards[0].kpis[0].name = "销售额|含税";
    CHECK(line_with(kpi::report::render_report(report, ReportFormat::Markdown), "¥110,000.00") ==
          "| 销售额\\|含税 | ¥110,000.00 | 10万元 | 110.0% | 60% | 110.0 | met | +10.0% | -5.0% |");
  }
}
