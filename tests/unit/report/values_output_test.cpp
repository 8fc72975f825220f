// SPDX-License-Identifier: MIT
#include "kpi/report/values_output.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace {

using kpi::ValuesFormat;
using kpi::engine::KpiValue;
using kpi::engine::ValuesResult;
using kpi::time::Period;
using kpi::time::PeriodKind;

kpi::library::Kpi kpi_of(std::string id, std::string name, std::string unit, int precision) {
  kpi::library::Kpi kpi;
  kpi.id = std::move(id);
  kpi.name = std::move(name);
  kpi.unit = std::move(unit);
  kpi.precision = precision;
  return kpi;
}

// Three KPIs: money at 2 decimals, a percentage at 1, a count whose name needs quoting in CSV.
kpi::library::Library library() {
  kpi::library::Library library;
  library.kpis.push_back(kpi_of("sales", "销售额", "money", 2));
  library.kpis.push_back(kpi_of("repeat_rate", "复购率", "percent", 1));
  library.kpis.push_back(kpi_of("orders", "Orders, all", "count", 0));
  return library;
}

const std::vector<Period> kPeriods = {{PeriodKind::Month, 20240, 20269, "2025-06"},
                                      {PeriodKind::Quarter, 20179, 20269, "2025-Q2"}};

KpiValue value(std::size_t period, std::size_t kpi, std::optional<long double> v,
               std::string by_field = "", std::string by_value = "") {
  KpiValue row;
  row.period = period;
  row.kpi = kpi;
  if (!by_field.empty()) {
    row.by_values = {by_value};
  }
  row.by_field = std::move(by_field);
  row.by_value = std::move(by_value);
  row.value = v;
  return row;
}

// A value of each KPI for June (one without a value), and sales of one store in Q2.
ValuesResult result() {
  ValuesResult result;
  result.rows = {value(0, 0, 12345.678L), value(0, 1, 0.12345L), value(0, 2, std::nullopt),
                 value(1, 0, -100, "store", "上海一店")};
  return result;
}

std::string render(const ValuesResult& values, ValuesFormat format) {
  return kpi::render_values(library(), values, kPeriods, format);
}

}  // namespace

TEST_SUITE("report.values_output") {
  TEST_CASE("table: aligned, values at the KPI's precision, percentages ×100, — for none") {
    CHECK(render(result(), ValuesFormat::Table) ==
          "kpi          name         period   by                 value  unit\n"
          "sales        销售额       2025-06                  12345.68  money\n"
          "repeat_rate  复购率       2025-06                     12.3%  percent\n"
          "orders       Orders, all  2025-06                         —  count\n"
          "sales        销售额       2025-Q2  store=上海一店   -100.00  money\n");
  }

  TEST_CASE("table in Chinese: headers and unit words translated") {
    CHECK(kpi::render_values(library(), result(), kPeriods, ValuesFormat::Table,
                             {kpi::report::Lang::Zh, "$"}) ==
          "指标         名称         期间     维度                数值  单位\n"
          "sales        销售额       2025-06                  12345.68  金额\n"
          "repeat_rate  复购率       2025-06                     12.3%  百分比\n"
          "orders       Orders, all  2025-06                         —  计数\n"
          "sales        销售额       2025-Q2  store=上海一店   -100.00  金额\n");
  }

  TEST_CASE("csv and json are the same in every language: a contract for programs") {
    for (const ValuesFormat format : {ValuesFormat::Csv, ValuesFormat::Json}) {
      CHECK(kpi::render_values(library(), result(), kPeriods, format,
                               {kpi::report::Lang::Zh, "$"}) == render(result(), format));
    }
  }

  TEST_CASE("csv: raw values, a column per breakdown field named after it, empty for none") {
    CHECK(render(result(), ValuesFormat::Csv) ==
          "kpi,name,period,store,value,unit\n"
          "sales,销售额,2025-06,,12345.678,money\n"
          "repeat_rate,复购率,2025-06,,0.12345,percent\n"
          "orders,\"Orders, all\",2025-06,,,count\n"
          "sales,销售额,2025-Q2,上海一店,-100,money\n");
  }

  TEST_CASE("json: schema_version and an object a line, by as {field: value}, null for none") {
    CHECK(render(result(), ValuesFormat::Json) ==
          "{\"schema_version\":1,\"values\":[\n"
          R"({"kpi":"sales","name":"销售额","period":"2025-06","by":{},"value":12345.678,)"
          R"("unit":"money"},)"
          "\n"
          R"({"kpi":"repeat_rate","name":"复购率","period":"2025-06","by":{},"value":0.12345,)"
          R"("unit":"percent"},)"
          "\n"
          R"({"kpi":"orders","name":"Orders, all","period":"2025-06","by":{},"value":null,)"
          R"("unit":"count"},)"
          "\n"
          R"({"kpi":"sales","name":"销售额","period":"2025-Q2","by":{"store":"上海一店"},)"
          R"("value":-100,"unit":"money"})"
          "\n]}\n");
  }

  TEST_CASE("jsonl: the json's rows, one a line, with the same keys") {
    CHECK(render(result(), ValuesFormat::Jsonl) ==
          R"({"kpi":"sales","name":"销售额","period":"2025-06","by":{},"value":12345.678,)"
          R"("unit":"money"})"
          "\n"
          R"({"kpi":"repeat_rate","name":"复购率","period":"2025-06","by":{},"value":0.12345,)"
          R"("unit":"percent"})"
          "\n"
          R"({"kpi":"orders","name":"Orders, all","period":"2025-06","by":{},"value":null,)"
          R"("unit":"count"})"
          "\n"
          R"({"kpi":"sales","name":"销售额","period":"2025-Q2","by":{"store":"上海一店"},)"
          R"("value":-100,"unit":"money"})"
          "\n");
  }

  TEST_CASE("tsv: the csv's columns separated by tabs; --bom before csv only") {
    CHECK(render(result(), ValuesFormat::Tsv) ==
          "kpi\tname\tperiod\tstore\tvalue\tunit\n"
          "sales\t销售额\t2025-06\t\t12345.678\tmoney\n"
          "repeat_rate\t复购率\t2025-06\t\t0.12345\tpercent\n"
          "orders\tOrders, all\t2025-06\t\t\tcount\n"
          "sales\t销售额\t2025-Q2\t上海一店\t-100\tmoney\n");
    const std::string csv =
        kpi::render_values(library(), result(), kPeriods, ValuesFormat::Csv, {}, true);
    CHECK(csv.starts_with("\xEF\xBB\xBFkpi,name,period,store,value,unit\n"));
    CHECK(kpi::render_values(library(), result(), kPeriods, ValuesFormat::Tsv, {}, true)
              .starts_with("kpi\t"));
  }

  TEST_CASE("markdown and html in Chinese: headers, unit words, values as the table shows") {
    const kpi::report::Presentation zh{kpi::report::Lang::Zh, "\xC2\xA5"};
    CHECK(kpi::render_values(library(), result(), kPeriods, ValuesFormat::Markdown, zh) ==
          "| 指标 | 名称 | 期间 | 维度 | 数值 | 单位 |\n"
          "| --- | --- | --- | --- | ---: | --- |\n"
          "| sales | 销售额 | 2025-06 |  | 12345.68 | 金额 |\n"
          "| repeat_rate | 复购率 | 2025-06 |  | 12.3% | 百分比 |\n"
          "| orders | Orders, all | 2025-06 |  | — | 计数 |\n"
          "| sales | 销售额 | 2025-Q2 | store=上海一店 | -100.00 | 金额 |\n");
    const std::string page =
        kpi::render_values(library(), result(), kPeriods, ValuesFormat::Html, zh);
    CHECK(page.starts_with("<!DOCTYPE html>\n<html lang=\"zh-CN\">"));
    CHECK(page.find("<title>KPI 数值</title>") != std::string::npos);
    CHECK(page.find("<tr><th>指标</th><th>名称</th><th>期间</th><th>维度</th>"
                    "<th class=\"value\">数值</th><th>单位</th></tr>") != std::string::npos);
    CHECK(page.find("<tr><td>sales</td><td>销售额</td><td>2025-Q2</td><td>store=上海一店</td>"
                    "<td class=\"value\">-100.00</td><td>金额</td></tr>") != std::string::npos);
    CHECK(page.find("<script") == std::string::npos);
    CHECK(page.find("http") == std::string::npos);
  }

  TEST_CASE("raw values keep at most six decimals, the table rounds half away from zero") {
    ValuesResult values;
    values.rows = {value(0, 0, 2.0L / 3), value(0, 1, 0.00125L)};
    CHECK(render(values, ValuesFormat::Csv) ==
          "kpi,name,period,by,value,unit\n"
          "sales,销售额,2025-06,,0.666667,money\n"
          "repeat_rate,复购率,2025-06,,0.00125,percent\n");
    CHECK(render(values, ValuesFormat::Table) ==
          "kpi          name    period   by  value  unit\n"
          "sales        销售额  2025-06       0.67  money\n"
          "repeat_rate  复购率  2025-06       0.1%  percent\n");
  }

  TEST_CASE("text that needs escaping is escaped in csv and json") {
    ValuesResult values;
    values.rows = {value(0, 2, 3, "channel", "app \"beta\"")};
    CHECK(render(values, ValuesFormat::Csv) ==
          "kpi,name,period,channel,value,unit\n"
          "orders,\"Orders, all\",2025-06,\"app \"\"beta\"\"\",3,count\n");
    CHECK(render(values, ValuesFormat::Json) ==
          "{\"schema_version\":1,\"values\":[\n"
          R"({"kpi":"orders","name":"Orders, all","period":"2025-06",)"
          R"("by":{"channel":"app \"beta\""},"value":3,"unit":"count"})"
          "\n]}\n");
  }

  TEST_CASE("no rows: a header alone in table and csv, an empty array in json") {
    const ValuesResult none;
    CHECK(render(none, ValuesFormat::Table) == "kpi  name  period  by  value  unit\n");
    CHECK(render(none, ValuesFormat::Csv) == "kpi,name,period,by,value,unit\n");
    CHECK(render(none, ValuesFormat::Json) == "{\"schema_version\":1,\"values\":[]}\n");
    CHECK(render(none, ValuesFormat::Jsonl) == "");
  }
}
