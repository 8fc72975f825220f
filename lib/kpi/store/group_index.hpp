// SPDX-License-Identifier: MIT
#pragma once

#include <absl/container/flat_hash_map.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "kpi/core/same_bytes.hpp"

namespace kpi::store {

/// The groups of one breakdown field, by value: any `Group` a caller keeps per value. Every row
/// looks up its group, and a field has few values (stores, channels) or hundreds (consultants),
/// so a cache of recent lookups comes first: a cheap hash and one comparison, where the map
/// would hash the whole text and probe. The cache has four slots per group, up to 16,384
/// slots, so that hundreds of values mostly find theirs (W2: 585 consultants in 256 slots
/// missed on most rows).
template <typename Group>
class GroupIndex {
 public:
  using Map = absl::flat_hash_map<std::string, Group>;

  GroupIndex() = default;
  // The cache points into the map, so a copy or a move starts with an empty one.
  GroupIndex(const GroupIndex& other) : groups_(other.groups_) { size_cache(); }
  GroupIndex(GroupIndex&& other) noexcept
      : groups_(std::move(other.groups_)),
        cache_(std::move(other.cache_)),
        slot_bits_(other.slot_bits_) {
    clear_cache();
    other.cache_.clear();  // a moved-from index finds in its map alone
  }
  GroupIndex& operator=(const GroupIndex& other) {
    groups_ = other.groups_;
    size_cache();
    return *this;
  }
  GroupIndex& operator=(GroupIndex&& other) noexcept {
    groups_ = std::move(other.groups_);
    cache_ = std::move(other.cache_);
    slot_bits_ = other.slot_bits_;
    clear_cache();
    other.cache_.clear();
    return *this;
  }
  ~GroupIndex() = default;

  /// The group of `value`, or nullptr when it has none.
  Group* find(std::string_view value) {
    if (cache_.empty()) [[unlikely]] {
      return const_cast<Group*>(std::as_const(*this).find(value));
    }
    const Fingerprint print = fingerprint_of(value);
    Entry& entry = cache_[slot_of(print)];
    if (entry.group != nullptr && entry.print == print &&
        (value.size() <= kFingerprintBytes || same_bytes({entry.data, value.size()}, value))) {
      return entry.group;
    }
    const auto found = groups_.find(absl::string_view(value.data(), value.size()));
    if (found == groups_.end()) {
      return nullptr;
    }
    entry = {print, found->first.data(), &found->second};
    return &found->second;
  }
  const Group* find(std::string_view value) const {
    const auto found = groups_.find(absl::string_view(value.data(), value.size()));
    return found == groups_.end() ? nullptr : &found->second;
  }

  /// Adds the group of `value` (which has none yet).
  Group& add(std::string_view value, Group group) {
    const std::size_t capacity = groups_.capacity();
    Group& added = groups_.try_emplace(std::string(value), std::move(group)).first->second;
    if (groups_.capacity() != capacity) {
      size_cache();  // the map has moved its groups and keys
    }
    return added;
  }

  /// Every group as (value, group), in no particular order.
  const Map& all() const { return groups_; }
  /// The same, with groups that may change (not be added or removed): to merge them away.
  Map& all() { return groups_; }
  bool empty() const { return groups_.empty(); }

 private:
  // Up to 24 bytes of a value in three words, with its size: for values that short, equal
  // fingerprints mean equal values, so a cached value is recognised by comparing words. The
  // words come from both ends, overlapping, with no branch on the size from 8 to 24 bytes,
  // where channel names of many lengths fall (W at 10 M rows: a branch per length
  // mispredicted on most rows).
  struct Fingerprint {
    std::uint64_t front = 0, middle = 0, back = 0;
    std::size_t size = 0;
    bool operator==(const Fingerprint&) const = default;
  };
  static constexpr std::size_t kFingerprintBytes = 24;

  struct Entry {
    Fingerprint print;
    const char* data = nullptr;  // the map's key, for values longer than a fingerprint
    Group* group = nullptr;
  };
  static constexpr int kMinSlotBits = 8;
  static constexpr int kMaxSlotBits = 14;

  // Empties the cache, with four slots per group (within the bounds above).
  void size_cache() {
    int bits = kMinSlotBits;
    while (bits < kMaxSlotBits && (std::size_t{1} << bits) < 4 * groups_.size()) {
      ++bits;
    }
    slot_bits_ = bits;
    cache_.assign(std::size_t{1} << bits, Entry{});
  }
  void clear_cache() { std::fill(cache_.begin(), cache_.end(), Entry{}); }

  static Fingerprint fingerprint_of(std::string_view value) {
    const char* const data = value.data();
    const std::size_t size = value.size();
    Fingerprint print;
    print.size = size;
    if (size >= 8) {
      std::memcpy(&print.front, data, 8);
      std::memcpy(&print.middle, data + std::min<std::size_t>(8, size - 8), 8);
      std::memcpy(&print.back, data + size - 8, 8);
    } else if (size >= 4) {
      std::uint32_t front = 0, back = 0;
      std::memcpy(&front, data, 4);
      std::memcpy(&back, data + size - 4, 4);
      print.front = front;
      print.back = back;
    } else if (size > 0) {
      print.front = static_cast<unsigned char>(data[0]) |
                    static_cast<unsigned>(static_cast<unsigned char>(data[size / 2])) << 8 |
                    static_cast<unsigned>(static_cast<unsigned char>(data[size - 1])) << 16;
    }
    return print;
  }

  std::size_t slot_of(const Fingerprint& print) const {
    const std::uint64_t mixed = (print.front ^ (print.middle * 0xC2B2AE3D27D4EB4FULL) ^
                                 (print.back * 0x9E3779B97F4A7C15ULL) ^ print.size) *
                                0xD6E8FEB86659FD93ULL;
    return static_cast<std::size_t>(mixed >> (64 - slot_bits_));
  }

  Map groups_;
  std::vector<Entry> cache_ = std::vector<Entry>(std::size_t{1} << kMinSlotBits);
  int slot_bits_ = kMinSlotBits;
};

}  // namespace kpi::store
