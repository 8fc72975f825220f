// SPDX-License-Identifier: MIT
#include "kpi/score/table_columns.hpp"

#include <algorithm>

#include "kpi/value/cell_text.hpp"

namespace kpi::score {
namespace {

bool same_name(std::string_view a, std::string_view b) {
  const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                            [&](char x, char y) { return lower(x) == lower(y); });
}

}  // namespace

std::optional<std::size_t> find_column(const csv::Header& header,
                                       std::span<const std::string_view> aliases) {
  for (std::string_view alias : aliases) {
    for (std::size_t i = 0; i < header.names.size(); ++i) {
      if (same_name(trim_cell(header.names[i]), alias)) {
        return i;
      }
    }
  }
  return std::nullopt;
}

}  // namespace kpi::score
