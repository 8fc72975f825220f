// SPDX-License-Identifier: MIT
#include "kpi/time/workdays.hpp"

#include <doctest/doctest.h>

#include <array>
#include <string>

#include "kpi/core/diagnostic.hpp"
#include "kpi/time/calendar.hpp"

namespace {

using kpi::time::parse_workweek;
using Week = std::array<bool, 7>;

std::int32_t day(int year, int month, int day_of_month) {
  return kpi::time::days_from_civil({year, month, day_of_month});
}

// The diagnostic read_holidays throws on `text`.
kpi::Diagnostic holidays_error(const std::string& text) {
  kpi::time::Workdays workdays;
  try {
    kpi::time::read_holidays(text, "holidays.csv", workdays);
  } catch (const kpi::Error& error) {
    return error.diagnostic();
  }
  FAIL("no error");
  return {};
}

}  // namespace

TEST_SUITE("time.workdays") {
  TEST_CASE("days of the week, Monday first") {
    CHECK(kpi::time::weekday_of(0) == 3);                 // 1970-01-01, a Thursday
    CHECK(kpi::time::weekday_of(day(2025, 6, 2)) == 0);   // Monday
    CHECK(kpi::time::weekday_of(day(2025, 6, 15)) == 6);  // Sunday
    CHECK(kpi::time::weekday_of(day(1969, 12, 29)) == 0);
  }

  TEST_CASE("working weeks: names, ranges and lists") {
    CHECK(parse_workweek("mon-sat").week == Week{true, true, true, true, true, true, false});
    CHECK(parse_workweek("Mon-Fri").week == Week{true, true, true, true, true, false, false});
    CHECK(parse_workweek("mon-fri, sun").week == Week{true, true, true, true, true, false, true});
    CHECK(parse_workweek("sat-mon").week == Week{true, false, false, false, false, true, true});
    CHECK(parse_workweek("tuesday,thursday").week ==
          Week{false, true, false, true, false, false, false});
    CHECK(parse_workweek("周一-周六").week == Week{true, true, true, true, true, true, false});
    CHECK(parse_workweek("一-五,日").week == Week{true, true, true, true, true, false, true});
    CHECK(parse_workweek("mon-sun").week == Week{true, true, true, true, true, true, true});
    CHECK(parse_workweek("mon-sat").error.empty());
  }

  TEST_CASE("a working week it cannot read says what it expected") {
    const auto parsed = parse_workweek("mon-fry");
    CHECK(parsed.week == Week{});
    CHECK(parsed.error ==
          "workdays: \"mon-fry\" is not a day or a range of days; write day names (mon … sun, or "
          "一 … 日) and ranges separated by commas, as \"mon-fri\", \"mon-sat\" or "
          "\"mon-fri,sun\"");
    CHECK_FALSE(parse_workweek("").error.empty());
    CHECK_FALSE(parse_workweek("mon,,fri").error.empty());
  }

  TEST_CASE("a holidays file: days off and working weekend days (调休), comments and a header") {
    kpi::time::Workdays workdays;
    workdays.week = {true, true, true, true, true, false, false};
    kpi::time::read_holidays(
        "\xEF\xBB\xBF# 2025\r\ndate,kind,name\r\n2025-05-01,off,劳动节\r\n\r\n"
        "2025-05-02,休\n2025-04-27,work,调休上班\n2025/5/5 , off\n",
        "holidays.csv", workdays);
    CHECK(workdays.days_off == std::vector{day(2025, 5, 1), day(2025, 5, 2), day(2025, 5, 5)});
    CHECK(workdays.days_on == std::vector{day(2025, 4, 27)});
    CHECK(workdays.is_workday(day(2025, 4, 27)));       // a Sunday worked
    CHECK_FALSE(workdays.is_workday(day(2025, 5, 1)));  // a Thursday off
    CHECK_FALSE(workdays.is_workday(day(2025, 5, 3)));  // a Saturday
    CHECK(workdays.is_workday(day(2025, 5, 6)));
    // 2025-04-27 to 2025-05-06: the Sunday, 28–30 April and 6 May.
    CHECK(workdays.count(day(2025, 4, 27), day(2025, 5, 6)) == 5);
    CHECK_FALSE(workdays.every_day());
  }

  TEST_CASE("every day a working day, unless the week or a holiday says otherwise") {
    kpi::time::Workdays workdays;
    CHECK(workdays.every_day());
    CHECK(workdays.count(day(2025, 6, 1), day(2025, 6, 30)) == 30);
    CHECK(workdays.count(day(2025, 6, 2), day(2025, 6, 1)) == 0);
    workdays.days_on = {day(2025, 6, 1)};  // working a day that is worked anyway changes nothing
    CHECK(workdays.every_day());
  }

  TEST_CASE("a holidays line it cannot read names the file, line and column") {
    kpi::Diagnostic error = holidays_error("date,kind\n2025-13-01,off\n");
    CHECK(error.code == "library.holidays");
    CHECK(error.where.file == "holidays.csv");
    CHECK(error.where.line == 2);
    CHECK(error.where.column == 1);
    CHECK(error.message ==
          "\"2025-13-01\" is not a date; a line is DATE,KIND[,NOTE] as \"2025-10-01,off,国庆节\" "
          "or \"2025-09-28,work,调休上班\"");
    error = holidays_error("# comment\n2025-10-01,holiday,国庆节\n");
    CHECK(error.where.line == 2);
    CHECK(error.where.column == 2);
    CHECK(error.message ==
          "the kind of day is \"holiday\": write off (or 休) for a holiday, work (or 班) for a "
          "working weekend day (调休)");
    CHECK(holidays_error("2025-10-01\n").where.column == 2);
    CHECK(holidays_error("2025-10-01 09:00,off\n").where.column == 1);
    error = holidays_error("2025-10-01,off\n2025-10-02,off\n2025-10-01,work\n");
    CHECK(error.where.line == 3);
    CHECK(error.message == "2025-10-01 is also on line 1: give each date once");
  }
}
