// SPDX-License-Identifier: MIT
#include "kpi/score/area_weights.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <tuple>

#include "kpi/score/plan_weights.hpp"

namespace kpi::score {
namespace {

struct AreaWeight {
  std::tuple<std::string, std::string, std::string> scorecard;  // name, entity, period
  std::string area;
  long double weight = 0;
  const PlanRow* first = nullptr;
};

const library::AreaRange* range_of(const std::vector<library::AreaRange>& ranges,
                                   const std::string& scorecard, const std::string& area) {
  const library::AreaRange* every = nullptr;
  for (const library::AreaRange& range : ranges) {
    if (range.area != area) {
      continue;
    }
    if (range.scorecard == scorecard) {
      return &range;
    }
    if (range.scorecard.empty()) {
      every = &range;
    }
  }
  return every;
}

}  // namespace

std::vector<Diagnostic> check_area_weights(const Plan& plan,
                                           const std::vector<library::AreaRange>& ranges) {
  std::vector<Diagnostic> found;
  if (ranges.empty() || plan.weight_scope == WeightScope::Plan) {
    return found;
  }
  std::vector<AreaWeight> weights;  // in plan order of first rows
  for (const PlanRow& row : plan.rows) {
    if (row.area.empty()) {
      continue;
    }
    const auto key = std::tuple(row.scorecard, row.entity, row.period ? row.period->label : "");
    auto at = std::find_if(weights.begin(), weights.end(), [&](const AreaWeight& w) {
      return w.scorecard == key && w.area == row.area;
    });
    if (at == weights.end()) {
      weights.push_back({key, row.area, 0, &row});
      at = weights.end() - 1;
    }
    at->weight += row.weight;
  }
  const auto percent = [](long double points) { return plain_number(points) + "%"; };
  for (const AreaWeight& area : weights) {
    const library::AreaRange* range = range_of(ranges, std::get<0>(area.scorecard), area.area);
    constexpr long double kTolerance = 1e-9L;
    if (range == nullptr ||
        (area.weight + kTolerance >= range->low && area.weight - kTolerance <= range->high)) {
      continue;
    }
    found.push_back({std::string(kAreaWeightCode),
                     fmt::format("{}: area \"{}\" weighs {}, outside its range {} ({}:{})",
                                 describe_scorecard(*area.first), area.area, percent(area.weight),
                                 range->text, range->where.file, range->where.line),
                     {area.first->where.file, area.first->where.line, plan.area_field}});
  }
  return found;
}

}  // namespace kpi::score
