// SPDX-License-Identifier: MIT
#pragma once

#include <absl/container/flat_hash_map.h>

#include <cstdint>
#include <optional>
#include <utility>

#include "kpi/store/table_memory.hpp"
#include "kpi/store/value_key.hpp"

namespace kpi::store {

/// A set of keys, each with its order of arrival and a count of rows. A key that packs into
/// 8 bytes (most do, see ValueKey) has a 16-byte slot, the key and its Key: a row then touches
/// one cache line, and four keys share it. (Peak memory of a table of a few million members:
/// 188 → 102 MB against 32-byte slots. A 24-byte slot was slower than 32: such slots straddle
/// cache lines.) The tables live on the pages of TableAllocator.
class KeyTable {
 public:
  struct Key {
    std::uint32_t position = 0;  ///< order of arrival: an index for what a caller keeps per key
    std::uint32_t rows = 0;
  };

  /// The key, added with no rows when new (then `second` is true); valid until the next add.
  std::pair<Key*, bool> add(const ValueKey& value) {
    const auto added = [&](auto& map, const auto& map_key) {
      const auto [entry, inserted] = map.try_emplace(map_key);
      if (inserted) {
        entry->second.position = static_cast<std::uint32_t>(size() - 1);
      }
      return std::pair(&entry->second, inserted);
    };
    if (const std::optional<std::uint64_t> packed = value.packed()) {
      return added(packed_keys_, *packed);
    }
    return added(other_keys_, value);
  }
  /// Counts a row of `key`; false when its rows would no longer fit in 32 bits.
  [[nodiscard]] static bool add_row(Key& key) {
    return !__builtin_add_overflow(key.rows, 1U, &key.rows);
  }
  /// Starts loading the key's slot into the cache, for an add a little later. (Inlined whole:
  /// GCC deletes a call to a function it finds pure, which absl's prefetch is on its own.)
  [[gnu::always_inline, gnu::flatten]] void prefetch(const ValueKey& value) const {
    if (const std::optional<std::uint64_t> packed = value.packed()) {
      packed_keys_.prefetch(*packed);
    } else {
      other_keys_.prefetch(value);
    }
  }

  std::size_t size() const { return packed_keys_.size() + other_keys_.size(); }
  bool contains(const ValueKey& value) const {
    const std::optional<std::uint64_t> packed = value.packed();
    return packed ? packed_keys_.contains(*packed) : other_keys_.contains(value);
  }
  /// Calls `visit(value, key)` for every key, in no particular order.
  template <typename Visit>
  void for_each(const Visit& visit) const {
    for (const auto& [packed, key] : packed_keys_) {
      visit(ValueKey::of_packed(packed), key);
    }
    for (const auto& [value, key] : other_keys_) {
      visit(value, key);
    }
  }

 private:
  template <typename Value, typename Mapped>
  using Map = absl::flat_hash_map<Value, Mapped, absl::Hash<Value>, std::equal_to<Value>,
                                  TableAllocator<std::pair<const Value, Mapped>>>;

  Map<std::uint64_t, Key> packed_keys_;
  Map<ValueKey, Key> other_keys_;
};

}  // namespace kpi::store
