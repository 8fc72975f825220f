// SPDX-License-Identifier: MIT
#include "kpi/core/did_you_mean.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

namespace kpi {
namespace {

// Splits UTF-8 into characters, so that one Chinese character counts as one edit.
std::vector<std::string_view> characters(std::string_view text) {
  std::vector<std::string_view> result;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t length = 1;
    while (i + length < text.size() &&
           (static_cast<unsigned char>(text[i + length]) & 0xC0) == 0x80) {
      ++length;
    }
    result.push_back(text.substr(i, length));
    i += length;
  }
  return result;
}

// Edits between two names, where swapping two neighbouring characters is one edit (a typo
// like "pso" for "pos" is as close as a missing letter).
std::size_t edit_distance(std::string_view a, std::string_view b) {
  const auto left = characters(a), right = characters(b);
  const std::size_t columns = right.size() + 1;
  std::vector<std::size_t> table((left.size() + 1) * columns);
  const auto at = [&](std::size_t i, std::size_t j) -> std::size_t& {
    return table[i * columns + j];
  };
  for (std::size_t i = 0; i <= left.size(); ++i) at(i, 0) = i;
  for (std::size_t j = 0; j <= right.size(); ++j) at(0, j) = j;
  for (std::size_t i = 1; i <= left.size(); ++i) {
    for (std::size_t j = 1; j <= right.size(); ++j) {
      const std::size_t cost = left[i - 1] == right[j - 1] ? 0 : 1;
      at(i, j) = std::min({at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost});
      if (i > 1 && j > 1 && left[i - 1] == right[j - 2] && left[i - 2] == right[j - 1]) {
        at(i, j) = std::min(at(i, j), at(i - 2, j - 2) + 1);
      }
    }
  }
  return at(left.size(), right.size());
}

}  // namespace

std::string closest_match(std::string_view name, std::span<const std::string> candidates) {
  // About one edit per three characters: "fliter" → "filter", but two-character Chinese
  // names must share one character to be suggested.
  const std::size_t length = characters(name).size();
  const std::size_t allowed = std::min((length + 2) / 3, length > 0 ? length - 1 : 0);
  std::string best;
  std::size_t best_distance = allowed + 1;
  for (const std::string& candidate : candidates) {
    const std::size_t distance = edit_distance(name, candidate);
    if (distance < best_distance) {
      best = candidate;
      best_distance = distance;
    }
  }
  return best;
}

std::string did_you_mean(std::string_view name, std::span<const std::string> candidates) {
  const std::string match = closest_match(name, candidates);
  return match.empty() ? "" : fmt::format(" (did you mean \"{}\"?)", match);
}

}  // namespace kpi
