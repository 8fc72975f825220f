// SPDX-License-Identifier: MIT
// What kpi explain counts: rows in the period, rows passing a measure's filter, keys seen and
// keys passing, the same on one thread as on two (each reading a file, their counts merged).
#include "kpi/engine/kpi_explanation.hpp"

#include <doctest/doctest.h>

#include <string>

#include "kpi/library/compiled_library.hpp"
#include "kpi/library/library_loader.hpp"
#include "kpi/time/period.hpp"
#include "test_support.hpp"

namespace {

const std::string kLibrary = R"toml(
[sources.pos]
files = "pos_*.csv"
time = "day"
[sources.pos.fields]
day = { column = "date", type = "date" }
member = "member"
amount = { column = "amount", type = "money" }
[measures.sales]
source = "pos"
sum = "amount"
filter = "amount > 0"
[measures.repeat_members]
source = "pos"
count_distinct = "member"
per = "member"
having = "rows >= 2"
[kpis.repeat_members]
formula = "repeat_members"
[kpis.growth]
formula = "sales / prev(sales) - 1"
)toml";

kpi::engine::KpiExplanation explain(const std::string& kpi, std::size_t threads) {
  kpi::test::TempDir dir;
  dir.write("pos_05.csv", "date,member,amount\n2025-05-03,A,10\n2025-05-04,B,-2\n");
  dir.write("pos_06.csv",
            "date,member,amount\n2025-06-01,A,5\n2025-06-02,A,-1\n2025-06-03,,7\n"
            "2025-06-04,B,3\n2025-07-01,B,3\n");
  const auto library = kpi::library::load_library(dir.write("kpi.toml", kLibrary));
  const auto compiled = kpi::library::compile_library(library);
  kpi::engine::ValuesRequest request;
  request.periods = {kpi::time::month_period({2025, 6}, {})};
  request.scan.threads = threads;
  std::size_t k = 0;
  while (compiled.kpis[k].definition->id != kpi) {
    ++k;
  }
  return kpi::engine::explain_kpi(compiled, request, k, "", "");
}

}  // namespace

TEST_CASE("kpi explain counts rows in the period, passing the filter, and keys") {
  for (std::size_t threads : {1, 2}) {
    CAPTURE(threads);
    const auto growth = explain("growth", threads);
    REQUIRE(growth.value);
    CHECK(*growth.value == doctest::Approx(15.0L / 10 - 1));
    REQUIRE(growth.measures.size() == 2);  // sales in June, prev(sales) in May
    CHECK(growth.measures[0].period.label == "2025-06");
    CHECK(growth.measures[0].rows_in_period == 4);
    CHECK(growth.measures[0].rows_passing == 3);  // 5, 7 and 3; not -1
    CHECK(growth.measures[1].period.label == "2025-05");
    CHECK(growth.measures[1].rows_in_period == 2);
    CHECK(growth.measures[1].rows_passing == 1);
    const auto repeat = explain("repeat_members", threads);
    REQUIRE(repeat.measures.size() == 1);
    CHECK(repeat.measures[0].rows_passing == 3);  // the row without a member has no key
    CHECK(repeat.measures[0].keys_seen == 2);
    CHECK(repeat.measures[0].keys_passing == 1);  // A, twice
    CHECK(repeat.value == 1);
  }
}
