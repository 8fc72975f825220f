// SPDX-License-Identifier: MIT
#include "kpi/report/text_table.hpp"

#include <algorithm>

#include "kpi/report/display_width.hpp"
#include "kpi/report/escape.hpp"

namespace kpi {

std::string render_text_table(const std::vector<std::vector<std::string>>& raw_rows,
                              const std::vector<Align>& align, const std::string& indent) {
  // Text from the data (a store code with an ESC sequence or a line break) is shown escaped.
  std::vector<std::vector<std::string>> rows;
  rows.reserve(raw_rows.size());
  for (const auto& raw_row : raw_rows) {
    std::vector<std::string>& row = rows.emplace_back();
    row.reserve(raw_row.size());
    for (const std::string& cell : raw_row) {
      row.push_back(escape_controls(cell));
    }
  }
  std::vector<std::size_t> widths;
  for (const auto& row : rows) {
    widths.resize(std::max(widths.size(), row.size()), 0);
    for (std::size_t c = 0; c < row.size(); ++c) {
      widths[c] = std::max(widths[c], display_width(row[c]));
    }
  }
  std::string text;
  for (const auto& row : rows) {
    std::string line = indent;
    for (std::size_t c = 0; c < row.size(); ++c) {
      const bool right = c < align.size() && align[c] == Align::Right;
      if (right) {
        line.append(widths[c] - display_width(row[c]), ' ');
      }
      line += right ? row[c] : pad_to_width(row[c], widths[c]);
      if (c + 1 < row.size()) {
        line += "  ";
      }
    }
    while (line.ends_with(' ')) {
      line.pop_back();
    }
    text += line;
    text += '\n';
  }
  return text;
}

}  // namespace kpi
