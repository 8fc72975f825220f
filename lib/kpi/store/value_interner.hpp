// SPDX-License-Identifier: MIT
#pragma once

#include <absl/container/flat_hash_map.h>

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>

#include "kpi/expr/value.hpp"
#include "kpi/store/value_key.hpp"

namespace kpi::store {

/// Gives each distinct value of a run a small number, so that count-distinct sets hold 4-byte
/// ids instead of strings: a product code seen in ten million rows is hashed as text once per
/// row, then only as a number. Per-entity tables use ValueKey, which needs an id only for
/// values longer than 15 bytes.
///
/// Values are told apart by kind and content, so the text "1" and the number 1 differ.
class ValueInterner {
 public:
  /// The id of `value` (null has one id too; callers leave nulls out before asking).
  std::uint32_t intern(const expr::Value& value);
  /// The id of a value given by its kind-tagged bytes, as `bytes_of` writes them.
  std::uint32_t intern_bytes(std::string_view bytes);
  /// The key of a value given by its kind-tagged bytes: the bytes themselves when they fit,
  /// else their id.
  ValueKey key_of(std::string_view bytes) {
    return bytes.size() <= ValueKey::kInlineBytes ? ValueKey::of_bytes(bytes)
                                                  : ValueKey::of_id(intern_bytes(bytes));
  }
  /// The kind-tagged bytes of a value, appended to a cleared `out`.
  static void bytes_of(const expr::Value& value, std::string& out);
  /// The value whose bytes_of are `bytes` (a text views them): what a key stands for.
  static expr::Value value_of(std::string_view bytes);

  std::uint32_t size() const { return static_cast<std::uint32_t>(short_ids_.size() + ids_.size()); }

  /// Calls `visit(bytes, id)` for every value, for remapping ids between runs.
  template <typename Visit>
  void for_each(const Visit& visit) const {
    for (const auto& [bytes, id] : short_ids_) {
      visit(bytes.bytes(), id);
    }
    for (const auto& [bytes, id] : ids_) {
      visit(std::string_view(bytes.data(), bytes.size()), id);
    }
  }

 private:
  // The map's keys view `storage_`, whose chunks never move; most values are a few bytes,
  // so they are packed rather than allocated one by one.
  std::string_view store(std::string_view bytes);

  // Up to 15 bytes (member numbers, codes) are held inside the table's slot: a lookup then
  // touches one cache line and compares two words.
  absl::flat_hash_map<ValueKey, std::uint32_t> short_ids_;
  // Longer values, keyed by absl's own string_view, which its hash takes directly (the Debian
  // build's differs from std::string_view, for which it would fall back to std::hash).
  absl::flat_hash_map<absl::string_view, std::uint32_t> ids_;
  std::deque<std::string> storage_;
  std::string scratch_;
};

}  // namespace kpi::store
