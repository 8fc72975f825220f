// SPDX-License-Identifier: MIT
// What a per-entity measure means, on aggregations fed row by row: count_distinct(x) per key
// counts each key's distinct values once, also when the rows were split between two
// aggregations (two threads' parts) and merged.
#include "kpi/engine/per_entity.hpp"

#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

#include "kpi/engine/run_plan.hpp"
#include "kpi/engine/source_aggregation.hpp"
#include "kpi/library/compiled_library.hpp"
#include "kpi/library/library_loader.hpp"
#include "kpi/time/period.hpp"
#include "kpi/value/moment.hpp"
#include "test_support.hpp"

namespace {

using kpi::expr::Value;

// Customers with two or more distinct orders, among customers: an order has several lines.
const std::string kLibrary = R"toml(
[sources.orders]
files = "orders.csv"
time = "day"
[sources.orders.fields]
day = { column = "date", type = "date" }
customer = "customer"
order_id = "order_id"
[measures.repeat_customers]
source = "orders"
count_distinct = "customer"
per = "customer"
having = "count_distinct(order_id) >= 2"
[measures.customers]
source = "orders"
count_distinct = "customer"
[kpis.repeat_share]
formula = "repeat_customers / customers"
)toml";

struct Line {
  const char* customer;
  const char* order;
};

// customer → orders: C1 {A-1, A-2}, C2 {B-1} on three lines, C3 {C-1, C-2}, C4 {D-1}.
const std::vector<Line> kFirstPart = {{"C1", "A-1"}, {"C1", "A-1"}, {"C2", "B-1"},
                                      {"C2", "B-1"}, {"C3", "C-1"}, {"C4", "D-1"}};
const std::vector<Line> kSecondPart = {{"C1", "A-2"}, {"C2", "B-1"}, {"C3", "C-2"}, {"C3", "C-1"}};

void add(kpi::engine::SourceAggregation& aggregation, const std::vector<Line>& lines,
         std::int32_t day) {
  for (const Line& line : lines) {
    const std::vector<Value> row = {Value::of_moment(kpi::moment_of(day)),
                                    Value::of_text(line.customer), Value::of_text(line.order)};
    aggregation.add(row, day);
  }
  aggregation.finish_rows();
}

// The measure's value for June when the lines are added to one aggregation, or to two merged.
std::optional<long double> repeat_customers(bool in_two_parts) {
  kpi::test::TempDir dir;
  const auto library = kpi::library::load_library(dir.write("kpi.toml", kLibrary));
  const auto compiled = kpi::library::compile_library(library);
  const kpi::time::Period june = kpi::time::month_period({2025, 6}, {});
  kpi::engine::ValuesRequest request;
  request.periods = {june};
  const kpi::engine::RunPlan plan = kpi::engine::plan_run(compiled, request);
  std::vector<std::optional<kpi::engine::SourceAggregation>> sources(1);
  sources[0].emplace(plan, plan.sources[0]);
  add(*sources[0], kFirstPart, june.first_day + 2);
  kpi::engine::SourceAggregation part(plan, plan.sources[0]);
  add(in_two_parts ? part : *sources[0], kSecondPart, june.first_day + 9);
  if (in_two_parts) {
    sources[0]->merge(std::move(part));
  }
  kpi::engine::PerEntityValues values(plan, sources);
  return values.value(0, sources[0]->whole(), 0);
}

}  // namespace

TEST_SUITE("engine.per_entity") {
  TEST_CASE("count_distinct(x) per key counts distinct values, not lines") {
    CHECK(repeat_customers(false) == 2.0L);  // C1 and C3; C2 has three lines of one order
  }

  TEST_CASE("a value two parts both saw counts once for its key when they merge") {
    CHECK(repeat_customers(true) == 2.0L);  // B-1 in both parts: still one order of C2
  }
}
