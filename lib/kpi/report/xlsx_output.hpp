// SPDX-License-Identifier: MIT
// The xlsx format of kpi report and kpi values: a workbook's bytes, for -o or a redirection.
#pragma once

#include <string>
#include <vector>

#include "kpi/engine/kpi_values.hpp"
#include "kpi/library/library.hpp"
#include "kpi/report/labels.hpp"
#include "kpi/report/report.hpp"

namespace kpi::report {

/// A summary sheet (each scorecard's total, a chart of them, the plan total), one sheet per
/// scorecard (its KPIs as typed cells, status colours, a chart of achievement per KPI, the
/// total below) and a data-quality sheet (files, problems, notes). Labels in the report's
/// language; the same report gives the same bytes.
std::string render_report_xlsx(const Report& report);

/// One sheet of the long table of `kpi values`: kpi, name, period, the breakdown field (its
/// name as the header), value (typed by unit) and unit.
std::string render_values_xlsx(const library::Library& library, const engine::ValuesResult& result,
                               const std::vector<time::Period>& periods, const Presentation& shown);

}  // namespace kpi::report
