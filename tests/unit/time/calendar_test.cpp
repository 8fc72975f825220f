// SPDX-License-Identifier: MIT
#include "kpi/time/calendar.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "kpi/value/date_parser.hpp"

namespace {

using kpi::time::Calendar;
using kpi::time::CivilDate;
using kpi::time::IsoWeek;
using kpi::time::YearMonth;

constexpr Calendar kMonthly{1};
constexpr Calendar kCutOff26{26};

// Days since 1970-01-01 of "2025-06-03", read by the date parser the exports go through.
std::int32_t day(std::string_view iso_date) {
  const kpi::DateTimeCell cell = kpi::parse_date_time(iso_date);
  REQUIRE(cell.status == kpi::CellStatus::Value);
  return cell.days;
}

}  // namespace

TEST_SUITE("time.calendar") {
  TEST_CASE("civil dates and days since 1970-01-01 convert both ways") {
    CHECK(kpi::time::days_from_civil({1970, 1, 1}) == 0);
    CHECK(kpi::time::days_from_civil({1969, 12, 31}) == -1);
    CHECK(kpi::time::days_from_civil({2025, 6, 3}) == 20242);
    CHECK(kpi::time::days_from_civil({2024, 2, 29}) == day("2024-02-29"));
    CHECK(kpi::time::civil_from_days(20242) == CivilDate{2025, 6, 3});
    CHECK(kpi::time::civil_from_days(-1) == CivilDate{1969, 12, 31});
    for (std::int32_t days = day("1999-12-01"); days <= day("2030-03-01"); ++days) {
      REQUIRE(kpi::time::days_from_civil(kpi::time::civil_from_days(days)) == days);
    }
  }

  TEST_CASE("only dates that exist are valid") {
    CHECK(kpi::time::is_valid_date({2024, 2, 29}));
    CHECK(kpi::time::is_valid_date({2025, 12, 31}));
    CHECK_FALSE(kpi::time::is_valid_date({2025, 2, 29}));
    CHECK_FALSE(kpi::time::is_valid_date({2025, 4, 31}));
    CHECK_FALSE(kpi::time::is_valid_date({2025, 13, 1}));
    CHECK_FALSE(kpi::time::is_valid_date({2025, 6, 0}));
  }

  TEST_CASE("days in a month, leap years included") {
    CHECK(kpi::time::days_in_month({2024, 2}) == 29);
    CHECK(kpi::time::days_in_month({2025, 2}) == 28);
    CHECK(kpi::time::days_in_month({1900, 2}) == 28);
    CHECK(kpi::time::days_in_month({2000, 2}) == 29);
    CHECK(kpi::time::days_in_month({2025, 4}) == 30);
    CHECK(kpi::time::days_in_month({2025, 12}) == 31);
  }

  TEST_CASE("the ISO week of a day, across year boundaries") {
    CHECK(kpi::time::iso_week_of(day("2025-06-03")) == IsoWeek{2025, 23});
    CHECK(kpi::time::iso_week_of(day("2021-01-03")) == IsoWeek{2020, 53});
    CHECK(kpi::time::iso_week_of(day("2021-01-04")) == IsoWeek{2021, 1});
    CHECK(kpi::time::iso_week_of(day("2024-12-30")) == IsoWeek{2025, 1});
    CHECK(kpi::time::iso_week_of(day("2019-12-30")) == IsoWeek{2020, 1});
    CHECK(kpi::time::iso_week_of(day("2027-01-01")) == IsoWeek{2026, 53});
  }

  TEST_CASE("ISO years have 52 weeks, or 53 when they start on a Thursday") {
    CHECK(kpi::time::iso_weeks_in_year(2015) == 53);
    CHECK(kpi::time::iso_weeks_in_year(2019) == 52);
    CHECK(kpi::time::iso_weeks_in_year(2020) == 53);
    CHECK(kpi::time::iso_weeks_in_year(2021) == 52);
    CHECK(kpi::time::iso_weeks_in_year(2025) == 52);
    CHECK(kpi::time::iso_weeks_in_year(2026) == 53);
  }

  TEST_CASE("an ISO week starts on its Monday") {
    CHECK(kpi::time::first_day_of_iso_week({2025, 23}) == day("2025-06-02"));
    CHECK(kpi::time::first_day_of_iso_week({2025, 1}) == day("2024-12-30"));
    CHECK(kpi::time::first_day_of_iso_week({2020, 53}) == day("2020-12-28"));
    CHECK(kpi::time::first_day_of_iso_week({2026, 1}) == day("2025-12-29"));
  }

  TEST_CASE("every day lies in the seven days from the Monday of its ISO week") {
    const std::int32_t a_monday = day("1999-12-27");
    for (std::int32_t days = a_monday; days <= day("2030-03-01"); ++days) {
      const std::int32_t monday = kpi::time::first_day_of_iso_week(kpi::time::iso_week_of(days));
      REQUIRE(monday <= days);
      REQUIRE(days - monday < 7);
      REQUIRE((monday - a_monday) % 7 == 0);
    }
  }

  TEST_CASE("adding months keeps the day of the month, or the month's last day") {
    CHECK(kpi::time::add_months(day("2025-01-31"), 1) == day("2025-02-28"));
    CHECK(kpi::time::add_months(day("2024-01-31"), 1) == day("2024-02-29"));
    CHECK(kpi::time::add_months(day("2025-03-31"), -1) == day("2025-02-28"));
    CHECK(kpi::time::add_months(day("2025-11-15"), 3) == day("2026-02-15"));
    CHECK(kpi::time::add_months(day("2025-01-15"), -1) == day("2024-12-15"));
    CHECK(kpi::time::add_months(YearMonth{2025, 12}, 1) == YearMonth{2026, 1});
    CHECK(kpi::time::add_months(YearMonth{2025, 1}, -1) == YearMonth{2024, 12});
    CHECK(kpi::time::add_months(YearMonth{2025, 6}, -18) == YearMonth{2023, 12});
  }

  TEST_CASE("adding years moves February 29th to the 28th in common years") {
    CHECK(kpi::time::add_years(day("2024-02-29"), -1) == day("2023-02-28"));
    CHECK(kpi::time::add_years(day("2024-02-29"), 4) == day("2028-02-29"));
    CHECK(kpi::time::add_years(day("2025-06-03"), -1) == day("2024-06-03"));
  }

  TEST_CASE("month_start_day must be 1 to 28") {
    CHECK(kpi::time::is_valid(kMonthly));
    CHECK(kpi::time::is_valid(Calendar{28}));
    CHECK_FALSE(kpi::time::is_valid(Calendar{0}));
    CHECK_FALSE(kpi::time::is_valid(Calendar{29}));
  }

  TEST_CASE("assessment months starting on the 1st are calendar months") {
    CHECK(kpi::time::assessment_month_first_day({2025, 6}, kMonthly) == day("2025-06-01"));
    CHECK(kpi::time::assessment_month_last_day({2025, 6}, kMonthly) == day("2025-06-30"));
    CHECK(kpi::time::assessment_month_last_day({2024, 2}, kMonthly) == day("2024-02-29"));
    CHECK(kpi::time::assessment_month_of(day("2025-06-30"), kMonthly) == YearMonth{2025, 6});
    CHECK(kpi::time::assessment_month_of(day("2025-07-01"), kMonthly) == YearMonth{2025, 7});
  }

  TEST_CASE("assessment months starting on the 26th end in the month they are named after") {
    CHECK(kpi::time::assessment_month_first_day({2025, 6}, kCutOff26) == day("2025-05-26"));
    CHECK(kpi::time::assessment_month_last_day({2025, 6}, kCutOff26) == day("2025-06-25"));
    CHECK(kpi::time::assessment_month_first_day({2025, 1}, kCutOff26) == day("2024-12-26"));
    CHECK(kpi::time::assessment_month_last_day({2024, 3}, kCutOff26) == day("2024-03-25"));
    CHECK(kpi::time::assessment_month_of(day("2025-06-25"), kCutOff26) == YearMonth{2025, 6});
    CHECK(kpi::time::assessment_month_of(day("2025-06-26"), kCutOff26) == YearMonth{2025, 7});
    CHECK(kpi::time::assessment_month_of(day("2025-12-26"), kCutOff26) == YearMonth{2026, 1});
  }
}
