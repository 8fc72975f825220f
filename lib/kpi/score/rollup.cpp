// SPDX-License-Identifier: MIT
#include "kpi/score/rollup.hpp"

#include <fmt/format.h>

namespace kpi::score {

KpiScore children_score(const std::vector<std::optional<long double>>& child_totals) {
  long double sum = 0;
  std::size_t counted = 0;
  for (const std::optional<long double>& total : child_totals) {
    if (total) {
      sum += *total;
      ++counted;
    }
  }
  KpiScore score;
  const std::size_t children = child_totals.size();
  if (counted == 0) {
    score.status = Status::NoValue;
    score.note = fmt::format("none of its {} children has a total", children);
    return score;
  }
  score.points = sum / static_cast<long double>(counted);
  score.status = Status::Scored;
  score.note = counted == children
                   ? fmt::format("the mean of {} children's totals", children)
                   : fmt::format("the mean of {} of {} children's totals ({} without a total)",
                                 counted, children, children - counted);
  return score;
}

}  // namespace kpi::score
