// SPDX-License-Identifier: MIT
// Money adds up exactly to the cent: cells are summed as integer millionths, never as doubles.
#include <doctest/doctest.h>

#include <cstdint>
#include <string_view>

#include "kpi/value/decimal.hpp"
#include "kpi/value/number_parser.hpp"

namespace {

constexpr int kRows = 1'000'000;

// Sums the cell `text` parsed `rows` times; every parse must give a value.
std::int64_t sum_units(std::string_view text, int rows) {
  std::int64_t total = 0;
  bool all_values = true;
  for (int row = 0; row < rows; ++row) {
    const kpi::NumberCell cell = kpi::parse_number(text);
    all_values = all_values && cell.status == kpi::CellStatus::Value;
    total += cell.value.units();
  }
  CHECK(all_values);
  return total;
}

}  // namespace

TEST_SUITE("value.money_sum") {
  TEST_CASE("a million ¥1,234.56 add up to exactly 1234560000.00") {
    const std::int64_t total = sum_units("¥1,234.56", kRows);
    CHECK(total == 1'234'560'000'000000);
    CHECK(kpi::Decimal::from_units(total).to_string(2) == "1234560000.00");
    CHECK(kpi::Decimal::from_units(total).to_string() == "1234560000");
  }

  TEST_CASE("a million 0.01 add up to exactly 10000.00") {
    const std::int64_t total = sum_units("0.01", kRows);
    CHECK(total == 10'000'000000);
    CHECK(kpi::Decimal::from_units(total).to_string(2) == "10000.00");
  }

  TEST_CASE("sales and their refunds net to exactly zero") {
    // Each sale is refunded once, written the way different exports write negatives.
    constexpr std::string_view kCells[] = {
        "¥19.99",     "(19.99)",     // accounting style
        "1,000.01元", "-1,000.01",   // trailing 元, leading sign
        "￥0.10",     "¥-0.1",       // sign after the currency
        "0.07",       "－０．０７",  // full width
        "1.2万元",    "-12,000",     // 万
        "33.33",      "RMB -33.33",
    };
    std::int64_t total = 0;
    std::int64_t sales = 0;
    for (int round = 0; round < 10'000; ++round) {
      for (std::string_view text : kCells) {
        const std::int64_t units = kpi::parse_number(text).value.units();
        total += units;
        sales += units > 0 ? units : 0;
      }
    }
    CHECK(sales == 10'000 * 13'053'500000);
    CHECK(total == 0);
    CHECK(kpi::Decimal::from_units(total).to_string(2) == "0.00");
  }

  TEST_CASE("the same sums in double drift; Decimal does not") {
    double as_double = 0;
    std::int64_t as_units = 0;
    for (int row = 0; row < 1000; ++row) {
      as_double += 0.1;
      as_units += kpi::parse_number("0.1").value.units();
    }
    CHECK(as_double != 100.0);  // why money is not summed as double
    CHECK(kpi::Decimal::from_units(as_units).to_string(2) == "100.00");
  }
}
