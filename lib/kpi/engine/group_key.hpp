// SPDX-License-Identifier: MIT
// The key of a group of a breakdown by several fields: its values in one string, so that the
// groups of "store,channel" are found and sorted like those of one field.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kpi::engine {

/// Appends the key of `values` to `key` (cleared first). Values are separated by a NUL byte,
/// the smallest, so keys sort as their values do field by field; a NUL or 0x01 inside a value
/// is escaped (0x01 0x01, 0x01 0x02), so that different values never meet in one key.
void encode_group_key(std::span<const std::string_view> values, std::string& key);

/// The values encode_group_key put into `key`.
std::vector<std::string> decode_group_key(std::string_view key);

}  // namespace kpi::engine
