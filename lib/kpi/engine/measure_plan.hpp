// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kpi/library/compiled_library.hpp"

namespace kpi::engine {

/// Where each measure must be computed, decided before any row is read. Groups are told apart
/// by kind: the whole is kind 0, breakdown field b is kind b + 1.
struct MeasurePlan {
  /// [measure][kind]: some KPI reads the measure there. A distinct count nobody reads by
  /// channel costs nothing by channel.
  std::vector<std::vector<bool>> wanted;
  /// [measure]: the per-entity measure whose keys this distinct count counts. A distinct count
  /// of the very key a per-entity measure of the same rows keeps (members, beside members with
  /// two or more rows) is the number of that measure's keys: one table, not a table and a set.
  std::vector<std::optional<std::size_t>> shared_keys;
};

/// The breakdown all(x, within) reads from a value of breakdown `b` (indices into `breakdowns`,
/// each a list of fields): the one of within's fields, when they all are among b's; none
/// otherwise, or when no breakdown has those fields.
std::optional<std::size_t> parent_breakdown(const std::vector<std::vector<std::string>>& breakdowns,
                                            std::size_t b, std::string_view within);

/// Whether a measure is a distinct count of a value without `per`. Such a count keeps its
/// values as keys, in a table like a per-entity measure's, and is the number of keys: a row
/// costs one lookup of a 16-byte key, where interning the value and adding its id to a set
/// cost two.
bool keeps_value_keys(const library::CompiledMeasure& measure);

/// How a row adds to one measure of its source in one group kind.
struct RowStep {
  enum class Action : std::uint8_t {
    CountRow,     ///< the row counts (count = "*")
    AddValue,     ///< the row's value (sum, count, avg, min, max, median)
    AddDistinct,  ///< the id of the row's value (count_distinct, as a key's share)
    AddKey,       ///< the row's key and its inputs (per-entity, valued from its keys alone;
                  ///< or the value of a distinct count that keeps_value_keys), held back a
                  ///< few rows while its slot loads
    AddKeyNow,    ///< the same, added at once: its inputs include values the row's text
                  ///< views (count_distinct(x) per key), which cannot wait for later rows
    AddKeyShare,  ///< the same, then the key's share of the measure, by `share`
  };
  Action action = Action::CountRow;
  Action share = Action::CountRow;  ///< for AddKeyShare: CountRow, AddValue or AddDistinct
  /// The measure's filter reads period_start or period_end: the row passes it per period.
  bool period_filtered = false;
  std::size_t measure = 0;  ///< index within the source
};

/// [kind]: for each of `kinds` group kinds, the steps of the source's measures (library indices
/// in `source_measures`) that `plan` computes there, in measure order. Decided once per
/// source, so that a row does not test every measure's settings again.
std::vector<std::vector<RowStep>> plan_row_steps(const library::CompiledLibrary& library,
                                                 const std::vector<std::size_t>& source_measures,
                                                 const MeasurePlan& plan, std::size_t kinds);

/// `breakdowns` are the breakdowns' fields in kind order; `kpi_breakdown` is each KPI's
/// breakdown (an index into `breakdowns`; none for the whole); `with_whole` asks for every KPI's
/// value for the whole as well; `asked` says which KPIs are computed (the measures of the others
/// are wanted nowhere, unless an asked KPI reads them).
MeasurePlan plan_measures(const library::CompiledLibrary& library,
                          const std::vector<std::vector<std::string>>& breakdowns,
                          const std::vector<std::optional<std::size_t>>& kpi_breakdown,
                          bool with_whole, const std::vector<bool>& asked);

}  // namespace kpi::engine
