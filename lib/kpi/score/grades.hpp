// SPDX-License-Identifier: MIT
// What a scorecard's total leads to (考核结果应用): its grade and 绩效系数 from the library's
// `[grades]`, its rank within its group, the forced-distribution check, and the bonus.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kpi/library/library.hpp"
#include "kpi/value/exact_units.hpp"

namespace kpi::score {

/// A total as the report shows it: six decimals, then one, each half away from zero. Grades
/// and ranks are decided on it, so that they agree with the figure people read.
long double shown_total(long double total);

/// The band `total` falls in: the first whose `from` the shown total reaches, else the last.
const library::GradeBand& grade_of(const library::Grades& grades, long double total);

/// Standard competition ranking within each group (1, 2, 2, 4): the higher shown total first.
/// `groups[i]` names the group of `totals[i]`; a scorecard without a total has no rank and does
/// not count.
std::vector<std::optional<int>> rank_within_groups(
    const std::vector<std::optional<long double>>& totals, const std::vector<std::string>& groups);

/// A group in which more graded scorecards got one of the limited grades than allowed.
struct DistributionBreach {
  std::string group;
  std::size_t limited = 0;  ///< scorecards with one of the limit's grades
  std::size_t graded = 0;   ///< scorecards with a grade
};

/// The groups, in order of first appearance, where limited ÷ graded exceeds the limit's share.
std::vector<DistributionBreach> check_distribution(
    const library::GradeLimit& limit, const std::vector<std::optional<std::string>>& grades,
    const std::vector<std::string>& groups);

/// base × coefficient, both in millionths, rounded to the cent half away from zero; in
/// millionths. 5000 × 1.2 is exactly 6000.00; 3333.33 × 1.15 is 3833.33 (3833.3295).
ExactUnits bonus_units(std::int64_t base_units, std::int64_t coefficient_units);

}  // namespace kpi::score
