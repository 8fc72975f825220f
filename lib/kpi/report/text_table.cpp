// SPDX-License-Identifier: MIT
#include "kpi/report/text_table.hpp"

#include <algorithm>

#include "kpi/report/display_width.hpp"
#include "kpi/report/escape.hpp"

namespace kpi {
namespace {

using Rows = std::vector<std::vector<std::string>>;

std::vector<std::size_t> column_widths(const Rows& rows) {
  std::vector<std::size_t> widths;
  for (const auto& row : rows) {
    widths.resize(std::max(widths.size(), row.size()), 0);
    for (std::size_t c = 0; c < row.size(); ++c) {
      widths[c] = std::max(widths[c], display_width(row[c]));
    }
  }
  return widths;
}

// The line's width: the indent, the columns shown and two spaces between them.
std::size_t table_width(const std::vector<std::size_t>& widths, const std::vector<bool>& shown,
                        std::size_t indent) {
  std::size_t width = indent;
  std::size_t columns = 0;
  for (std::size_t c = 0; c < widths.size(); ++c) {
    if (shown[c]) {
      width += widths[c];
      ++columns;
    }
  }
  return width + (columns > 1 ? 2 * (columns - 1) : 0);
}

Tone tone_at(const TableLayout& layout, std::size_t row, std::size_t column) {
  if (!layout.colour || row >= layout.tones.size() || column >= layout.tones[row].size()) {
    return Tone::Plain;
  }
  return layout.tones[row][column];
}

// Escapes the cells, as they are shown.
Rows escaped(const Rows& raw_rows) {
  Rows rows;
  rows.reserve(raw_rows.size());
  for (const auto& raw_row : raw_rows) {
    std::vector<std::string>& row = rows.emplace_back();
    row.reserve(raw_row.size());
    for (const std::string& cell : raw_row) {
      row.push_back(escape_controls(cell));
    }
  }
  return rows;
}

// Which columns show: all but the first `left_out` droppable ones, then more of them while the
// table is wider than the width.
std::vector<bool> shown_columns(const std::vector<std::size_t>& widths, const TableLayout& layout) {
  std::vector<bool> shown(widths.size(), true);
  const std::size_t indent = display_width(layout.indent);
  for (std::size_t d = 0; d < layout.droppable.size(); ++d) {
    const bool too_wide = layout.width > 0 && table_width(widths, shown, indent) > layout.width;
    if (d >= layout.left_out && !too_wide) {
      break;
    }
    if (layout.droppable[d] < shown.size()) {
      shown[layout.droppable[d]] = false;
    }
  }
  return shown;
}

}  // namespace

std::size_t columns_left_out(const Rows& rows, const TableLayout& layout) {
  const std::vector<bool> shown = shown_columns(column_widths(escaped(rows)), layout);
  std::size_t count = 0;
  for (const std::size_t column : layout.droppable) {
    count += column < shown.size() && !shown[column] ? 1 : 0;
  }
  return count;
}

std::string paint(std::string_view text, Tone tone) {
  switch (tone) {
    case Tone::Good:
      return "\x1B[32m" + std::string(text) + "\x1B[0m";
    case Tone::Warning:
      return "\x1B[33m" + std::string(text) + "\x1B[0m";
    case Tone::Bad:
      return "\x1B[31m" + std::string(text) + "\x1B[0m";
    case Tone::Plain:
      break;
  }
  return std::string(text);
}

std::string render_text_table(const Rows& raw_rows, const std::vector<Align>& align,
                              const TableLayout& layout) {
  // Text from the data (a store code with an ESC sequence or a line break) is shown escaped.
  Rows rows = escaped(raw_rows);
  std::vector<std::size_t> widths = column_widths(rows);
  const std::vector<bool> shown = shown_columns(widths, layout);
  const std::size_t indent = display_width(layout.indent);
  if (layout.width > 0) {
    const std::size_t total = table_width(widths, shown, indent);
    if (total > layout.width && !widths.empty() && widths[0] > kNarrowestFirstColumn) {
      const std::size_t excess = total - layout.width;
      widths[0] =
          excess + kNarrowestFirstColumn >= widths[0] ? kNarrowestFirstColumn : widths[0] - excess;
      for (auto& row : rows) {
        if (!row.empty()) {
          row[0] = truncate_to_width(row[0], widths[0]);
        }
      }
    }
  }
  std::string text;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const auto& row = rows[r];
    std::string line = layout.indent;
    bool first = true;
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (!shown[c]) {
        continue;
      }
      line += first ? "" : "  ";
      first = false;
      const std::size_t padding = widths[c] - display_width(row[c]);
      const bool right = c < align.size() && align[c] == Align::Right;
      line.append(right ? padding : 0, ' ');
      line += paint(row[c], tone_at(layout, r, c));
      line.append(right ? 0 : padding, ' ');
    }
    while (line.ends_with(' ')) {
      line.pop_back();
    }
    text += line;
    text += '\n';
  }
  return text;
}

std::string render_text_table(const Rows& rows, const std::vector<Align>& align,
                              const std::string& indent) {
  TableLayout layout;
  layout.indent = indent;
  return render_text_table(rows, align, layout);
}

}  // namespace kpi
