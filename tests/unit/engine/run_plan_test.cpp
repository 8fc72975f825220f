// SPDX-License-Identifier: MIT
// What a run plans: the periods formulas read, and in which of them each measure is read.
#include "kpi/engine/run_plan.hpp"

#include <doctest/doctest.h>

#include "kpi/library/compiled_library.hpp"
#include "kpi/library/library_loader.hpp"

namespace {

const char* const kLibrary = R"toml(
[sources.pos]
files = "pos.csv"
time = "day"
[sources.pos.fields]
day = { column = "date", type = "date" }
member = "member"
amount = { column = "amount", type = "money" }

[measures.sales]
source = "pos"
sum = "amount"

[measures.buyers]
source = "pos"
count_distinct = "member"
per = "member"
having = "rows >= 1"

[kpis.share_of_history]
formula = "sales / to_date(sales)"

[kpis.buyers]
formula = "buyers / prev(buyers)"
)toml";

}  // namespace

TEST_SUITE("engine/run_plan") {
  TEST_CASE("a measure is added up only in the periods something reads it in (D24)") {
    // Daily periods with to_date(): every day's history window held the buyers' key tables
    // of all history, though no formula reads buyers there (4 000 days of the clinic: 2.7 GB).
    const kpi::library::Library library = kpi::library::load_library_text(kLibrary, "kpi.toml");
    const kpi::library::CompiledLibrary compiled = kpi::library::compile_library(library);
    kpi::engine::ValuesRequest request;
    for (std::int32_t day = 20240; day < 20243; ++day) {
      request.periods.push_back(kpi::time::day_period(day));
    }
    const kpi::engine::RunPlan plan = kpi::engine::plan_run(compiled, request);
    const std::size_t sales = 0, buyers = 1;
    const kpi::expr::Shift to_date{kpi::expr::Shift::Kind::Cumulative, 0};
    for (std::size_t base = 0; base < 3; ++base) {
      CAPTURE(base);
      const std::size_t history = plan.windows.index_of_known(base, {to_date});
      const std::size_t previous = plan.windows.index_of_known(base, {kpi::expr::Shift::Previous});
      CHECK(plan.reads[sales][base]);
      CHECK(plan.reads[sales][history]);
      CHECK(plan.reads[buyers][base]);
      CHECK(plan.reads[buyers][previous]);
      CHECK_FALSE(plan.reads[buyers][history]);
    }
    // The day before the first is read for buyers only.
    const std::size_t before = plan.windows.index_of_known(0, {kpi::expr::Shift::Previous});
    CHECK_FALSE(plan.reads[sales][before]);
  }
}
