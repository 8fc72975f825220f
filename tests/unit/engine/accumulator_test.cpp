// SPDX-License-Identifier: MIT
// What a measure's running state gives for each aggregate of the registry, and that money adds
// up exactly to the cent through it: cells are summed as integer millionths, never as doubles.
#include "kpi/engine/accumulator.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <string_view>
#include <vector>

#include "kpi/value/number_parser.hpp"

namespace {

using kpi::engine::Accumulator;
using kpi::expr::Value;
using kpi::library::Aggregate;

Value number(std::string_view text) {
  const kpi::NumberCell cell = kpi::parse_number(text);
  REQUIRE(cell.status == kpi::CellStatus::Value);
  return Value::of_number(cell.value);
}

// The aggregate of the cells, "" standing for a null.
std::optional<long double> of(Aggregate aggregate, std::vector<std::string_view> cells) {
  Accumulator accumulator(aggregate);
  for (std::string_view cell : cells) {
    accumulator.add(cell.empty() ? Value{} : number(cell));
  }
  return accumulator.result();
}

}  // namespace

TEST_SUITE("engine.accumulator") {
  TEST_CASE("a million ¥1,234.56 add up to exactly 1234560000") {
    Accumulator sum(Aggregate::Sum);
    const Value cell = number("¥1,234.56");
    for (int row = 0; row < 1'000'000; ++row) {
      sum.add(cell);
    }
    CHECK(*sum.result() == 1'234'560'000.0L);
  }

  TEST_CASE("sales and their refunds, written as exports write negatives, net to exactly 0") {
    constexpr std::string_view kCells[] = {
        "¥19.99",     "(19.99)",     // accounting style
        "1,000.01元", "-1,000.01",   // trailing 元, leading sign
        "￥0.10",     "¥-0.1",       // sign after the currency
        "0.07",       "－０．０７",  // full width
        "1.2万元",    "-12,000",     // 万
        "33.33",      "RMB -33.33",
    };
    Accumulator total(Aggregate::Sum);
    Accumulator sales(Aggregate::Sum);
    for (int round = 0; round < 10'000; ++round) {
      for (std::string_view text : kCells) {
        const Value value = number(text);
        total.add(value);
        if (value.number.units() > 0) {
          sales.add(value);
        }
      }
    }
    CHECK(*total.result() == 0.0L);
    CHECK(*sales.result() == 130'535'000.0L);
  }

  TEST_CASE("each aggregate of the same values, nulls skipped") {
    const std::vector<std::string_view> cells = {"3", "", "1.5", "8", "1.5", "", "4"};
    CHECK(*of(Aggregate::Sum, cells) == 18.0L);
    CHECK(*of(Aggregate::Count, cells) == 5.0L);
    CHECK(*of(Aggregate::Avg, cells) == 3.6L);
    CHECK(*of(Aggregate::Min, cells) == 1.5L);
    CHECK(*of(Aggregate::Max, cells) == 8.0L);
    CHECK(*of(Aggregate::Median, cells) == 3.0L);
    CHECK(*of(Aggregate::Mode, cells) == 1.5L);
  }

  TEST_CASE("an even count's median is the mean of the middle two, and a tie's mode the smallest") {
    CHECK(*of(Aggregate::Median, {"4", "1", "3", "2"}) == 2.5L);
    CHECK(*of(Aggregate::Mode, {"7", "2", "7", "2", "9"}) == 2.0L);
    CHECK(*of(Aggregate::Mode, {"-1", "5"}) == -1.0L);
  }

  TEST_CASE("no values: sums and counts are 0, the others have no value") {
    CHECK(*of(Aggregate::Sum, {""}) == 0.0L);
    CHECK(*of(Aggregate::Count, {}) == 0.0L);
    CHECK(*Accumulator(Aggregate::CountDistinct).result() == 0.0L);
    for (Aggregate aggregate :
         {Aggregate::Avg, Aggregate::Min, Aggregate::Max, Aggregate::Median, Aggregate::Mode}) {
      CHECK_FALSE(of(aggregate, {"", ""}).has_value());
    }
  }

  TEST_CASE("merged parts give the whole's value, and distinct ids are translated") {
    for (Aggregate aggregate : {Aggregate::Sum, Aggregate::Count, Aggregate::Avg, Aggregate::Min,
                                Aggregate::Max, Aggregate::Median, Aggregate::Mode}) {
      Accumulator first(aggregate), second(aggregate);
      for (std::string_view cell : {"3", "1.5", "8"}) {
        first.add(number(cell));
      }
      for (std::string_view cell : {"1.5", "4"}) {
        second.add(number(cell));
      }
      first.merge(second);
      CHECK(first.result() == of(aggregate, {"3", "1.5", "8", "1.5", "4"}));
    }
    // A part with no values neither gives nor takes a minimum or maximum (held where a sum is).
    for (Aggregate aggregate : {Aggregate::Min, Aggregate::Max}) {
      Accumulator empty(aggregate), part(aggregate);
      part.add(number("-2.5"));
      part.add(number("-7"));
      part.merge(Accumulator(aggregate));
      empty.merge(part);
      CHECK(empty.result() == of(aggregate, {"-2.5", "-7"}));
      CHECK(*empty.exact() == *part.exact());
    }
    Accumulator ours(Aggregate::CountDistinct), theirs(Aggregate::CountDistinct);
    ours.add_distinct(0);
    ours.add_distinct(1);
    theirs.add_distinct(0);  // their 0 is our 1, their 1 is new to us
    theirs.add_distinct(1);
    const std::vector<std::uint32_t> remap = {1, 2};
    ours.merge(theirs, remap);
    CHECK(*ours.result() == 3.0L);
  }
}
