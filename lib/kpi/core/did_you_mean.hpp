// SPDX-License-Identifier: MIT
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace kpi {

/// The candidate closest to `name` by edit distance (counted in characters, so 金额 and 金頟 are
/// one edit apart), or "" when none is close enough to be a plausible typo.
std::string closest_match(std::string_view name, std::span<const std::string> candidates);

/// " (did you mean "x"?)" when closest_match finds something, "" otherwise.
std::string did_you_mean(std::string_view name, std::span<const std::string> candidates);

}  // namespace kpi
