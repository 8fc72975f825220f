// SPDX-License-Identifier: MIT
// The keys kpi list gives: exactly those a per-entity measure counts, read back from keys held
// inline, packed as digits or by id (texts longer than a key holds), whatever the threads;
// sorted by value, numbers by size.
#include "kpi/engine/entity_list.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "kpi/engine/row_reader.hpp"
#include "kpi/library/compiled_library.hpp"
#include "kpi/library/library_loader.hpp"
#include "kpi/time/period.hpp"
#include "test_support.hpp"

namespace {

const std::string kLibrary = R"toml(
[sources.pos]
files = "pos.csv"
time = "day"
[sources.pos.fields]
day = { column = "date", type = "date" }
store = "store"
member = "member"
card = { column = "card", type = "number" }
amount = { column = "amount", type = "money" }
[measures.repeat_members]
source = "pos"
count_distinct = "member"
per = "member"
having = "rows >= 2"
[measures.lost_cards]
source = "pos"
count_distinct = "card"
per = "card"
having = "lost and sum(amount) > 0"
)toml";

// A member number of 10 digits (packed), a short text, and a text of 20 bytes (held by id).
const std::string kExport =
    "date,store,member,card,amount\n"
    "2025-05-02,SH,6100000001,100,10\n"
    "2025-05-03,SH,a-member-of-20-bytes,9,20\n"
    "2025-05-04,BJ,M7,10,-5\n"
    "2025-06-01,SH,6100000001,1,1\n"
    "2025-06-02,SH,6100000001,1,1\n"
    "2025-06-03,SH,a-member-of-20-bytes,1,1\n"
    "2025-06-04,BJ,a-member-of-20-bytes,1,1\n"
    "2025-06-05,BJ,M7,1,1\n";

struct Listed {
  std::vector<std::string> by_values;
  std::vector<std::string> keys;  // with their rows: "6100000001 2"
};

std::vector<Listed> list(const std::string& measure, const std::string& by, std::size_t threads) {
  kpi::test::TempDir dir;
  dir.write("pos.csv", kExport);
  const auto library = kpi::library::load_library(dir.write("kpi.toml", kLibrary));
  const auto compiled = kpi::library::compile_library(library);
  kpi::engine::ValuesRequest request;
  request.periods = {kpi::time::month_period({2025, 6}, {})};
  request.by = by;
  request.scan.threads = threads;
  std::size_t m = 0;
  while (compiled.measures[m].definition->name != measure) {
    ++m;
  }
  std::vector<Listed> result;
  for (const auto& group : kpi::engine::list_entities(compiled, request, m).groups) {
    Listed& listed = result.emplace_back();
    listed.by_values = group.by_values;
    for (const auto& key : group.keys) {
      listed.keys.push_back(kpi::engine::key_text(key.value()) + " " + std::to_string(key.rows));
    }
  }
  return result;
}

}  // namespace

TEST_CASE("kpi list gives the keys that pass, read back from every form of key") {
  for (std::size_t threads : {1, 2}) {
    const std::vector<Listed> whole = list("repeat_members", "", threads);
    REQUIRE(whole.size() == 1);
    CHECK(whole[0].by_values.empty());
    CHECK(whole[0].keys == std::vector<std::string>{"6100000001 2", "a-member-of-20-bytes 2"});
    const std::vector<Listed> by_store = list("repeat_members", "store", threads);
    REQUIRE(by_store.size() == 1);  // at BJ no member has two rows: no key, no group
    CHECK(by_store[0].by_values == std::vector<std::string>{"SH"});
    CHECK(by_store[0].keys == std::vector<std::string>{"6100000001 2"});
  }
}

TEST_CASE("kpi list judges lost keys over the period before and sorts numbers by size") {
  // Cards of May: 100 (10), 9 (20), 10 (-5); June has only card 1. Lost with a positive sum:
  // 9 and 100, in that order (as text "100" would come first), with their rows in May.
  const std::vector<Listed> lost = list("lost_cards", "", 1);
  REQUIRE(lost.size() == 1);
  CHECK(lost[0].keys == std::vector<std::string>{"9 1", "100 1"});
}
