// SPDX-License-Identifier: MIT
// What the hand-kept tables (the plan, the scores) share: columns found by any of their
// Chinese or English names, and reader errors reported as errors of the table.
#pragma once

#include <optional>
#include <span>
#include <string_view>

#include "kpi/core/diagnostic.hpp"
#include "kpi/csv/header.hpp"

namespace kpi::score {

/// The code of every plan and scores error: exit code 3.
inline constexpr std::string_view kTableError = "plan.invalid";

/// The first header (trimmed, ASCII letters in any case) equal to one of `aliases`, in
/// alias order.
std::optional<std::size_t> find_column(const csv::Header& header,
                                       std::span<const std::string_view> aliases);

/// Runs `load`, turning the reader's own errors (missing file, invalid bytes) into table
/// errors, so that a bad plan or scores file always exits with 3.
template <typename Load>
auto as_table_errors(Load load) {
  try {
    return load();
  } catch (const Error& error) {
    if (error.diagnostic().code == kTableError) {
      throw;
    }
    Diagnostic diagnostic = error.diagnostic();
    diagnostic.code = std::string(kTableError);
    throw Error(std::move(diagnostic));
  }
}

}  // namespace kpi::score
