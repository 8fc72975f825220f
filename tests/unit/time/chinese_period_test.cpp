// SPDX-License-Identifier: MIT
#include "kpi/time/chinese_period.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "kpi/core/diagnostic.hpp"
#include "kpi/time/period.hpp"
#include "kpi/value/date_parser.hpp"

namespace {

using kpi::time::Calendar;
using kpi::time::Period;
using kpi::time::PeriodKind;

constexpr Calendar kMonthly{1};
constexpr Calendar kCutOff26{26};

std::int32_t day(std::string_view iso_date) {
  const kpi::DateTimeCell cell = kpi::parse_date_time(iso_date);
  REQUIRE(cell.status == kpi::CellStatus::Value);
  return cell.days;
}

Period period(PeriodKind kind, std::string_view first, std::string_view last, std::string label) {
  return {kind, day(first), day(last), std::move(label)};
}

Period parse(std::string_view text, const Calendar& calendar = kMonthly,
             std::string_view today = "2025-06-04") {
  return kpi::time::parse_period(text, calendar, day(today));
}

bool rejected(std::string_view text) {
  try {
    parse(text);
  } catch (const kpi::Error& error) {
    return error.diagnostic().code == "usage.period";
  }
  return false;
}

}  // namespace

TEST_SUITE("time.chinese_period") {
  TEST_CASE("--period takes the month, quarter, half-year and year as Chinese users type them") {
    CHECK(parse("2025年6月") == period(PeriodKind::Month, "2025-06-01", "2025-06-30", "2025-06"));
    CHECK(parse("2025年06月") == period(PeriodKind::Month, "2025-06-01", "2025-06-30", "2025-06"));
    CHECK(parse("2024年2月") == period(PeriodKind::Month, "2024-02-01", "2024-02-29", "2024-02"));
    CHECK(parse("2025年第2季度") ==
          period(PeriodKind::Quarter, "2025-04-01", "2025-06-30", "2025-Q2"));
    CHECK(parse("2025年2季度") ==
          period(PeriodKind::Quarter, "2025-04-01", "2025-06-30", "2025-Q2"));
    CHECK(parse("2025年第4季") ==
          period(PeriodKind::Quarter, "2025-10-01", "2025-12-31", "2025-Q4"));
    CHECK(parse("2025年Q1") == period(PeriodKind::Quarter, "2025-01-01", "2025-03-31", "2025-Q1"));
    CHECK(parse("2025年上半年") ==
          period(PeriodKind::HalfYear, "2025-01-01", "2025-06-30", "2025-H1"));
    CHECK(parse("2025年下半年") ==
          period(PeriodKind::HalfYear, "2025-07-01", "2025-12-31", "2025-H2"));
    CHECK(parse("2025年") == period(PeriodKind::Year, "2025-01-01", "2025-12-31", "2025"));
    CHECK(parse("2025年度") == period(PeriodKind::Year, "2025-01-01", "2025-12-31", "2025"));
  }

  TEST_CASE("Chinese forms follow months that start on the 26th") {
    CHECK(parse("2025年6月", kCutOff26) ==
          period(PeriodKind::Month, "2025-05-26", "2025-06-25", "2025-06"));
    CHECK(parse("2025年第2季度", kCutOff26) ==
          period(PeriodKind::Quarter, "2025-03-26", "2025-06-25", "2025-Q2"));
    CHECK(parse("2025年", kCutOff26) ==
          period(PeriodKind::Year, "2024-12-26", "2025-12-25", "2025"));
  }

  TEST_CASE("a range of Chinese months") {
    const Period range = parse("2025年1月..2025年6月");
    CHECK(range ==
          Period{PeriodKind::Range, day("2025-01-01"), day("2025-06-30"), "2025-01..2025-06"});
  }

  TEST_CASE("relative Chinese words, on Wednesday 2025-06-04") {
    CHECK(parse("本月") == period(PeriodKind::Month, "2025-06-01", "2025-06-30", "2025-06"));
    CHECK(parse("上月") == period(PeriodKind::Month, "2025-05-01", "2025-05-31", "2025-05"));
    CHECK(parse("本季度") == period(PeriodKind::Quarter, "2025-04-01", "2025-06-30", "2025-Q2"));
    CHECK(parse("上季度") == period(PeriodKind::Quarter, "2025-01-01", "2025-03-31", "2025-Q1"));
    CHECK(parse("今年") == period(PeriodKind::Year, "2025-01-01", "2025-12-31", "2025"));
    CHECK(parse("去年") == period(PeriodKind::Year, "2024-01-01", "2024-12-31", "2024"));
    CHECK(parse("今天") == period(PeriodKind::Day, "2025-06-04", "2025-06-04", "2025-06-04"));
    CHECK(parse("昨天") == period(PeriodKind::Day, "2025-06-03", "2025-06-03", "2025-06-03"));
    CHECK(parse("本周") == period(PeriodKind::Week, "2025-06-02", "2025-06-08", "2025-W23"));
    CHECK(parse("上周") == period(PeriodKind::Week, "2025-05-26", "2025-06-01", "2025-W22"));
  }

  TEST_CASE("relative Chinese words reach back over the new year and follow the calendar") {
    CHECK(parse("上月", kMonthly, "2025-01-15") ==
          period(PeriodKind::Month, "2024-12-01", "2024-12-31", "2024-12"));
    CHECK(parse("上季度", kMonthly, "2025-02-01") ==
          period(PeriodKind::Quarter, "2024-10-01", "2024-12-31", "2024-Q4"));
    CHECK(parse("本月", kCutOff26, "2025-06-27") ==
          period(PeriodKind::Month, "2025-06-26", "2025-07-25", "2025-07"));
    CHECK(parse("今年", kCutOff26, "2025-12-27") ==
          period(PeriodKind::Year, "2025-12-26", "2026-12-25", "2026"));
  }

  TEST_CASE("what is not a Chinese period is refused as --period refuses any text") {
    CHECK(rejected("2025年13月"));
    CHECK(rejected("2025年0月"));
    CHECK(rejected("2025年第5季度"));
    CHECK(rejected("2025年第2"));
    CHECK(rejected("2025年Q2季度"));
    CHECK(rejected("2025年6月1日"));
    CHECK(rejected("0000年"));
    CHECK(rejected("25年6月"));
    CHECK(rejected("下月"));
    CHECK(rejected("本月 "));
  }

  TEST_CASE("parse_chinese_period alone, and the message lists the Chinese forms") {
    CHECK_FALSE(kpi::time::parse_chinese_period("2025-06", kMonthly).has_value());
    CHECK(kpi::time::parse_chinese_period("2025年6月", kMonthly)->label == "2025-06");
    CHECK(kpi::time::period_forms().ends_with(
        "; in Chinese 2025年6月, 2025年第2季度, 2025年上半年, 2025年, 今天, 昨天, 本周, 上周, "
        "本月, 上月, 本季度, 上季度, 今年, 去年"));
  }
}
