// SPDX-License-Identifier: MIT
#pragma once

#include <absl/container/flat_hash_map.h>

#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "kpi/core/same_bytes.hpp"
#include "kpi/engine/group_state.hpp"

namespace kpi::engine {

/// The groups of one breakdown field, by value. Every row looks up its group, and a field
/// has few values (stores, channels), so a small cache of recent lookups comes first: a cheap
/// hash and one comparison, where the map would hash the whole text and probe.
class GroupIndex {
 public:
  using Map = absl::flat_hash_map<std::string, GroupState>;

  GroupIndex() = default;
  // The cache points into the map, so a copy or a move starts with an empty one.
  GroupIndex(const GroupIndex& other) : groups_(other.groups_) {}
  GroupIndex(GroupIndex&& other) noexcept : groups_(std::move(other.groups_)) { other.cache_ = {}; }
  GroupIndex& operator=(const GroupIndex& other) {
    groups_ = other.groups_;
    cache_ = {};
    return *this;
  }
  GroupIndex& operator=(GroupIndex&& other) noexcept {
    groups_ = std::move(other.groups_);
    cache_ = {};
    other.cache_ = {};
    return *this;
  }
  ~GroupIndex() = default;

  /// The group of `value`, or nullptr when it has none.
  GroupState* find(std::string_view value) {
    Entry& entry = cache_[slot_of(value)];
    if (entry.group != nullptr && same_bytes({entry.data, entry.size}, value)) {
      return entry.group;
    }
    const auto found = groups_.find(absl::string_view(value.data(), value.size()));
    if (found == groups_.end()) {
      return nullptr;
    }
    entry = {found->first.data(), found->first.size(), &found->second};
    return &found->second;
  }
  const GroupState* find(std::string_view value) const {
    const auto found = groups_.find(absl::string_view(value.data(), value.size()));
    return found == groups_.end() ? nullptr : &found->second;
  }

  /// Adds the group of `value` (which has none yet).
  GroupState& add(std::string_view value, GroupState group) {
    cache_ = {};  // the map may move its groups and keys
    return groups_.try_emplace(std::string(value), std::move(group)).first->second;
  }

  /// Every group as (value, group), in no particular order.
  const Map& all() const { return groups_; }
  bool empty() const { return groups_.empty(); }

 private:
  struct Entry {
    const char* data = nullptr;  // the map's key
    std::size_t size = 0;
    GroupState* group = nullptr;
  };
  static constexpr int kSlotBits = 8;

  // Mixes the length and up to 16 bytes from both ends: enough to tell a field's few values
  // apart; a collision only costs a map lookup.
  static std::size_t slot_of(std::string_view value) {
    const std::size_t size = value.size();
    std::uint64_t front = 0, back = 0;
    if (size >= 8) {
      std::memcpy(&front, value.data(), 8);
      std::memcpy(&back, value.data() + size - 8, 8);
    } else if (size >= 4) {
      std::uint32_t low = 0, high = 0;
      std::memcpy(&low, value.data(), 4);
      std::memcpy(&high, value.data() + size - 4, 4);
      front = low;
      back = high;
    } else if (size > 0) {
      front = static_cast<unsigned char>(value[0]) |
              static_cast<unsigned>(static_cast<unsigned char>(value[size / 2])) << 8 |
              static_cast<unsigned>(static_cast<unsigned char>(value[size - 1])) << 16;
    }
    const std::uint64_t mixed =
        (front ^ (back * 0x9E3779B97F4A7C15ULL) ^ size) * 0xD6E8FEB86659FD93ULL;
    return static_cast<std::size_t>(mixed >> (64 - kSlotBits));
  }

  Map groups_;
  std::array<Entry, std::size_t{1} << kSlotBits> cache_{};
};

}  // namespace kpi::engine
