// SPDX-License-Identifier: MIT
#include "kpi/score/pacing.hpp"

#include <doctest/doctest.h>

#include "kpi/time/calendar.hpp"

namespace {

using kpi::score::pace_of;
using kpi::score::Status;

// June 2025: days since 1970-01-01 of its first and last day.
const std::int32_t kJune1 = kpi::time::days_from_civil({2025, 6, 1});
const kpi::time::Period kJune{kpi::time::PeriodKind::Month, kJune1, kJune1 + 29, "2025-06"};

}  // namespace

TEST_SUITE("score.pacing") {
  TEST_CASE("a pro-rated target: expected to date, pace, projection and what each day needs") {
    // 60 new customers by 15 June against 150 for the month.
    const auto pace = pace_of(60, 150, kJune, kJune1 + 14, true, Status::Missed);
    CHECK(pace.elapsed_share == doctest::Approx(0.5));
    CHECK(pace.days_left == 15);
    CHECK(*pace.expected == doctest::Approx(75));
    CHECK(*pace.pace == doctest::Approx(0.8));
    CHECK(*pace.projection == doctest::Approx(120));
    CHECK(*pace.needed_per_day == doctest::Approx(6));  // (150 − 60) ÷ 15
    CHECK(pace.status == Status::Behind);
  }

  TEST_CASE("ahead from 105 % of the pace, on pace from 95 %") {
    CHECK(pace_of(80, 150, kJune, kJune1 + 14, true, Status::Missed).status == Status::Ahead);
    CHECK(pace_of(72, 150, kJune, kJune1 + 14, true, Status::Missed).status == Status::OnPace);
    CHECK(pace_of(71, 150, kJune, kJune1 + 14, true, Status::Missed).status == Status::Behind);
    // Past the target already: nothing more is needed each day.
    CHECK_FALSE(pace_of(160, 150, kJune, kJune1 + 14, true, Status::Met).needed_per_day);
  }

  TEST_CASE("a rate or an average keeps its whole target and its status") {
    const auto pace = pace_of(0.33, 0.35, kJune, kJune1 + 14, false, Status::AtRisk);
    CHECK(*pace.expected == doctest::Approx(0.35));
    CHECK_FALSE(pace.pace);
    CHECK_FALSE(pace.projection);
    CHECK(pace.status == Status::AtRisk);
  }

  TEST_CASE("no value: the target to date, and no pace") {
    const auto pace = pace_of(std::nullopt, 150, kJune, kJune1 + 9, true, Status::NoValue);
    CHECK(*pace.expected == doctest::Approx(50));
    CHECK_FALSE(pace.pace);
    CHECK(pace.status == Status::NoValue);
  }
}
