// SPDX-License-Identifier: MIT
#include "kpi/time/period.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "kpi/core/diagnostic.hpp"
#include "kpi/value/date_parser.hpp"

namespace {

using kpi::time::Calendar;
using kpi::time::Period;
using kpi::time::PeriodKind;

constexpr Calendar kMonthly{1};
constexpr Calendar kCutOff26{26};

constexpr std::string_view kAccepted =
    " (accepted forms: 2025-06-03, 2025-W23, 2025-06-H1, 2025-06, 2025-Q2, 2025-H1, 2025, "
    "2025-06-01..2025-06-15, "
    "2025-01..2025-06, all, today, yesterday, this-week, last-week, this-month, last-month, "
    "this-quarter, "
    "last-quarter, this-year, last-year; in Chinese 2025年6月, 2025年第2季度, 2025年上半年, "
    "2025年, 今天, 昨天, 本周, 上周, 本月, 上月, 本季度, 上季度, 今年, 去年)";

// Days since 1970-01-01 of "2025-06-03", read by the date parser the exports go through.
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

// The message of the error parsing `text` throws, after checking it is a usage error.
std::string parse_error(std::string_view text) {
  try {
    parse(text);
  } catch (const kpi::Error& error) {
    CHECK(error.diagnostic().code == "usage.period");
    CHECK(kpi::kind_of(error.diagnostic()) == kpi::ErrorKind::Usage);
    return error.diagnostic().message;
  }
  return "(no error)";
}

std::string invalid(std::string_view text, std::string_view problem) {
  return fmt::format("invalid period \"{}\": {}{}", text, problem, kAccepted);
}

std::string unknown(std::string_view text) {
  return fmt::format("unknown period \"{}\"{}", text, kAccepted);
}

}  // namespace

namespace doctest {
template <>
struct StringMaker<Period> {
  static String convert(const Period& period) {
    return fmt::format("{}..{} \"{}\" kind {}", kpi::format_date(period.first_day),
                       kpi::format_date(period.last_day), period.label,
                       static_cast<int>(period.kind))
        .c_str();
  }
};
}  // namespace doctest

TEST_SUITE("time.period") {
  TEST_CASE("to the same point: whole months, then days within the month reached") {
    const auto same_point = [](std::string_view period, std::string_view of, std::string_view to,
                               const Calendar& calendar = kMonthly) {
      const Period cut =
          kpi::time::to_same_point(parse(period, calendar), parse(of, calendar), day(to));
      return std::pair(cut.first_day, cut.last_day);
    };
    CHECK(same_point("2025-05", "2025-06", "2025-06-15") ==
          std::pair(day("2025-05-01"), day("2025-05-15")));
    CHECK(same_point("2025-04", "2025-05", "2025-05-31") ==
          std::pair(day("2025-04-01"), day("2025-04-30")));  // all of the shorter month
    CHECK(same_point("2025-Q1", "2025-Q2", "2025-05-20") ==
          std::pair(day("2025-01-01"), day("2025-02-20")));
    CHECK(same_point("2025-Q1", "2025-Q2", "2025-05-31") ==
          std::pair(day("2025-01-01"), day("2025-02-28")));  // the last day of February
    CHECK(same_point("2024-Q1", "2025-Q2", "2025-05-31") ==
          std::pair(day("2024-01-01"), day("2024-02-29")));
    CHECK(same_point("2024", "2025", "2025-06-30") ==
          std::pair(day("2024-01-01"), day("2024-06-30")));  // not June 29 in a leap year
    CHECK(same_point("2025-06-H1", "2025-06-H2", "2025-06-20") ==
          std::pair(day("2025-06-01"), day("2025-06-05")));
    CHECK(same_point("2025-05", "2025-06", "2025-06-10", kCutOff26) ==
          std::pair(day("2025-04-26"), day("2025-05-11")));
    CHECK(kpi::time::to_same_point(parse("2025-05"), parse("2025-06"), day("2025-06-30")).label ==
          "2025-05");
  }

  TEST_CASE("every absolute form, with calendar months") {
    CHECK(parse("2025-06-03") == period(PeriodKind::Day, "2025-06-03", "2025-06-03", "2025-06-03"));
    CHECK(parse("2025-W23") == period(PeriodKind::Week, "2025-06-02", "2025-06-08", "2025-W23"));
    CHECK(parse("2025-06") == period(PeriodKind::Month, "2025-06-01", "2025-06-30", "2025-06"));
    CHECK(parse("2025-Q2") == period(PeriodKind::Quarter, "2025-04-01", "2025-06-30", "2025-Q2"));
    CHECK(parse("2025") == period(PeriodKind::Year, "2025-01-01", "2025-12-31", "2025"));
    CHECK(parse("2025-06-01..2025-06-15") ==
          period(PeriodKind::Range, "2025-06-01", "2025-06-15", "2025-06-01..2025-06-15"));
    CHECK(parse("2025-06-03..2025-06-03").last_day == day("2025-06-03"));
    CHECK(parse("2024-02") == period(PeriodKind::Month, "2024-02-01", "2024-02-29", "2024-02"));
  }

  TEST_CASE("W and Q may be lower case, and labels use upper case") {
    CHECK(parse("2025-w23") == parse("2025-W23"));
    CHECK(parse("2025-q2") == parse("2025-Q2"));
  }

  TEST_CASE("months starting on the 26th: quarters and years follow them across year ends") {
    CHECK(parse("2025-06", kCutOff26) ==
          period(PeriodKind::Month, "2025-05-26", "2025-06-25", "2025-06"));
    CHECK(parse("2025-01", kCutOff26) ==
          period(PeriodKind::Month, "2024-12-26", "2025-01-25", "2025-01"));
    CHECK(parse("2025-Q1", kCutOff26) ==
          period(PeriodKind::Quarter, "2024-12-26", "2025-03-25", "2025-Q1"));
    CHECK(parse("2025-Q2", kCutOff26) ==
          period(PeriodKind::Quarter, "2025-03-26", "2025-06-25", "2025-Q2"));
    CHECK(parse("2025", kCutOff26) == period(PeriodKind::Year, "2024-12-26", "2025-12-25", "2025"));
    CHECK(parse("2025-W23", kCutOff26) == parse("2025-W23"));
    CHECK(parse("2025-06-03", kCutOff26) == parse("2025-06-03"));
  }

  TEST_CASE("ISO weeks across year boundaries") {
    CHECK(parse("2020-W53") == period(PeriodKind::Week, "2020-12-28", "2021-01-03", "2020-W53"));
    CHECK(parse("2025-W01") == period(PeriodKind::Week, "2024-12-30", "2025-01-05", "2025-W01"));
    CHECK(parse("2026-W53") == period(PeriodKind::Week, "2026-12-28", "2027-01-03", "2026-W53"));
  }

  TEST_CASE("the period of each kind containing a day") {
    const auto containing = [](PeriodKind kind, std::string_view date) {
      return kpi::time::period_containing(kind, day(date), kCutOff26);
    };
    CHECK(containing(PeriodKind::Week, "2021-01-03").label == "2020-W53");
    CHECK(containing(PeriodKind::Week, "2024-12-30").label == "2025-W01");
    CHECK(containing(PeriodKind::Day, "2025-12-26") == parse("2025-12-26"));
    CHECK(containing(PeriodKind::Week, "2025-12-26") ==
          period(PeriodKind::Week, "2025-12-22", "2025-12-28", "2025-W52"));
    CHECK(containing(PeriodKind::Month, "2025-12-26") == parse("2026-01", kCutOff26));
    CHECK(containing(PeriodKind::Quarter, "2025-12-26") == parse("2026-Q1", kCutOff26));
    CHECK(containing(PeriodKind::Year, "2025-12-26") == parse("2026", kCutOff26));
    CHECK(containing(PeriodKind::Year, "2025-12-25") == parse("2025", kCutOff26));
    CHECK(containing(PeriodKind::Range, "2025-12-26") == parse("2025-12-26..2025-12-26"));
  }

  TEST_CASE("a period contains its first and last day and nothing outside") {
    const Period june = parse("2025-06");
    CHECK(june.contains(day("2025-06-01")));
    CHECK(june.contains(day("2025-06-30")));
    CHECK_FALSE(june.contains(day("2025-05-31")));
    CHECK_FALSE(june.contains(day("2025-07-01")));
  }

  TEST_CASE("relative periods, with calendar months, on Wednesday 2025-06-04") {
    CHECK(parse("today") == parse("2025-06-04"));
    CHECK(parse("yesterday") == parse("2025-06-03"));
    CHECK(parse("this-week") == parse("2025-W23"));
    CHECK(parse("last-week") == parse("2025-W22"));
    CHECK(parse("this-month") == parse("2025-06"));
    CHECK(parse("last-month") == parse("2025-05"));
    CHECK(parse("this-quarter") == parse("2025-Q2"));
    CHECK(parse("last-quarter") == parse("2025-Q1"));
    CHECK(parse("this-year") == parse("2025"));
    CHECK(parse("last-year") == parse("2024"));
  }

  TEST_CASE("relative periods on New Year's Day reach into the year before") {
    const auto relative = [](std::string_view text) { return parse(text, kMonthly, "2025-01-01"); };
    CHECK(relative("yesterday") == parse("2024-12-31"));
    CHECK(relative("this-week") == parse("2025-W01"));
    CHECK(relative("last-week") == parse("2024-W52"));
    CHECK(relative("last-month") == parse("2024-12"));
    CHECK(relative("last-quarter") == parse("2024-Q4"));
  }

  TEST_CASE("relative periods follow months starting on the 26th") {
    const auto june_27 = [](std::string_view text) { return parse(text, kCutOff26, "2025-06-27"); };
    CHECK(june_27("this-month") ==
          period(PeriodKind::Month, "2025-06-26", "2025-07-25", "2025-07"));
    CHECK(june_27("last-month") == parse("2025-06", kCutOff26));
    CHECK(june_27("this-quarter") ==
          period(PeriodKind::Quarter, "2025-06-26", "2025-09-25", "2025-Q3"));
    CHECK(june_27("last-quarter") == parse("2025-Q2", kCutOff26));
    CHECK(june_27("this-year") == parse("2025", kCutOff26));
    const auto december_27 = [](std::string_view text) {
      return parse(text, kCutOff26, "2025-12-27");
    };
    CHECK(december_27("this-month") == parse("2026-01", kCutOff26));
    CHECK(december_27("this-year") == period(PeriodKind::Year, "2025-12-26", "2026-12-25", "2026"));
    CHECK(december_27("last-year") == parse("2025", kCutOff26));
  }

  TEST_CASE("previous_period (环比) of each kind") {
    const auto previous = [](std::string_view text, const Calendar& calendar = kMonthly) {
      return kpi::time::previous_period(parse(text, calendar), calendar);
    };
    CHECK(previous("2024-03-01") == parse("2024-02-29"));
    CHECK(previous("2025-W01") == period(PeriodKind::Week, "2024-12-23", "2024-12-29", "2024-W52"));
    CHECK(previous("2021-W01") == parse("2020-W53"));
    CHECK(previous("2024-03") == period(PeriodKind::Month, "2024-02-01", "2024-02-29", "2024-02"));
    CHECK(previous("2025-01") == parse("2024-12"));
    CHECK(previous("2025-01", kCutOff26) ==
          period(PeriodKind::Month, "2024-11-26", "2024-12-25", "2024-12"));
    CHECK(previous("2025-Q1") ==
          period(PeriodKind::Quarter, "2024-10-01", "2024-12-31", "2024-Q4"));
    CHECK(previous("2025-Q1", kCutOff26) ==
          period(PeriodKind::Quarter, "2024-09-26", "2024-12-25", "2024-Q4"));
    CHECK(previous("2025", kCutOff26) ==
          period(PeriodKind::Year, "2023-12-26", "2024-12-25", "2024"));
    CHECK(previous("2025-06-01..2025-06-15") == parse("2025-05-17..2025-05-31"));
    CHECK(previous("2024-03-01..2024-03-02") == parse("2024-02-28..2024-02-29"));
  }

  TEST_CASE("same_period_last_year (同比) of each kind") {
    const auto last_year = [](std::string_view text, const Calendar& calendar = kMonthly) {
      return kpi::time::same_period_last_year(parse(text, calendar), calendar);
    };
    CHECK(last_year("2024-02-29") == parse("2023-02-28"));
    CHECK(last_year("2025-06-03") == parse("2024-06-03"));
    CHECK(last_year("2025-W23") ==
          period(PeriodKind::Week, "2024-06-03", "2024-06-09", "2024-W23"));
    CHECK(last_year("2020-W53") == parse("2019-W52"));
    CHECK(last_year("2026-W53") == parse("2025-W52"));
    CHECK(last_year("2024-02") == period(PeriodKind::Month, "2023-02-01", "2023-02-28", "2023-02"));
    CHECK(last_year("2025-03", kCutOff26) ==
          period(PeriodKind::Month, "2024-02-26", "2024-03-25", "2024-03"));
    CHECK(last_year("2025-01", kCutOff26) ==
          period(PeriodKind::Month, "2023-12-26", "2024-01-25", "2024-01"));
    CHECK(last_year("2025-Q2") == parse("2024-Q2"));
    CHECK(last_year("2025-Q2", kCutOff26) ==
          period(PeriodKind::Quarter, "2024-03-26", "2024-06-25", "2024-Q2"));
    CHECK(last_year("2025", kCutOff26) ==
          period(PeriodKind::Year, "2023-12-26", "2024-12-25", "2024"));
    CHECK(last_year("2024-02-01..2024-02-29") == parse("2023-02-01..2023-02-28"));
  }

  TEST_CASE("dates that do not exist, and ranges ending before they start, are invalid") {
    CHECK(parse_error("2025-02-30") == invalid("2025-02-30", "2025-02 has days 01 to 28"));
    CHECK(parse_error("2024-02-30") == invalid("2024-02-30", "2024-02 has days 01 to 29"));
    CHECK(parse_error("2025-06-00") == invalid("2025-06-00", "2025-06 has days 01 to 30"));
    CHECK(parse_error("2025-13") == invalid("2025-13", "a year has months 01 to 12"));
    CHECK(parse_error("2025-00-01") == invalid("2025-00-01", "a year has months 01 to 12"));
    CHECK(parse_error("2025-Q5") == invalid("2025-Q5", "a year has quarters Q1 to Q4"));
    CHECK(parse_error("2025-Q0") == invalid("2025-Q0", "a year has quarters Q1 to Q4"));
    CHECK(parse_error("2025-W54") == invalid("2025-W54", "ISO year 2025 has weeks W01 to W52"));
    CHECK(parse_error("2025-W53") == invalid("2025-W53", "ISO year 2025 has weeks W01 to W52"));
    CHECK(parse_error("2026-W00") == invalid("2026-W00", "ISO year 2026 has weeks W01 to W53"));
    CHECK(parse_error("2025-06-01..2025-02-30") ==
          invalid("2025-06-01..2025-02-30", "2025-02 has days 01 to 28"));
    CHECK(parse_error("2025-06-15..2025-06-01") ==
          invalid("2025-06-15..2025-06-01", "the range ends before it starts"));
  }

  TEST_CASE("text in none of the forms is an unknown period") {
    for (const std::string_view text :
         {"", "2025-6", "2025-6-3", "20250603", "2025/06/03", " 2025", "2025-06-03 ", "next-month",
          "Today", "2025-W1", "2025-Q12", "2025-06..2025-Q3", "2025-06-03..", "..2025-06-03",
          "2025-06-01...2025-06-15"}) {
      CAPTURE(text);
      CHECK(parse_error(text) == unknown(text));
    }
  }

  TEST_CASE("halves of months and years: 上半月 is days 1 to 15, 上半年 months 1 to 6") {
    using kpi::time::period_containing;
    using kpi::time::previous_period;
    using kpi::time::same_period_last_year;
    CHECK(parse("2025-06-H1") ==
          period(PeriodKind::HalfMonth, "2025-06-01", "2025-06-15", "2025-06-H1"));
    CHECK(parse("2025-02-h2") ==
          period(PeriodKind::HalfMonth, "2025-02-16", "2025-02-28", "2025-02-H2"));
    CHECK(parse("2025-H2") == period(PeriodKind::HalfYear, "2025-07-01", "2025-12-31", "2025-H2"));
    CHECK(parse("2025-07-H1", kCutOff26) ==
          period(PeriodKind::HalfMonth, "2025-06-26", "2025-07-10", "2025-07-H1"));
    CHECK(parse("2025-H1", kCutOff26) ==
          period(PeriodKind::HalfYear, "2024-12-26", "2025-06-25", "2025-H1"));
    CHECK(previous_period(parse("2025-06-H1"), kMonthly) == parse("2025-05-H2"));
    CHECK(previous_period(parse("2025-06-H2"), kMonthly) == parse("2025-06-H1"));
    CHECK(previous_period(parse("2025-H1"), kMonthly) == parse("2024-H2"));
    CHECK(same_period_last_year(parse("2024-02-H2"), kMonthly) ==
          period(PeriodKind::HalfMonth, "2023-02-16", "2023-02-28", "2023-02-H2"));
    CHECK(same_period_last_year(parse("2025-H2"), kMonthly) == parse("2024-H2"));
    CHECK(period_containing(PeriodKind::HalfMonth, day("2025-06-16"), kMonthly) ==
          parse("2025-06-H2"));
    CHECK(period_containing(PeriodKind::HalfYear, day("2025-06-30"), kMonthly) == parse("2025-H1"));
    CHECK(parse("2025-01-H1..2025-02-H1") ==
          period(PeriodKind::Range, "2025-01-01", "2025-02-15", "2025-01-H1..2025-02-H1"));
    CHECK(parse_error("2025-H3") == invalid("2025-H3", "there are halves H1 and H2"));
    CHECK(parse_error("2025-13-H1") == invalid("2025-13-H1", "a year has months 01 to 12"));
    CHECK(parse_error("2025-06-H") == fmt::format("unknown period \"2025-06-H\"{}", kAccepted));
  }

  TEST_CASE("system_today is a plausible date") {
    CHECK(kpi::time::system_today() > day("2025-01-01"));
    CHECK(kpi::time::system_today() < day("2100-01-01"));
  }
}

TEST_SUITE("time.period") {
  TEST_CASE(
      "a range of whole months, quarters or years runs from the first's start to the last's end") {
    CHECK(parse("2025-01..2025-06") ==
          period(PeriodKind::Range, "2025-01-01", "2025-06-30", "2025-01..2025-06"));
    CHECK(parse("2025-Q1..2025-Q2") ==
          period(PeriodKind::Range, "2025-01-01", "2025-06-30", "2025-Q1..2025-Q2"));
    CHECK(parse("2017..2020") ==
          period(PeriodKind::Range, "2017-01-01", "2020-12-31", "2017..2020"));
    CHECK(parse("2025-W01..2025-W02") ==
          period(PeriodKind::Range, "2024-12-30", "2025-01-12", "2025-W01..2025-W02"));
    CHECK(parse("2025-06-01..2025-06-15").label == "2025-06-01..2025-06-15");
  }

  TEST_CASE("all is every day a date can hold") {
    CHECK(parse("all") == period(PeriodKind::Range, "0001-01-01", "9999-12-31", "all"));
  }

  TEST_CASE("a range's ends are of one kind, and in order") {
    CHECK(parse_error("2025-06..2025-Q3").starts_with("unknown period \"2025-06..2025-Q3\""));
    CHECK(parse_error("2025-06..2025-01")
              .starts_with("invalid period \"2025-06..2025-01\": the range ends before it starts"));
  }
}
