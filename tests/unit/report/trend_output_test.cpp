// SPDX-License-Identifier: MIT
#include "kpi/report/trend_output.hpp"

#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

namespace {

using kpi::engine::KpiValue;
using kpi::engine::ValuesResult;
using kpi::report::Format;
using kpi::report::Trend;
using kpi::report::TrendLine;
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

kpi::library::Library library() {
  kpi::library::Library library;
  library.kpis.push_back(kpi_of("sales", "销售额", "money", 2));
  library.kpis.push_back(kpi_of("margin", "毛利率", "percent", 1));
  return library;
}

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

// Three months; the engine computed the first two (the third is after --as-of).
Trend trend_of(const ValuesResult& result) {
  Trend trend;
  trend.from = "2025-04";
  trend.to = "2025-06";
  trend.every = "month";
  trend.periods = {{PeriodKind::Month, 20179, 20208, "2025-04"},
                   {PeriodKind::Month, 20209, 20239, "2025-05"},
                   {PeriodKind::Month, 20240, 20269, "2025-06"}};
  trend.lines = kpi::report::trend_lines(library(), result, trend.periods.size());
  return trend;
}

// Per period, as the engine gives them: the stores of a period in byte order, SH01 only in May.
ValuesResult by_store() {
  ValuesResult result;
  result.rows = {value(0, 0, 100, "store", "BJ02"), value(0, 1, 0.5, "store", "BJ02"),
                 value(1, 0, 200, "store", "BJ02"), value(1, 0, 300, "store", "SH01"),
                 value(1, 1, std::nullopt, "store", "BJ02")};
  return result;
}

}  // namespace

TEST_CASE("trend_output.lines per KPI and breakdown value, a column per period") {
  const Trend trend = trend_of(by_store());
  REQUIRE(trend.lines.size() == 3);
  CHECK(trend.lines[0].kpi == "sales");
  CHECK(trend.lines[0].by_value == "BJ02");
  CHECK(trend.lines[0].values == std::vector<std::optional<long double>>{100, 200, std::nullopt});
  CHECK(trend.lines[1].by_value == "SH01");  // seen in May only: none in April
  CHECK(trend.lines[1].values ==
        std::vector<std::optional<long double>>{std::nullopt, 300, std::nullopt});
  CHECK(trend.lines[2].kpi == "margin");
  CHECK(trend.lines[2].values ==
        std::vector<std::optional<long double>>{0.5, std::nullopt, std::nullopt});
}

TEST_CASE("trend_output.the whole before its breakdown values") {
  ValuesResult result;
  result.rows = {value(0, 0, 7, "store", "SH01"), value(0, 0, 5, "store", "BJ02"), value(0, 0, 12)};
  const Trend trend = trend_of(result);
  REQUIRE(trend.lines.size() == 3);
  CHECK(trend.lines[0].by_field.empty());
  CHECK(trend.lines[1].by_value == "BJ02");
  CHECK(trend.lines[2].by_value == "SH01");
}

TEST_CASE("trend_output.csv names the breakdown column by its field, empty for no value") {
  CHECK(kpi::report::render_trend(trend_of(by_store()), Format::Csv) ==
        "kpi,name,store,unit,2025-04,2025-05,2025-06\n"
        "sales,销售额,BJ02,money,100,200,\n"
        "sales,销售额,SH01,money,,300,\n"
        "margin,毛利率,BJ02,percent,0.5,,\n");
}

TEST_CASE("trend_output.csv with KPIs broken down by different fields") {
  ValuesResult result;
  result.rows = {value(0, 0, 1, "store", "SH01"), value(0, 1, 0.25, "region", "华东")};
  CHECK(kpi::report::render_trend(trend_of(result), Format::Csv, true) ==
        "\xEF\xBB\xBFkpi,name,by,unit,2025-04,2025-05,2025-06\n"
        "sales,销售额,store=SH01,money,1,,\n"
        "margin,毛利率,region=华东,percent,0.25,,\n");
}

TEST_CASE("trend_output.json: periods with their days, values with null") {
  ValuesResult result;
  result.rows = {value(0, 0, 1.5), value(1, 0, std::nullopt)};
  CHECK(kpi::report::render_trend(trend_of(result), Format::Json) ==
        "{\"schema_version\":1,\"from\":\"2025-04\",\"to\":\"2025-06\",\"every\":\"month\","
        "\"as_of\":null,\n\"periods\":[\n"
        "{\"period\":\"2025-04\",\"first_day\":\"2025-04-01\",\"last_day\":\"2025-04-30\"},\n"
        "{\"period\":\"2025-05\",\"first_day\":\"2025-05-01\",\"last_day\":\"2025-05-31\"},\n"
        "{\"period\":\"2025-06\",\"first_day\":\"2025-06-01\",\"last_day\":\"2025-06-30\"}],\n"
        "\"kpis\":[\n"
        "{\"kpi\":\"sales\",\"name\":\"销售额\",\"by\":{},\"unit\":\"money\","
        "\"values\":[1.5,null,null]}]}\n");
}

TEST_CASE("trend_output.table: precision, percentages and a dash for no value") {
  CHECK(kpi::report::render_trend(trend_of(by_store()), Format::Table) ==
        "kpi     name    store  unit     2025-04  2025-05  2025-06\n"
        "sales   销售额  BJ02   money     100.00   200.00        —\n"
        "sales   销售额  SH01   money          —   300.00        —\n"
        "margin  毛利率  BJ02   percent    50.0%        —        —\n");
}

TEST_CASE("trend_output.jsonl: one object per KPI and period") {
  ValuesResult result;
  result.rows = {value(0, 1, 0.125, "store", "SH01")};
  const std::string text = kpi::report::render_trend(trend_of(result), Format::Jsonl);
  CHECK(text ==
        "{\"kpi\":\"margin\",\"name\":\"毛利率\",\"period\":\"2025-04\",\"by\":{\"store\":"
        "\"SH01\"},\"value\":0.125,\"unit\":\"percent\"}\n"
        "{\"kpi\":\"margin\",\"name\":\"毛利率\",\"period\":\"2025-05\",\"by\":{\"store\":"
        "\"SH01\"},\"value\":null,\"unit\":\"percent\"}\n"
        "{\"kpi\":\"margin\",\"name\":\"毛利率\",\"period\":\"2025-06\",\"by\":{\"store\":"
        "\"SH01\"},\"value\":null,\"unit\":\"percent\"}\n");
}
