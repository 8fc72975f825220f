// SPDX-License-Identifier: MIT
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "kpi/engine/data_quality.hpp"
#include "kpi/engine/scan_settings.hpp"
#include "kpi/library/compiled_library.hpp"
#include "kpi/time/period.hpp"
#include "kpi/value/exact_units.hpp"

namespace kpi::engine {

struct ValuesRequest {
  /// The periods to compute, all in the same pass (a report's month and its quarter to date).
  std::vector<time::Period> periods;
  /// The KPIs to compute (indices into Library::kpis); empty: every KPI. Only the measures
  /// they read are computed, and a source none of them reads is not read at all.
  std::vector<std::size_t> kpis;
  /// (period, KPI) pairs, indices into `periods` and Library::kpis: each KPI of `kpis` is
  /// computed only in the periods paired with it (a report's monthly KPIs in its month, its
  /// quarterly ones in its quarter). Empty: every KPI in every period.
  std::vector<std::pair<std::size_t, std::size_t>> kpi_periods;
  /// Measures computed on their own, for each requested period, whole or by `by` (kpi list
  /// reads a per-entity measure's keys). With any, only the KPIs of `kpis` are computed.
  std::vector<std::size_t> measures;
  /// Break every KPI down by this field; "" keeps each KPI's own `by` (or none).
  std::string by;
  /// How the exports are read: --data overrides, --strict, threads.
  ScanSettings scan;
  /// Also compute each KPI for the previous period and the same period last year.
  bool with_changes = false;
  /// With a breakdown, also give each KPI's value for the whole (by_field "").
  bool with_whole = false;
  /// Also count, per measure, group and period, the rows that pass the measure's filter (kpi
  /// explain); off, a row costs one test more.
  bool count_passing = false;
  /// The day days_elapsed() counts up to; none: every period has fully elapsed.
  std::optional<std::int32_t> today;
  /// Per period, when it is measured to a day (--as-of): the whole period it is part of, whose
  /// length days_in_period() gives. Empty: each period is whole.
  std::vector<time::Period> whole_periods;
  /// A measures table to read the measures from (a path, "-" for standard input) instead of
  /// the exports; "": the exports are read.
  std::string measure_table;
  /// Also give the run's measures table (ValuesResult::measure_table).
  bool emit_measures = false;
};

/// One KPI's value for the period and, with a breakdown, one value of the breakdown field.
struct KpiValue {
  std::size_t period = 0;  ///< index into ValuesRequest::periods
  std::size_t kpi = 0;     ///< index into Library::kpis
  std::string by_field;    ///< the breakdown: "store", or "store,channel"; "" for the whole
  std::string by_value;    ///< its value, "SH01"; for several fields "SH01 / 美团"
  std::vector<std::string> by_values;  ///< the value of each field of the breakdown
  std::optional<long double> value;    ///< none: no data, division by zero, missing period
  /// `value` in exact millionths, when it is known exactly: a sum, count, min or max, and
  /// sums, differences and whole multiples of them (see expr::Formula::exact). Outputs show
  /// this rather than the long double, which holds millionths only up to about 1.8 × 10¹³.
  std::optional<ExactUnits> exact;
  std::optional<long double> previous;   ///< with_changes: the previous period's value
  std::optional<long double> last_year;  ///< with_changes: the same period last year
};

/// How many rows of one source fell in each requested period: a month whose export never
/// arrived has none.
struct SourceRows {
  std::size_t source = 0;           ///< index into Library::sources
  std::vector<std::uint64_t> rows;  ///< per ValuesRequest::periods
};

/// One row of the measures table (see measure_table.hpp), as text.
struct MeasureTableRow {
  std::string measure;  ///< a measure's name, or rows(SOURCE): the number of the source's rows
  std::string period;   ///< the period's label: 2025-06, 2025-Q2, 2025-06-01..2025-06-15
  std::string breakdown_field;  ///< "" for the whole; "store", or "store,channel"
  std::string breakdown_value;  ///< "" for the whole; "SH01", or "SH01 / 美团" for several
  std::string value;            ///< a plain decimal; "" for no value
};

struct ValuesResult {
  std::vector<KpiValue> rows;
  DataQuality quality;
  std::vector<SourceRows> rows_in_periods;  ///< per source read, in library order
  /// With ValuesRequest::emit_measures: the measures table of the run.
  std::vector<MeasureTableRow> measure_table;
};

/// Computes every KPI of the library for the requested periods in one streaming pass per
/// source. Every measure is computed for every period its KPIs read (the period itself,
/// previous ones for prev(), last year's for last_year()). A measure whose source has no rows
/// at all in a period (or, with a breakdown, none for that value) has no value there, so a
/// growth rate over a period the exports do not cover is "no value", not a division by zero.
/// Measures of a source that lacks the breakdown field are taken whole, which aligns sources
/// on the dimensions they share.
ValuesResult compute_values(const library::CompiledLibrary& library, const ValuesRequest& request);

}  // namespace kpi::engine
