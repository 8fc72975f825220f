// SPDX-License-Identifier: MIT
#include "kpi/score/pacing.hpp"

#include <doctest/doctest.h>

#include "kpi/time/calendar.hpp"

namespace {

using kpi::score::Elapsed;
using kpi::score::ElapsedBy;
using kpi::score::pace_of;
using kpi::score::Status;

// June 2025: days since 1970-01-01 of its first and last day.
const std::int32_t kJune1 = kpi::time::days_from_civil({2025, 6, 1});
const kpi::time::Period kJune{kpi::time::PeriodKind::Month, kJune1, kJune1 + 29, "2025-06"};

// June by calendar days, as of its `day`th day.
Elapsed june_to(std::int32_t day) {
  return kpi::score::elapsed_days(kJune, kJune1 + day - 1, kpi::time::Workdays{});
}

}  // namespace

TEST_SUITE("score.pacing") {
  TEST_CASE("a pro-rated target: expected to date, pace, projection and what each day needs") {
    // 60 new customers by 15 June against 150 for the month.
    const auto pace = pace_of(60, 150, june_to(15), true, Status::Missed);
    CHECK(*pace.elapsed_share == 0.5L);
    CHECK(pace.days_left == 15);
    CHECK(*pace.expected == doctest::Approx(75));
    CHECK(*pace.pace == doctest::Approx(0.8));
    CHECK(*pace.projection == doctest::Approx(120));
    CHECK(*pace.needed_per_day == doctest::Approx(6));  // (150 − 60) ÷ 15
    CHECK(pace.status == Status::Behind);
  }

  TEST_CASE("ahead from 105 % of the pace, on pace from 95 %") {
    CHECK(pace_of(80, 150, june_to(15), true, Status::Missed).status == Status::Ahead);
    CHECK(pace_of(72, 150, june_to(15), true, Status::Missed).status == Status::OnPace);
    CHECK(pace_of(71, 150, june_to(15), true, Status::Missed).status == Status::Behind);
    // Past the target already: nothing more is needed each day.
    CHECK_FALSE(pace_of(160, 150, june_to(15), true, Status::Met).needed_per_day);
  }

  TEST_CASE("a rate or an average keeps its whole target and its status") {
    const auto pace = pace_of(0.33, 0.35, june_to(15), false, Status::AtRisk);
    CHECK(*pace.expected == doctest::Approx(0.35));
    CHECK_FALSE(pace.pace);
    CHECK_FALSE(pace.projection);
    CHECK(pace.status == Status::AtRisk);
  }

  TEST_CASE("no value: the target to date, and no pace") {
    const auto pace = pace_of(std::nullopt, 150, june_to(10), true, Status::NoValue);
    CHECK(*pace.expected == doctest::Approx(50));
    CHECK_FALSE(pace.pace);
    CHECK(pace.status == Status::NoValue);
  }

  TEST_CASE("calendar days: the share of days up to and with the as-of day") {
    const Elapsed elapsed = june_to(15);
    CHECK(elapsed.share == 15.0L / 30);
    CHECK(elapsed.days_left == 15);
    CHECK(elapsed.by == ElapsedBy::CalendarDays);
  }

  TEST_CASE("working days Monday to Saturday: June 2025 has 25, 12 of them by the 15th") {
    kpi::time::Workdays workdays;
    workdays.week = {true, true, true, true, true, true, false};
    const Elapsed elapsed = kpi::score::elapsed_days(kJune, kJune1 + 14, workdays);
    CHECK(elapsed.share == 12.0L / 25);
    CHECK(elapsed.days_left == 13);
    CHECK(elapsed.by == ElapsedBy::WorkingDays);
  }

  TEST_CASE("a holiday (端午 2 June) takes a working day off the period and the days gone by") {
    kpi::time::Workdays workdays;
    workdays.week = {true, true, true, true, true, true, false};
    workdays.days_off = {kJune1 + 1};
    const Elapsed elapsed = kpi::score::elapsed_days(kJune, kJune1 + 14, workdays);
    CHECK(elapsed.share == 11.0L / 24);
    CHECK(elapsed.days_left == 13);
    // Pro-rated against 24 working days: 150 × 11 ÷ 24 expected, (150 − 60) ÷ 13 a day.
    const auto pace = pace_of(60, 150, elapsed, true, Status::Missed);
    CHECK(*pace.expected == 150 * (11.0L / 24));
    CHECK(*pace.needed_per_day == 90.0L / 13);
    CHECK(pace.elapsed_by == ElapsedBy::WorkingDays);
  }

  TEST_CASE("a working Sunday (调休) counts in a Monday-to-Friday week") {
    kpi::time::Workdays workdays;
    workdays.week = {true, true, true, true, true, false, false};
    // June 2025 Monday to Friday: 21 days, 10 of them by Sunday the 15th; Sunday 8 June worked.
    CHECK(kpi::score::elapsed_days(kJune, kJune1 + 14, workdays).share == 10.0L / 21);
    workdays.days_on = {kJune1 + 7};
    CHECK(kpi::score::elapsed_days(kJune, kJune1 + 14, workdays).share == 11.0L / 22);
  }

  TEST_CASE("a period without a working day is counted by calendar days") {
    kpi::time::Workdays workdays;
    workdays.week = {true, true, true, true, true, false, false};
    for (std::int32_t day = kJune1; day <= kJune1 + 29; ++day) {
      workdays.days_off.push_back(day);
    }
    const Elapsed elapsed = kpi::score::elapsed_days(kJune, kJune1 + 9, workdays);
    CHECK(elapsed.share == 10.0L / 30);
    CHECK(elapsed.by == ElapsedBy::CalendarDays);
  }

  TEST_CASE("last year's profile: the share of last year's period reached by the same day") {
    // Last June: 30 000 by the 15th of 80 000 for the month, so 37.5 % is expected by now.
    const auto elapsed = kpi::score::elapsed_last_year(30000, 80000, june_to(15));
    REQUIRE(elapsed);
    CHECK(elapsed->share == 0.375L);
    CHECK(elapsed->days_left == 15);
    CHECK(elapsed->by == ElapsedBy::LastYear);
    const auto pace = pace_of(36000, 100000, *elapsed, true, Status::Missed);
    CHECK(*pace.expected == 37500);
    CHECK(*pace.pace == 36000 / 37500.0L);
    CHECK(*pace.projection == 96000);  // 36 000 ÷ 0.375
    CHECK(pace.status == Status::OnPace);
  }

  TEST_CASE("last year's profile needs last year's values: too little history is no profile") {
    CHECK_FALSE(kpi::score::elapsed_last_year(std::nullopt, 80000, june_to(15)));
    CHECK_FALSE(kpi::score::elapsed_last_year(30000, std::nullopt, june_to(15)));
    CHECK_FALSE(kpi::score::elapsed_last_year(0, 0, june_to(15)));
  }
}
