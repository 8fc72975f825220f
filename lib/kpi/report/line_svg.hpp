// SPDX-License-Identifier: MIT
// Lines over periods as inline SVG, for the html of kpi trend and of score history: markup
// only, so the page needs no script, no network and no font to draw them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kpi::report {

/// A small line of `values` (one per period, left to right) scaled between their own least and
/// greatest, 120 × 28 units, a dot on the last value; a period without a value is a gap. No
/// value at all draws an empty box. `label` is read out by screen readers.
std::string sparkline(const std::vector<std::optional<long double>>& values,
                      std::string_view label);

/// One named line of a line chart.
struct ChartLine {
  std::string name;
  std::vector<std::optional<long double>> values;  ///< one per period
};

/// A line chart of `lines` over the periods `labels`: a y axis from 0 (or the least value, when
/// below 0) to the greatest value, with `reference` drawn dashed when given (100 points, a
/// target), a dot on every value, the periods under the x axis and a legend of the lines.
/// Colours repeat after eight lines. `title` is read out by screen readers.
std::string line_chart(const std::vector<ChartLine>& lines, const std::vector<std::string>& labels,
                       std::optional<long double> reference, std::string_view title);

}  // namespace kpi::report
