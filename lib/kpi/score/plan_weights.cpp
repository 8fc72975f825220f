// SPDX-License-Identifier: MIT
#include "kpi/score/plan_weights.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>
#include <vector>

#include "kpi/score/table_columns.hpp"
#include "kpi/value/decimal.hpp"

namespace kpi::score {
namespace {

constexpr std::size_t kFocusedKpiCount = 5;

bool near(long double a, long double b) { return std::fabs(a - b) < 1e-9L; }

[[noreturn]] void fail(const Plan& plan, std::uint64_t line, std::uint64_t column,
                       std::string message) {
  throw Error({std::string(kTableError), std::move(message), {plan.file, line, column}});
}

std::string period_label(const PlanRow& row) { return row.period ? row.period->label : ""; }

// The rows that share one scorecard, entity and period, in order of first appearance.
struct Scorecard {
  std::string described;  // describe_scorecard of its first row
  std::uint64_t first_line = 0;
  std::size_t kpi_count = 0;
  long double weight_sum = 0;
};

using ScorecardKey = std::tuple<std::string, std::string, std::string>;

ScorecardKey key_of(const PlanRow& row) { return {row.scorecard, row.entity, period_label(row)}; }

// A 下级 row counts in its (whole, undated) scorecard's weights like a KPI row.
std::vector<Scorecard> group_scorecards(const Plan& plan) {
  std::vector<Scorecard> scorecards;
  std::map<ScorecardKey, std::size_t> position;
  const auto add = [&](const ScorecardKey& key, const std::string& described, std::uint64_t line,
                       long double weight) {
    const auto [found, added] = position.try_emplace(key, scorecards.size());
    if (added) {
      scorecards.push_back({described, line, 0, 0});
    }
    Scorecard& scorecard = scorecards[found->second];
    scorecard.first_line = std::min(scorecard.first_line, line);  // a 下级 row above its KPIs
    ++scorecard.kpi_count;
    scorecard.weight_sum += weight;
  };
  for (const PlanRow& row : plan.rows) {
    add(key_of(row), describe_scorecard(row), row.where.line, row.weight);
  }
  for (const ChildrenRow& row : plan.children_rows) {
    add({row.scorecard, "", ""}, fmt::format("scorecard \"{}\"", row.scorecard), row.where.line,
        row.weight);
  }
  return scorecards;
}

// "; write 30% or 30, not 0.3" when weights were written as fractions of 1.
std::string fraction_hint(const std::vector<PlanRow>& rows) {
  const auto positive =
      std::find_if(rows.begin(), rows.end(), [](const PlanRow& row) { return row.weight > 0; });
  const long double weight = positive == rows.end() ? 0.3L : positive->weight;
  const std::string percent = plain_number(weight * 100);
  return fmt::format("; write {}% or {}, not {}", percent, percent, plain_number(weight));
}

void check_weights(Plan& plan, const std::vector<Scorecard>& scorecards, std::uint64_t column) {
  long double total = 0;
  for (const Scorecard& scorecard : scorecards) {
    total += scorecard.weight_sum;
  }
  const std::uint64_t first_line = plan.rows.front().where.line;
  // A tree's scorecards each add up to 100: its roll-up is made of their totals.
  if (scorecards.size() >= 2 && near(total, 100) && !plan.is_tree()) {
    plan.weight_scope = WeightScope::Plan;
    return;
  }
  if (scorecards.size() >= 2 && near(total, 1)) {
    std::string message = "the weights of all rows add up to 1, not 100";
    message += fraction_hint(plan.rows);
    fail(plan, first_line, column, std::move(message));
  }
  for (const Scorecard& scorecard : scorecards) {
    if (!near(scorecard.weight_sum, 100)) {
      std::string message = fmt::format("weights of {} add up to {}, not 100", scorecard.described,
                                        plain_number(scorecard.weight_sum));
      if (near(scorecard.weight_sum, 1)) {
        message += fraction_hint(plan.rows);
      }
      fail(plan, scorecard.first_line, column, std::move(message));
    }
  }
}

void warn_about_large_scorecards(Plan& plan, const std::vector<Scorecard>& scorecards,
                                 std::uint64_t column) {
  for (const Scorecard& scorecard : scorecards) {
    if (scorecard.kpi_count > kFocusedKpiCount) {
      plan.warnings.push_back({"plan.many-kpis",
                               fmt::format("{} has {} KPIs; 3 to 5 keep it focused",
                                           scorecard.described, scorecard.kpi_count),
                               {plan.file, scorecard.first_line, column}});
    }
  }
}

}  // namespace

std::string describe_scorecard(const PlanRow& row) {
  std::string text = fmt::format("scorecard \"{}\"", row.scorecard);
  if (!row.entity.empty() || row.period) {
    text += fmt::format(" (entity \"{}\", period \"{}\")", row.entity, period_label(row));
  }
  return text;
}

std::string plain_number(long double value) {
  return Decimal::from_units(static_cast<std::int64_t>(std::llround(value * Decimal::kUnitsPerOne)))
      .to_string();
}

void check_plan_weights(Plan& plan, std::uint64_t weight_column, std::uint64_t scorecard_column) {
  const std::vector<Scorecard> scorecards = group_scorecards(plan);
  check_weights(plan, scorecards, weight_column);
  warn_about_large_scorecards(plan, scorecards, scorecard_column);
}

}  // namespace kpi::score
