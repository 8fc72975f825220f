// SPDX-License-Identifier: MIT
#pragma once

#include <string>

#include "kpi/engine/kpi_values.hpp"
#include "kpi/library/library.hpp"
#include "kpi/report/formats.hpp"
#include "kpi/report/labels.hpp"

namespace kpi {

using ValuesFormat = report::Format;  ///< one of report::kValuesFormats

/// Renders `kpi values`: one row per KPI and breakdown value with id, name, period, the
/// breakdown value, value and unit.
/// - table: aligned for a terminal (CJK-aware); values at the KPI's precision, percentages
///   as "12.35%", no value as "—"; headers and unit words in `shown`'s language;
/// - csv: columns kpi,name,period,by,value,unit; raw values (up to six decimals), empty for
///   no value;
/// - json: an array of objects {kpi, name, period, by: {field: value}, value, unit}; value a
///   number or null.
std::string render_values(const library::Library& library, const engine::ValuesResult& result,
                          const std::vector<time::Period>& periods, ValuesFormat format,
                          const report::Presentation& shown = {});

}  // namespace kpi
