// SPDX-License-Identifier: MIT
// The keys behind a per-entity measure: those that pass its `having` in a period, each with
// the aggregates its `having` reads (kpi list, the call list of lost or new customers).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "kpi/engine/data_quality.hpp"
#include "kpi/engine/kpi_values.hpp"
#include "kpi/expr/value.hpp"
#include "kpi/library/compiled_library.hpp"

namespace kpi::engine {

/// One key that passes, with its aggregates.
struct ListedKey {
  /// The key's kind-tagged bytes (see store::ValueInterner::bytes_of).
  std::string key;
  std::uint32_t rows = 0;  ///< its rows in the period judged (that passed the filter)
  /// Its aggregates, in the order of the measure's key_aggregates: numbers, dates or
  /// true/false (null for min(x) of a key whose x is always null).
  std::vector<expr::Value> inputs;

  /// The key's value (a text views `key`).
  expr::Value value() const;
};

/// The keys of one breakdown value (or of the whole).
struct ListedGroup {
  std::vector<std::string> by_values;  ///< one per breakdown field; empty for the whole
  std::vector<ListedKey> keys;         ///< the keys that pass, in the order of their values
};

struct EntityList {
  std::size_t measure = 0;             ///< index into CompiledLibrary::measures
  std::vector<std::string> by_fields;  ///< the breakdown's fields; empty for none
  std::vector<ListedGroup> groups;     ///< in the order of their breakdown values; only
                                       ///< those with a key that passes
  DataQuality quality;
};

/// Lists the keys that pass per-entity measure `measure` (one with `per` and `having`) in the
/// request's one period, whole or by the request's `by`: the keys whose count the measure
/// gives. One pass over the measure's source; memory holds the keys, as computing the
/// measure does. The measure must be per entity (the caller checks).
EntityList list_entities(const library::CompiledLibrary& library, ValuesRequest request,
                         std::size_t measure);

}  // namespace kpi::engine
