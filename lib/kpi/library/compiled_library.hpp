// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <vector>

#include "kpi/expr/formula.hpp"
#include "kpi/expr/row_expression.hpp"
#include "kpi/library/library.hpp"

namespace kpi::library {

/// One aggregate a `having` condition reads per key: rows, or sum(x), count(x), avg(x),
/// min(x), max(x) over a row expression.
struct KeyAggregate {
  Aggregate aggregate = Aggregate::Count;
  std::optional<expr::RowExpression> of;  ///< unset for rows
  /// `is_new`: the key's first row in all of the source's history falls in the period.
  bool first_seen = false;
  /// `lost`: the key, active in the previous period, has no rows in this one.
  bool lost = false;
  /// min or max of dates: the slot holds a date (seconds are kept as the number).
  bool moment = false;
};

/// A measure with its expressions bound to its source's fields.
struct CompiledMeasure {
  const Measure* definition = nullptr;
  std::size_t source = 0;                 ///< index into Library::sources
  std::optional<expr::RowExpression> of;  ///< unset for count = "*"
  std::optional<expr::RowExpression> filter;
  /// The filter names period_start or period_end, so a row passes it per period: bound to the
  /// source's fields and then the two (see period_bound_slots).
  bool filter_reads_period = false;
  std::optional<expr::RowExpression> per;     ///< the entity key
  std::vector<KeyAggregate> key_aggregates;   ///< what `having` reads, in slot order
  std::optional<expr::RowExpression> having;  ///< bound to key_aggregates' slots
  /// A value per key from its aggregates (`days_between(min(contacted), min(dealt))`): the
  /// measure then aggregates one value per passing key instead of rows.
  std::optional<expr::RowExpression> key_of;
  /// count_distinct of the key itself (members with two or more purchases): the result is
  /// the number of keys that pass, and no per-key set is kept.
  bool counts_keys = false;
  /// `having` reads is_new, so each key's first day in all history is kept.
  bool tracks_first_seen = false;
  /// `having` reads lost: it is judged over the keys of the previous period, or of the
  /// previous `lost_periods` periods together (lost(3)).
  bool reads_previous_keys = false;
  int lost_periods = 1;
};

struct CompiledKpi {
  const Kpi* definition = nullptr;
  expr::Formula formula;
};

/// A library whose every name resolves, every expression has the right type and no KPI
/// depends on itself: what the engine runs.
struct CompiledLibrary {
  const Library* library = nullptr;
  std::vector<std::vector<expr::FieldSlot>> source_fields;  ///< per source, its fields in order
  std::vector<CompiledMeasure> measures;
  std::vector<CompiledKpi> kpis;
};

/// Checks and binds `library`, which must outlive the result. In a KPI formula a name is a
/// measure if one has that name, otherwise a KPI. Throws kpi::Error ("library." codes) at the
/// first problem, located in the library file, with a suggestion for misspelt names.
CompiledLibrary compile_library(const Library& library);

/// The KPI an alert watches, named by its id or display name; none when unknown.
const Kpi* find_alert_kpi(const Library& library, const Alert& alert);

/// The names a filter may use for the first and last day of the period it is judged in.
inline constexpr std::string_view kPeriodStart = "period_start";
inline constexpr std::string_view kPeriodEnd = "period_end";
/// A source's fields and then period_start and period_end (dates): what a filter is bound to.
/// Slots fields.size() and fields.size() + 1 hold the period's first and last day.
std::vector<expr::FieldSlot> with_period_bounds(const std::vector<expr::FieldSlot>& fields);

expr::ValueType value_type_of(FieldType type);

}  // namespace kpi::library
