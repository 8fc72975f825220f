// SPDX-License-Identifier: MIT
// The formats of kpi trend: KPI × period, one column per period.
#pragma once

#include <string>

#include "kpi/report/formats.hpp"
#include "kpi/report/trend.hpp"

namespace kpi::report {

/// The formats kpi trend writes, its default first: every format of kpi report.
inline constexpr Format kTrendFormats[] = {Format::Table, Format::Csv,   Format::Tsv,
                                           Format::Json,  Format::Jsonl, Format::Markdown,
                                           Format::Xlsx,  Format::Html};

/// Renders a trend, one line per KPI (and breakdown value), one column per period:
/// - table, markdown: kpi, name, the breakdown (when there is one), unit, then the periods,
///   values at the KPI's precision, no value as "—"; labels in the trend's language;
/// - csv, tsv: kpi, name, the breakdown (its field's name as the header: "store"; "by" with
///   "store=SH01" cells when KPIs are broken down by different fields), unit, then one column
///   per period headed by its label; raw numbers, empty for no value; `bom` puts a UTF-8
///   byte-order mark first, for Excel;
/// - json: {"schema_version": 1, "from", "to", "every", "as_of", "periods": [{"period",
///   "first_day", "last_day"}…], "kpis": [{"kpi", "name", "by": {field: value}, "unit",
///   "values": [number or null, one per period]}…]};
/// - jsonl: one object per KPI × period, as `kpi values --format json` writes them: {"kpi",
///   "name", "period", "by", "value", "unit"};
/// - xlsx: the table as typed cells, and a sheet of native line charts, one per KPI;
/// - html: one self-contained page, the table with an inline SVG line per KPI.
std::string render_trend(const Trend& trend, Format format, bool bom = false);

/// The html format (trend_html.cpp).
std::string render_trend_html(const Trend& trend);
/// The xlsx format (trend_xlsx.cpp).
std::string render_trend_xlsx(const Trend& trend);

/// The breakdown column's header: the field every broken-down line shares ("store"), else
/// `by` (the lines then show "store=SH01"); "" when no line is broken down.
std::string trend_by_header(const Trend& trend, std::string_view by);
/// The one field every broken-down line shares; "" when they differ or none is broken down.
std::string trend_shared_field(const Trend& trend);
/// A line's cell under that header: "SH01", or with `shared` false (the lines' fields differ)
/// "store=SH01".
std::string trend_by_cell(const TrendLine& line, bool shared);

}  // namespace kpi::report
