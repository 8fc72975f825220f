// SPDX-License-Identifier: MIT
// The report for programs (report_data.cpp): the csv, tsv, jsonl and json formats of
// render_report.
#include <doctest/doctest.h>

#include <string>

#include "kpi/report/report_output.hpp"

namespace {

using kpi::report::KpiLine;
using kpi::report::Report;
using kpi::report::ReportFormat;
using kpi::report::Scorecard;
using kpi::score::Status;

KpiLine line(std::string kpi, std::string name, std::string unit, std::string period) {
  KpiLine result;
  result.kpi = std::move(kpi);
  result.name = std::move(name);
  result.unit = std::move(unit);
  result.period = std::move(period);
  return result;
}

// A store's scorecard with a met KPI and an at-risk one over the quarter to date, and the
// whole's with a KPI without a value whose note needs quoting; a bad cell, a warning.
Report sample() {
  Report report;
  report.period = "2025-06";
  report.missing_values = "KPIs without a value are left out";

  KpiLine sales = line("sales", "销售额", "money", "2025-06");
  sales.actual = 110000;
  sales.target = 100000;
  sales.target_text = "10万元";
  sales.weight = 60;
  sales.score = {1.1L, 110, Status::Met, ""};
  sales.change_previous = 0.1L;
  sales.change_last_year = -0.05L;
  KpiLine repeat = line("repeat_rate", "复购率", "percent", "2025-Q2 to date");
  repeat.to_date = true;
  repeat.actual = 0.288L;
  repeat.target = 0.32L;
  repeat.target_text = "≥32%";
  repeat.weight = 40;
  repeat.score = {0.9L, 90, Status::AtRisk, ""};
  Scorecard store{"门店", "S001", {sales, repeat}, {102, {}, false}};

  KpiLine visits = line("visits", "到店人次", "count", "2025-06");
  visits.target = 500;
  visits.weight = 100;
  visits.score = {std::nullopt, std::nullopt, Status::NoValue, "no value, \"visits\" left out"};
  Scorecard whole{"Whole", "", {visits}, {std::nullopt, {"no KPI has a value"}, false}};

  report.scorecards = {store, whole};
  report.warnings = {"KPI \"visits\" has no value"};
  report.quality.add_input({"pos", "pos_06.csv", 120, 1, 2, {}, {}});
  report.quality.record("pos", "column \"实收金额\": not a number",
                        {"data.not-a-number", "\"abc\" is not a number", {"pos_06.csv", 7, 5}});
  return report;
}

std::string render(const Report& report, ReportFormat format, bool bom = false) {
  return kpi::report::render_report(report, format, bom);
}

const std::string kHeader =
    "period,scorecard,entity,kpi,name,kpi_period,actual,target,achievement,weight,score,status,"
    "change_previous,change_last_year,unit,scorecard_score,note\n";

}  // namespace

TEST_SUITE("report.report_data") {
  TEST_CASE("csv: one row per scorecard and KPI, raw numbers, empty for no value") {
    CHECK(render(sample(), ReportFormat::Csv) ==
          kHeader +
              "2025-06,门店,S001,sales,销售额,2025-06,110000,100000,1.1,60,110,met,0.1,-0.05,money,"
              "102,\n"
              "2025-06,门店,S001,repeat_rate,复购率,2025-Q2 to date,0.288,0.32,0.9,40,90,at risk,,,"
              "percent,102,\n"
              "2025-06,Whole,,visits,到店人次,2025-06,,500,,100,,no value,,,count,,"
              "\"no value, \"\"visits\"\" left out\"\n");
  }

  TEST_CASE("csv: a byte-order mark for Excel only when asked, before the header") {
    CHECK(render(sample(), ReportFormat::Csv, true) ==
          "\xEF\xBB\xBF" + render(sample(), ReportFormat::Csv, false));
    CHECK(render(sample(), ReportFormat::Csv, true).substr(3, kHeader.size()) == kHeader);
    CHECK(render(sample(), ReportFormat::Tsv, true).starts_with("period\tscorecard\t"));
  }

  TEST_CASE("tsv: the same rows between tabs, nothing quoted") {
    CHECK(render(sample(), ReportFormat::Tsv) ==
          "period\tscorecard\tentity\tkpi\tname\tkpi_period\tactual\ttarget\tachievement\tweight\t"
          "score\tstatus\tchange_previous\tchange_last_year\tunit\tscorecard_score\tnote\n"
          "2025-06\t门店\tS001\tsales\t销售额\t2025-06\t110000\t100000\t1.1\t60\t110\tmet\t0.1\t"
          "-0.05\tmoney\t102\t\n"
          "2025-06\t门店\tS001\trepeat_rate\t复购率\t2025-Q2 to date\t0.288\t0.32\t0.9\t40\t90\t"
          "at risk\t\t\tpercent\t102\t\n"
          "2025-06\tWhole\t\tvisits\t到店人次\t2025-06\t\t500\t\t100\t\tno value\t\t\tcount\t\t"
          "no value, \"visits\" left out\n");
  }

  TEST_CASE("tsv: tabs and line breaks inside a cell become spaces") {
    Report report = sample();
    report.scorecards.resize(1);
    report.scorecards[0].kpis.resize(1);
    report.scorecards[0].kpis[0].name = "销售\t额\r\n含税";
    CHECK(render(report, ReportFormat::Tsv).find("\tsales\t销售 额  含税\t2025-06\t") !=
          std::string::npos);
  }

  TEST_CASE("jsonl: one object per row, numbers as numbers, null for no value") {
    CHECK(render(sample(), ReportFormat::Jsonl) ==
          R"({"period":"2025-06","scorecard":"门店","entity":"S001","kpi":"sales","name":"销售额",)"
          R"("kpi_period":"2025-06","actual":110000,"target":100000,"achievement":1.1,"weight":60,)"
          R"("score":110,"status":"met","change_previous":0.1,"change_last_year":-0.05,)"
          R"("unit":"money","scorecard_score":102,"note":""})"
          "\n"
          R"({"period":"2025-06","scorecard":"门店","entity":"S001","kpi":"repeat_rate",)"
          R"("name":"复购率","kpi_period":"2025-Q2 to date","actual":0.288,"target":0.32,)"
          R"("achievement":0.9,"weight":40,"score":90,"status":"at risk","change_previous":null,)"
          R"("change_last_year":null,"unit":"percent","scorecard_score":102,"note":""})"
          "\n"
          R"({"period":"2025-06","scorecard":"Whole","entity":"","kpi":"visits","name":"到店人次",)"
          R"("kpi_period":"2025-06","actual":null,"target":500,"achievement":null,"weight":100,)"
          R"("score":null,"status":"no value","change_previous":null,"change_last_year":null,)"
          R"("unit":"count","scorecard_score":null,"note":"no value, \"visits\" left out"})"
          "\n");
  }

  TEST_CASE("json: the whole report, one scorecard and one KPI a line") {
    CHECK(render(sample(), ReportFormat::Json) ==
          R"({
  "period":"2025-06",
  "missing_values":"KPIs without a value are left out",
  "scorecards":[
    {"name":"门店","entity":"S001","score":102,"vetoed":false,"notes":[],"kpis":[
      {"id":"sales","name":"销售额","period":"2025-06","to_date":false,"actual":110000,"target":100000,"target_text":"10万元","achievement":1.1,"weight":60,"score":110,"status":"met","unit":"money","change_previous":0.1,"change_last_year":-0.05,"note":""},
      {"id":"repeat_rate","name":"复购率","period":"2025-Q2 to date","to_date":true,"actual":0.288,"target":0.32,"target_text":"≥32%","achievement":0.9,"weight":40,"score":90,"status":"at risk","unit":"percent","change_previous":null,"change_last_year":null,"note":""}
    ]},
    {"name":"Whole","entity":null,"score":null,"vetoed":false,"notes":[
      "no KPI has a value"
    ],"kpis":[
      {"id":"visits","name":"到店人次","period":"2025-06","to_date":false,"actual":null,"target":500,"target_text":"","achievement":null,"weight":100,"score":null,"status":"no value","unit":"count","change_previous":null,"change_last_year":null,"note":"no value, \"visits\" left out"}
    ]}
  ],
  "plan_score":null,
  "warnings":[
    "KPI \"visits\" has no value"
  ],
  "data_problems":[
    {"source":"pos","reason":"column \"实收金额\": not a number","count":1,"first":[
        "pos_06.csv:7:5: \"abc\" is not a number"
      ]}
  ],
  "inputs":[
    {"source":"pos","file":"pos_06.csv","rows_read":120,"rows_skipped":1,"rows_without_time":2}
  ]
}
)");
  }

  TEST_CASE("json: a plan total and a vetoed scorecard") {
    Report report = sample();
    report.plan_total = kpi::score::ScorecardScore{51.5L, {}, false};
    report.scorecards[0].total = {0, {"veto: 复购率 missed"}, true};
    const std::string json = render(report, ReportFormat::Json);
    CHECK(json.find(R"("plan_score":51.5,)") != std::string::npos);
    CHECK(json.find(R"({"name":"门店","entity":"S001","score":0,"vetoed":true,"notes":[)"
                    "\n      \"veto: 复购率 missed\"\n    ],\"kpis\":[") != std::string::npos);
  }

  TEST_CASE("an empty report: a header alone in csv and tsv, nothing in jsonl, empty arrays") {
    Report report;
    report.period = "2025-Q2";
    report.missing_values = "none";
    CHECK(render(report, ReportFormat::Csv) == kHeader);
    CHECK(render(report, ReportFormat::Jsonl) == "");
    CHECK(render(report, ReportFormat::Json) == R"({
  "period":"2025-Q2",
  "missing_values":"none",
  "scorecards":[],
  "plan_score":null,
  "warnings":[],
  "data_problems":[],
  "inputs":[]
}
)");
  }
}
