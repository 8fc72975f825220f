// SPDX-License-Identifier: MIT
// Which plan rows a report uses: by period (typed, whatever the 期间 spelling), the most
// precise row per KPI, and `each` expanded to the entities that have values.
#include "kpi/score/plan_resolution.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace {

using kpi::score::Cycle;
using kpi::score::CyclePeriod;
using kpi::score::Plan;
using kpi::score::PlanResolution;
using kpi::score::PlanRow;
using kpi::score::ScorecardKey;
using kpi::time::Calendar;
using kpi::time::Period;

const Calendar kCalendar{};

PlanRow row(std::string scorecard, std::string entity, std::string kpi,
            std::optional<Period> period = std::nullopt, Cycle cycle = Cycle::Monthly) {
  PlanRow plan_row;
  plan_row.scorecard = std::move(scorecard);
  plan_row.entity = std::move(entity);
  plan_row.kpi = std::move(kpi);
  plan_row.period = std::move(period);
  plan_row.cycle = cycle;
  return plan_row;
}

std::array<CyclePeriod, kpi::score::kCycleCount> cycles_of(const Period& period) {
  return {kpi::score::cycle_period(period, Cycle::Monthly, kCalendar),
          kpi::score::cycle_period(period, Cycle::Quarterly, kCalendar),
          kpi::score::cycle_period(period, Cycle::Yearly, kCalendar),
          kpi::score::cycle_period(period, Cycle::HalfMonthly, kCalendar),
          kpi::score::cycle_period(period, Cycle::HalfYearly, kCalendar)};
}

// The KPIs of a scorecard's rows, in order.
std::vector<std::string> kpis_of(const PlanResolution& resolution, const ScorecardKey& key) {
  std::vector<std::string> kpis;
  for (const PlanRow* plan_row : resolution.rows_of(key)) {
    kpis.push_back(plan_row->kpi + (plan_row->period ? "@" + plan_row->period->label : ""));
  }
  return kpis;
}

}  // namespace

TEST_SUITE("score.plan_resolution") {
  TEST_CASE("a quarterly KPI in a May report is measured over the quarter to date") {
    const Period may = kpi::time::month_period({2025, 5}, kCalendar);
    const CyclePeriod quarter = kpi::score::cycle_period(may, Cycle::Quarterly, kCalendar);
    CHECK(quarter.measured.label == "2025-Q2 to date");
    CHECK(quarter.measured.first_day == kpi::time::month_period({2025, 4}, kCalendar).first_day);
    CHECK(quarter.measured.last_day == may.last_day);
    CHECK(quarter.whole.label == "2025-Q2");
    CHECK(quarter.to_date);
    const Period june = kpi::time::month_period({2025, 6}, kCalendar);
    const CyclePeriod ended = kpi::score::cycle_period(june, Cycle::Quarterly, kCalendar);
    CHECK(ended.measured.label == "2025-Q2");
    CHECK_FALSE(ended.to_date);
    CHECK(kpi::score::cycle_period(june, Cycle::Monthly, kCalendar).measured.label == "2025-06");
  }

  TEST_CASE("a row applies in its own period or its cycle's whole period, compared as days") {
    const Period june = kpi::time::month_period({2025, 6}, kCalendar);
    Plan plan;
    plan.rows = {
        row("店长", "", "sales"), row("店长", "", "margin", june),
        row("店长", "", "visits", kpi::time::month_period({2025, 7}, kCalendar)),
        row("店长", "", "repeat", kpi::time::quarter_period(2025, 2, kCalendar), Cycle::Quarterly),
        row("店长", "", "nps", kpi::time::range_period(june.first_day, june.last_day))};
    const PlanResolution resolution(plan, june, cycles_of(june));
    CHECK(kpis_of(resolution, {"店长", ""}) ==
          std::vector<std::string>{"sales", "margin@2025-06", "repeat@2025-Q2",
                                   "nps@2025-06-01..2025-06-30"});
    CHECK(resolution.any_applies());
    const Period august = kpi::time::month_period({2025, 8}, kCalendar);
    Plan dated;
    dated.rows = {row("店长", "", "margin", june)};
    CHECK_FALSE(PlanResolution(dated, august, cycles_of(august)).any_applies());
  }

  TEST_CASE("the most precise row wins: a named entity over each, a dated row over an undated") {
    const Period june = kpi::time::month_period({2025, 6}, kCalendar);
    Plan plan;
    plan.rows = {row("顾问", "each", "sales"), row("顾问", "李娜", "sales"),
                 row("顾问", "each", "visits"), row("顾问", "each", "visits", june)};
    const PlanResolution resolution(plan, june, cycles_of(june));
    CHECK(kpis_of(resolution, {"顾问", "李娜"}) ==
          std::vector<std::string>{"sales", "visits@2025-06"});
    CHECK(kpis_of(resolution, {"顾问", "王丽"}) ==
          std::vector<std::string>{"sales", "visits@2025-06"});
    CHECK(resolution.rows_of({"顾问", "李娜"}).front() == &plan.rows[1]);
    CHECK(resolution.rows_of({"顾问", "王丽"}).front() == &plan.rows[0]);
    CHECK(kpis_of(resolution, {"顾问", ""}).empty());  // each stands for named entities only
  }

  TEST_CASE("each expands to the entities with values, sorted, after the plan's own order") {
    const Period june = kpi::time::month_period({2025, 6}, kCalendar);
    Plan plan;
    plan.rows = {row("全院", "", "sales"), row("顾问", "each", "sales"),
                 row("顾问", "each", "visits"), row("门店", "S01", "sales")};
    const PlanResolution resolution(plan, june, cycles_of(june));
    const auto keys = resolution.scorecards([](const PlanRow& plan_row) {
      return plan_row.kpi == "sales" ? std::vector<std::string>{"王丽", "李娜"}
                                     : std::vector<std::string>{"陈静", "李娜"};
    });
    CHECK(keys ==
          std::vector<ScorecardKey>{
              {"全院", ""}, {"顾问", "李娜"}, {"顾问", "王丽"}, {"顾问", "陈静"}, {"门店", "S01"}});
  }

  TEST_CASE("each over 100 000 entities is expanded in linear time, once per scorecard (D11)" *
            doctest::timeout(5)) {
    // A linear search per key (and a scan per `each` row) took minutes here.
    const Period june = kpi::time::month_period({2025, 6}, kCalendar);
    Plan plan;
    plan.rows = {row("会员", "each", "sales"), row("会员", "each", "orders")};
    const PlanResolution resolution(plan, june, cycles_of(june));
    std::vector<std::string> members;
    for (int i = 0; i < 100000; ++i) {
      members.push_back(std::to_string(1000000 + i));
    }
    std::size_t expansions = 0;
    const auto keys = resolution.scorecards([&](const PlanRow&) {
      ++expansions;
      return members;
    });
    CHECK(keys.size() == members.size());
    CHECK(keys.front() == ScorecardKey{"会员", "1000000"});
    CHECK(keys.back() == ScorecardKey{"会员", "1099999"});
    CHECK(expansions == 2);  // each `each` row once, not once per `each` row of the scorecard
  }

  TEST_CASE("the change against an earlier period is none without both values or from zero") {
    CHECK(*kpi::score::relative_change(120, 100) == doctest::Approx(0.2));
    CHECK(*kpi::score::relative_change(-50, -100) == doctest::Approx(0.5));
    CHECK_FALSE(kpi::score::relative_change(120, 0).has_value());
    CHECK_FALSE(kpi::score::relative_change(std::nullopt, 100).has_value());
    CHECK_FALSE(kpi::score::relative_change(120, std::nullopt).has_value());
  }
}
