// SPDX-License-Identifier: MIT
// kpi trend's neutral model: KPI × period, one column per period, which every format renders.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "kpi/engine/kpi_values.hpp"
#include "kpi/library/library.hpp"
#include "kpi/report/labels.hpp"
#include "kpi/time/period.hpp"
#include "kpi/value/exact_units.hpp"

namespace kpi::report {

/// One KPI (and, with a breakdown, one value of it) across the periods.
struct TrendLine {
  std::string kpi;   ///< id
  std::string name;  ///< display name
  std::string unit;
  int precision = 2;
  library::Direction direction = library::Direction::HigherIsBetter;
  std::string by_field;                ///< "store", "store,channel"; "" for the whole
  std::string by_value;                ///< "SH01", "SH01 / 美团"
  std::vector<std::string> by_values;  ///< per field of by_field
  /// Per column of Trend::periods: the value, none when there is none (no data, a division by
  /// zero, a period after --as-of).
  std::vector<std::optional<long double>> values;
  std::vector<std::optional<ExactUnits>> exact;  ///< per column: the value exactly, when known
};

struct Trend {
  std::string from, to;               ///< as resolved: "2025-01", "2025-12"
  std::string every;                  ///< the step: month, quarter, …
  std::optional<std::string> as_of;   ///< --as-of, "2025-06-15"
  std::vector<time::Period> periods;  ///< the columns, in order
  std::vector<TrendLine> lines;       ///< in library order; the whole first, then by value
  Presentation presentation;
  engine::DataQuality quality;
};

/// Pivots `result` (computed for the first `result`-covered columns of `periods`; a column
/// beyond them has no value) into one line per KPI and breakdown value, in the library's KPI
/// order, the whole before its breakdown values, those in byte order.
std::vector<TrendLine> trend_lines(const library::Library& library,
                                   const engine::ValuesResult& result, std::size_t columns);

/// A trend cell as people read it: at the KPI's precision, a percentage as "12.35%", no value
/// as "—".
std::string trend_cell_text(const TrendLine& line, std::size_t column);

/// A trend cell as csv and json write it: the raw number (exact when known), "" for none.
std::string trend_cell_raw(const TrendLine& line, std::size_t column);

}  // namespace kpi::report
