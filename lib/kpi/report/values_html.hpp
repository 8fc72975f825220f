// SPDX-License-Identifier: MIT
// The html format of kpi values: the long table as one self-contained page.
#pragma once

#include <string>
#include <vector>

#include "kpi/report/labels.hpp"

namespace kpi::report {

/// `rows` (a header, then one row per KPI and breakdown value: kpi, name, period, breakdown,
/// value, unit, as the table shows them) as a page with its style inline and no script or
/// external resource; the title and the page's language in `lang`. Values align to the right.
std::string render_values_html(const std::vector<std::vector<std::string>>& rows, Lang lang);

}  // namespace kpi::report
