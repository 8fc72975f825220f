// SPDX-License-Identifier: MIT
#include "kpi/score/grades.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "kpi/value/decimal.hpp"

namespace kpi::score {

long double shown_total(long double total) {
  const long long millionths = std::llround(total * Decimal::kUnitsPerOne);
  const long long step = Decimal::kUnitsPerOne / 10;
  const long long half = millionths < 0 ? -step / 2 : step / 2;
  const long long tenths = (millionths + half) / step;
  return static_cast<long double>(tenths) / 10;
}

const library::GradeBand& grade_of(const library::Grades& grades, long double total) {
  const long double shown = shown_total(total);
  for (const library::GradeBand& band : grades.bands) {
    if (band.from && shown >= *band.from) {
      return band;
    }
  }
  return grades.bands.back();
}

std::vector<std::optional<int>> rank_within_groups(
    const std::vector<std::optional<long double>>& totals, const std::vector<std::string>& groups) {
  std::vector<std::optional<int>> ranks(totals.size());
  for (std::size_t i = 0; i < totals.size(); ++i) {
    if (!totals[i]) {
      continue;
    }
    const long double mine = shown_total(*totals[i]);
    int above = 0;
    for (std::size_t j = 0; j < totals.size(); ++j) {
      if (totals[j] && groups[j] == groups[i] && shown_total(*totals[j]) > mine) {
        ++above;
      }
    }
    ranks[i] = above + 1;
  }
  return ranks;
}

std::vector<DistributionBreach> check_distribution(
    const library::GradeLimit& limit, const std::vector<std::optional<std::string>>& grades,
    const std::vector<std::string>& groups) {
  std::vector<DistributionBreach> counts;
  for (std::size_t i = 0; i < grades.size(); ++i) {
    if (!grades[i]) {
      continue;
    }
    auto group = std::find_if(counts.begin(), counts.end(),
                              [&](const DistributionBreach& c) { return c.group == groups[i]; });
    if (group == counts.end()) {
      counts.push_back({groups[i], 0, 0});
      group = counts.end() - 1;
    }
    ++group->graded;
    if (std::find(limit.grades.begin(), limit.grades.end(), *grades[i]) != limit.grades.end()) {
      ++group->limited;
    }
  }
  // limited ÷ graded > at_most, compared in millionths of a share so that 3 of 10 is not over
  // a 30 % limit by a rounding error.
  const auto at_most = static_cast<long long>(std::llround(limit.at_most * Decimal::kUnitsPerOne));
  std::erase_if(counts, [&](const DistributionBreach& c) {
    return static_cast<long long>(c.limited) * Decimal::kUnitsPerOne <=
           at_most * static_cast<long long>(c.graded);
  });
  return counts;
}

ExactUnits bonus_units(std::int64_t base_units, std::int64_t coefficient_units) {
  const ExactUnits product = static_cast<ExactUnits>(base_units) * coefficient_units;
  // product is in millionths of millionths; a cent is 10^4 millionths, so 10^10 of these.
  const ExactUnits per_cent = static_cast<ExactUnits>(10'000'000'000LL);
  const ExactUnits half = product < 0 ? -per_cent / 2 : per_cent / 2;
  const ExactUnits cents = (product + half) / per_cent;
  return cents * 10'000;
}

}  // namespace kpi::score
