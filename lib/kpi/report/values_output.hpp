// SPDX-License-Identifier: MIT
#pragma once

#include <string>

#include "kpi/engine/kpi_values.hpp"
#include "kpi/library/library.hpp"
#include "kpi/report/formats.hpp"
#include "kpi/report/labels.hpp"

namespace kpi {

using ValuesFormat = report::Format;  ///< one of report::kValuesFormats

/// The version of the JSON contract of `kpi values` (docs/output-formats.md): raised when a key
/// changes meaning or goes away, not when one is added.
inline constexpr int kValuesSchemaVersion = 1;

/// Renders `kpi values`: one row per KPI and breakdown value with id, name, period, the
/// breakdown, value and unit.
/// - table, markdown, html: for people; values at the KPI's precision, percentages as
///   "12.35%", no value as "—", the breakdown as "store=SH01"; headers and unit words in
///   `shown`'s language;
/// - csv, tsv: columns kpi,name,period, one per breakdown field named after it (a single empty
///   `by` without a breakdown), value,unit; raw values (up to six decimals), empty for no
///   value; `bom` puts a UTF-8 byte-order mark before csv, for Excel;
/// - json: {"schema_version": 1, "values": [rows]}; jsonl: one row per line; a row is
///   {kpi, name, period, by: {field: value}, value, unit}, value a number or null;
/// - xlsx: a workbook of the long table.
std::string render_values(const library::Library& library, const engine::ValuesResult& result,
                          const std::vector<time::Period>& periods, ValuesFormat format,
                          const report::Presentation& shown = {}, bool bom = false);

}  // namespace kpi
