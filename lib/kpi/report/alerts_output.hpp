// SPDX-License-Identifier: MIT
// What `kpi alerts` prints: the alerts that fired, in every format it writes, and on standard
// error the ones that could not be judged.
#pragma once

#include <string>
#include <vector>

#include "kpi/alerts/alert_check.hpp"
#include "kpi/library/library.hpp"
#include "kpi/report/formats.hpp"
#include "kpi/report/report.hpp"
#include "kpi/report/status_lines.hpp"
#include "kpi/time/period.hpp"

namespace kpi::report {

/// The formats `kpi alerts` writes, its default first.
inline constexpr Format kAlertFormats[] = {Format::Table, Format::Csv, Format::Json, Format::Jsonl};

/// The fired alerts of `results` (the others are left out), in `format`: a table with the
/// value and the range it left, csv and json(l) with the numbers unformatted.
std::string render_alerts(const library::Library& library, const alerts::AlertResults& results,
                          const time::Period& period, Format format);

/// The fired alerts of `results`, as `kpi report` shows them in its own section.
std::vector<ReportAlert> report_alerts(const library::Library& library,
                                       const alerts::AlertResults& results,
                                       const time::Period& period);

/// A warning for each alert that could not be judged: no value, or too little history.
std::vector<StatusLine> unjudged_alert_lines(const library::Library& library,
                                             const alerts::AlertResults& results);

}  // namespace kpi::report
