// SPDX-License-Identifier: MIT
// The measures table as CSV: what `kpi values --emit-measures` writes and `--measures` reads.
#pragma once

#include <string>
#include <vector>

#include "kpi/engine/kpi_values.hpp"

namespace kpi::report {

/// RFC 4180 CSV in UTF-8 with LF line ends: the header `measure,period,breakdown_field,
/// breakdown_value,value`, then one line per row.
std::string render_measure_table(const std::vector<engine::MeasureTableRow>& rows);

}  // namespace kpi::report
