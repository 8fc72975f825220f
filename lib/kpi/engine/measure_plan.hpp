// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <optional>
#include <string>
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

/// `by_fields` are the breakdown fields in kind order; `kpi_by` is each KPI's breakdown field
/// ("" for none); `with_whole` asks for every KPI's value for the whole as well.
MeasurePlan plan_measures(const library::CompiledLibrary& library,
                          const std::vector<std::string>& by_fields,
                          const std::vector<std::string>& kpi_by, bool with_whole);

}  // namespace kpi::engine
