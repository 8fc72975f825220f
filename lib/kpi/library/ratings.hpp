// SPDX-License-Identifier: MIT
// `[ratings]`: how the scores several raters give a qualitative KPI combine (自评, 上级, 同事,
// 下级 with weights, or a plain mean), and what grade words (优/良/中/差, A/B/C/D) are worth.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kpi/core/diagnostic.hpp"

namespace kpi::library {

struct Ratings {
  /// Rater kind (canonical: 自评, 上级, 同事, 下级) → weight in percent points, adding up to 100;
  /// empty: every rater's score counts the same (a plain mean).
  std::vector<std::pair<std::string, long double>> weights;
  /// Grade word → points, over the default table (see default_grade_points).
  std::vector<std::pair<std::string, long double>> points;
  SourceLocation where;
};

/// The canonical name of a rater kind: 自评 (self, 本人), 上级 (manager, 上级评价, 直属上级),
/// 同事 (peer, 同级, 平级), 下级 (subordinate, 下属); English in any letter case. None for
/// anything else.
std::optional<std::string> rater_kind(std::string_view text);

/// "自评/self, 上级/manager, 同事/peer or 下级/subordinate", for messages.
std::string_view rater_kinds_text();

/// The default grade words: 优 and 优秀 95, 良 and 良好 85, 中, 中等 and 合格 75, 差, 较差 and
/// 不合格 60; A 95, B 85, C 75, D 60.
const std::vector<std::pair<std::string, long double>>& default_grade_points();

/// The points of a grade word: the library's table first, then the default one.
std::optional<long double> grade_points(const Ratings* ratings, std::string_view word);

}  // namespace kpi::library
