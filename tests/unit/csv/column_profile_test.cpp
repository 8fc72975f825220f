// SPDX-License-Identifier: MIT
#include "kpi/csv/column_profile.hpp"

#include <doctest/doctest.h>

#include <vector>

namespace {

kpi::csv::ColumnProfile profile(std::vector<std::string_view> cells) {
  kpi::csv::ColumnProfiler profiler;
  for (std::string_view cell : cells) {
    profiler.add(cell);
  }
  return profiler.result("c");
}

using kpi::csv::ColumnType;

}  // namespace

TEST_SUITE("app.column_profile") {
  TEST_CASE("types are inferred from every value") {
    CHECK(profile({"2025-06-03", "2025/6/4"}).type == ColumnType::Date);
    CHECK(profile({"2025-06-03 09:00", "2025-06-04"}).type == ColumnType::DateTime);
    CHECK(profile({"35%", "12.5%"}).type == ColumnType::Percent);
    CHECK(profile({"¥1,234.50", "80"}).type == ColumnType::Money);
    CHECK(profile({"1", "2.5", "-3"}).type == ColumnType::Number);
    CHECK(profile({"1", "two"}).type == ColumnType::Text);
    CHECK(profile({"", "-", "N/A"}).type == ColumnType::Empty);
    CHECK(profile({"6100000123", "", "6100000456"}).type == ColumnType::Text);
    CHECK(profile({"20250603", "20250604"}).type == ColumnType::Date);
  }

  TEST_CASE("min, max, missing count and samples") {
    const auto numbers = profile({"3", "", "1,200", "-", "(5)", "3"});
    CHECK(numbers.min == "-5");
    CHECK(numbers.max == "1200");
    CHECK(numbers.missing == 2);
    CHECK(numbers.samples == std::vector<std::string>{"3", "1,200", "(5)"});
    const auto dates = profile({"2025-06-03 09:05:00", "2024-12-31 23:59:59"});
    CHECK(dates.min == "2024-12-31 23:59:59");
    CHECK(dates.max == "2025-06-03 09:05:00");
  }

  TEST_CASE("money shows its bounds in cents") {
    const auto money = profile({"¥1,280.00", "-¥342", "¥12.5"});
    CHECK(money.min == "-342.00");
    CHECK(money.max == "1280.00");
  }

  TEST_CASE("dates before 1970 keep their time of day") {
    CHECK(profile({"1969-12-31 23:00"}).min == "1969-12-31 23:00:00");
  }
}
