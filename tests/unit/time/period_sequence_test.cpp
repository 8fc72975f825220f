// SPDX-License-Identifier: MIT
#include "kpi/time/period_sequence.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kpi/core/diagnostic.hpp"
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

Period parse(std::string_view text, const Calendar& calendar = kMonthly) {
  return kpi::time::parse_period(text, calendar, day("2025-06-04"));
}

std::vector<Period> sequence(std::string_view from, std::string_view to, PeriodKind kind,
                             const Calendar& calendar = kMonthly) {
  return kpi::time::period_sequence(parse(from, calendar), parse(to, calendar), kind, calendar);
}

std::vector<std::string> labels(const std::vector<Period>& periods) {
  std::vector<std::string> names;
  for (const Period& period : periods) {
    names.push_back(period.label);
  }
  return names;
}

// "first..last" of a period, to check its days.
std::string days(const Period& period) {
  return kpi::time::range_period(period.first_day, period.last_day).label;
}

std::string sequence_error(std::string_view from, std::string_view to, PeriodKind kind) {
  try {
    sequence(from, to, kind);
  } catch (const kpi::Error& error) {
    CHECK(error.diagnostic().code == "usage.period");
    return error.diagnostic().message;
  }
  return "(no error)";
}

}  // namespace

TEST_CASE("period_sequence.months of a year, each whole") {
  const std::vector<Period> months = sequence("2025-01", "2025-12", PeriodKind::Month);
  REQUIRE(months.size() == 12);
  CHECK(months.front().label == "2025-01");
  CHECK(months.back().label == "2025-12");
  CHECK(days(months[1]) == "2025-02-01..2025-02-28");
  CHECK(days(months[11]) == "2025-12-01..2025-12-31");
}

TEST_CASE("period_sequence.months across a leap February and a year end") {
  const std::vector<Period> months = sequence("2023-12", "2024-03", PeriodKind::Month);
  CHECK(labels(months) == std::vector<std::string>{"2023-12", "2024-01", "2024-02", "2024-03"});
  CHECK(days(months[2]) == "2024-02-01..2024-02-29");
}

TEST_CASE("period_sequence.quarters take the whole quarter of each end") {
  // 2025-02 lies in Q1 and 2025-05 in Q2: both quarters, whole.
  const std::vector<Period> quarters = sequence("2025-02", "2025-05", PeriodKind::Quarter);
  CHECK(labels(quarters) == std::vector<std::string>{"2025-Q1", "2025-Q2"});
  CHECK(days(quarters[0]) == "2025-01-01..2025-03-31");
  CHECK(days(quarters[1]) == "2025-04-01..2025-06-30");
}

TEST_CASE("period_sequence.ISO weeks across a year end") {
  // 2024-12-30 is the Monday of 2025-W01; 2020 has 53 weeks.
  CHECK(labels(sequence("2024-12-23", "2025-01-06", PeriodKind::Week)) ==
        std::vector<std::string>{"2024-W52", "2025-W01", "2025-W02"});
  const std::vector<Period> weeks = sequence("2020-12-21", "2021-01-04", PeriodKind::Week);
  CHECK(labels(weeks) == std::vector<std::string>{"2020-W52", "2020-W53", "2021-W01"});
  CHECK(days(weeks[1]) == "2020-12-28..2021-01-03");
}

TEST_CASE("period_sequence.weeks from a month start on the Monday of its first week") {
  const std::vector<Period> weeks = sequence("2025-06", "2025-06", PeriodKind::Week);
  REQUIRE(weeks.size() == 6);  // 2025-06-01 is a Sunday: W22 (May 26–Jun 1) to W27 (Jun 30–)
  CHECK(weeks.front().label == "2025-W22");
  CHECK(days(weeks.front()) == "2025-05-26..2025-06-01");
  CHECK(weeks.back().label == "2025-W27");
}

TEST_CASE("period_sequence.half-months and half-years") {
  const std::vector<Period> halves = sequence("2025-02", "2025-03", PeriodKind::HalfMonth);
  CHECK(labels(halves) ==
        std::vector<std::string>{"2025-02-H1", "2025-02-H2", "2025-03-H1", "2025-03-H2"});
  CHECK(days(halves[1]) == "2025-02-16..2025-02-28");
  CHECK(labels(sequence("2024-05", "2025-02", PeriodKind::HalfYear)) ==
        std::vector<std::string>{"2024-H1", "2024-H2", "2025-H1"});
}

TEST_CASE("period_sequence.days and years") {
  CHECK(labels(sequence("2025-02-27", "2025-03-01", PeriodKind::Day)) ==
        std::vector<std::string>{"2025-02-27", "2025-02-28", "2025-03-01"});
  CHECK(labels(sequence("2023", "2025-Q1", PeriodKind::Year)) ==
        std::vector<std::string>{"2023", "2024", "2025"});
}

TEST_CASE("period_sequence.assessment months that start on the 26th") {
  const std::vector<Period> months = sequence("2025-01", "2025-03", PeriodKind::Month, kCutOff26);
  CHECK(labels(months) == std::vector<std::string>{"2025-01", "2025-02", "2025-03"});
  CHECK(days(months[0]) == "2024-12-26..2025-01-25");
  CHECK(days(months[1]) == "2025-01-26..2025-02-25");
  CHECK(days(months[2]) == "2025-02-26..2025-03-25");
  const std::vector<Period> quarters =
      sequence("2025-01", "2025-06", PeriodKind::Quarter, kCutOff26);
  CHECK(days(quarters[0]) == "2024-12-26..2025-03-25");
  CHECK(days(quarters[1]) == "2025-03-26..2025-06-25");
  // A date range steps by the calendar's months: 2025-06-26 is in assessment month 2025-07.
  CHECK(labels(kpi::time::period_sequence(
            parse("2025-06-20..2025-06-27", kCutOff26), parse("2025-06-27", kCutOff26),
            PeriodKind::Month, kCutOff26)) == std::vector<std::string>{"2025-06", "2025-07"});
}

TEST_CASE("period_sequence.one period when from and to are the same") {
  CHECK(labels(sequence("2025-06", "2025-06", PeriodKind::Month)) ==
        std::vector<std::string>{"2025-06"});
}

TEST_CASE("period_sequence.from after to is an error") {
  CHECK(sequence_error("2025-06", "2025-03", PeriodKind::Month) ==
        "--from 2025-06 starts after --to 2025-03 ends: give the earlier period to --from");
}

TEST_CASE("period_sequence.more periods than the bound is an error that says the bound") {
  CHECK(sequence("2016-01", "2025-12", PeriodKind::Month).size() == 120);
  CHECK(sequence_error("2016-01", "2026-01", PeriodKind::Month) ==
        "--from 2016-01 --to 2026-01 by month is 121 periods; at most 120 fit in one run: "
        "shorten the range or step by a longer period (--every)");
  CHECK(sequence_error("2025-01", "2025-12", PeriodKind::Day) ==
        "--from 2025-01 --to 2025-12 by day is 365 periods; at most 120 fit in one run: "
        "shorten the range or step by a longer period (--every)");
}

TEST_CASE("period_sequence.all history has no first day") {
  CHECK(sequence_error("all", "2025-06", PeriodKind::Month) ==
        "--from all --to 2025-06: a sequence needs a first and a last day");
}

TEST_CASE("period_sequence.step names") {
  CHECK(kpi::time::find_step("half-month") == PeriodKind::HalfMonth);
  CHECK(kpi::time::find_step("quarter") == PeriodKind::Quarter);
  CHECK_FALSE(kpi::time::find_step("fortnight").has_value());
  CHECK(kpi::time::step_name(PeriodKind::HalfYear) == "half-year");
  CHECK(kpi::time::step_names().size() == 7);
  CHECK(kpi::time::default_step(parse("2025-W03")) == PeriodKind::Week);
  CHECK(kpi::time::default_step(parse("2025-01-01..2025-03-31")) == PeriodKind::Month);
}
