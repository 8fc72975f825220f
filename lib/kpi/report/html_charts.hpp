// SPDX-License-Identifier: MIT
// The inline SVG charts of the html report: drawn as markup, so the page needs no script, no
// network and no font to show them, and they print as crisply as the text.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "kpi/score/scoring.hpp"

namespace kpi::report {

/// The CSS class of a status, which the page's stylesheet colours: met, at-risk, missed,
/// no-value.
std::string_view status_class(score::Status status);

/// A bullet bar of a KPI's achievement: a bar in the status's colour on a track from 0 to
/// 150 % (further when the cap is higher), a solid mark at the target (100 %), a dashed mark at
/// the cap when there is one, and the stretch zone between them shaded. A bar beyond the
/// track's end is cut there and ends in an arrow. `label` is read out by screen readers.
std::string bullet_bar(std::optional<long double> achievement, std::optional<long double> cap,
                       score::Status status, std::string_view label);

/// One bar of the ranked chart of scorecard totals: `score` of `scale` points wide, in the
/// colour of `status` (the total read as an achievement: 100 met, 90 at risk), with a mark at
/// 100 points.
std::string ranked_bar(long double score, long double scale, score::Status status);

/// The status of a scorecard's total, as a KPI's would be with the default thresholds.
score::Status total_status(std::optional<long double> total);

}  // namespace kpi::report
