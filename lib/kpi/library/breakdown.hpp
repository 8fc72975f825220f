// SPDX-License-Identifier: MIT
// A breakdown: the field or fields a KPI's values are split by (门店; 门店 and 渠道). Written
// "store" or "store,channel": a KPI's `by` (a string or a list), --by, and all(x, "store").
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kpi::library {

/// The fields of a breakdown as written, "store, channel" → {"store", "channel"}; spaces around
/// a name are dropped, and "" has none.
std::vector<std::string> breakdown_fields(std::string_view by);

/// The written form of a breakdown of `fields`: "store,channel".
std::string breakdown_name(std::span<const std::string> fields);

}  // namespace kpi::library
