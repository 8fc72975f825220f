// SPDX-License-Identifier: MIT
// combine_scores (scores_loader.hpp): several raters' scores of one qualitative KPI as one.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "kpi/score/scores_loader.hpp"
#include "kpi/time/written_period.hpp"

namespace kpi::score {
namespace {

struct KindScores {
  std::string kind;
  long double sum = 0;
  std::size_t count = 0;
  long double mean() const { return sum / static_cast<long double>(count); }
};

std::string one_decimal(long double value) {
  return fmt::format("{:.1f}", static_cast<double>(value));
}

}  // namespace

CombinedScore combine_scores(const std::vector<ManualScore>& scores, const std::string& scorecard,
                             const std::string& entity, const std::string& kpi,
                             const time::Period& period, const library::Ratings* ratings) {
  std::vector<KindScores> kinds;  // in order of first appearance
  std::size_t rows = 0;
  long double all = 0;
  for (const ManualScore& score : scores) {
    if (score.scorecard != scorecard || score.entity != entity || score.kpi != kpi ||
        !time::same_days(score.period, period)) {
      continue;
    }
    auto kind = std::find_if(kinds.begin(), kinds.end(),
                             [&](const KindScores& k) { return k.kind == score.rater; });
    if (kind == kinds.end()) {
      kinds.push_back({score.rater, 0, 0});
      kind = kinds.end() - 1;
    }
    kind->sum += score.points;
    ++kind->count;
    all += score.points;
    ++rows;
  }
  CombinedScore combined;
  if (rows == 0) {
    return combined;
  }
  if (rows == 1 && kinds.front().kind.empty()) {
    combined.points = all;
    return combined;
  }
  std::vector<std::string> parts;
  for (const KindScores& kind : kinds) {
    parts.push_back(fmt::format("{} {}{}", kind.kind.empty() ? "?" : kind.kind,
                                one_decimal(kind.mean()),
                                kind.count > 1 ? fmt::format(" ({})", kind.count) : ""));
  }
  const bool weighted = ratings != nullptr && !ratings->weights.empty();
  if (!weighted) {
    combined.points = all / static_cast<long double>(rows);
    combined.note = fmt::format("raters: {}; mean of {}", fmt::join(parts, ", "), rows);
    return combined;
  }
  long double sum = 0;
  long double weights = 0;
  for (const auto& [kind, weight] : ratings->weights) {
    // Named again: a lambda cannot capture a structured binding before C++20's clang 16.
    const std::string& wanted = kind;
    const auto found = std::find_if(kinds.begin(), kinds.end(),
                                    [&](const KindScores& k) { return k.kind == wanted; });
    if (found == kinds.end()) {
      combined.missing.push_back(kind);
      continue;
    }
    sum += weight * found->mean();
    weights += weight;
  }
  std::vector<std::string> weighting;
  for (const auto& [kind, weight] : ratings->weights) {
    weighting.push_back(fmt::format("{} {}%", kind, static_cast<double>(weight)));
  }
  combined.note =
      fmt::format("raters: {}; weighted {}", fmt::join(parts, ", "), fmt::join(weighting, ", "));
  if (!combined.missing.empty()) {
    combined.note += fmt::format("; no {} score: the others' weights scaled to 100",
                                 fmt::join(combined.missing, ", "));
  }
  if (weights > 0) {
    combined.points = sum / weights;
  }
  return combined;
}

}  // namespace kpi::score
