// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kpi {

enum class Align { Left, Right };

/// What a cell's colour says on a terminal: good news (green), a warning (amber), bad news (red).
enum class Tone : unsigned char { Plain, Good, Warning, Bad };

/// `text` between the ANSI colour of `tone` and a reset; `text` itself for Plain.
std::string paint(std::string_view text, Tone tone);

/// How a table is laid out on a terminal.
struct TableLayout {
  std::string indent;
  /// Per row, per cell, its tone; missing rows and cells are Plain. Shown only with `colour`.
  std::vector<std::vector<Tone>> tones;
  bool colour = false;
  /// The terminal's width in columns, 0 for none. A wider table leaves out the columns of
  /// `droppable`, in that order, until it fits; then cuts the first column's cells to fit with
  /// "…", down to kNarrowestFirstColumn.
  std::size_t width = 0;
  std::vector<std::size_t> droppable;
  /// The first so many columns of `droppable` are left out whatever the width: several tables
  /// of one report leave out the same columns.
  std::size_t left_out = 0;
};

/// How many columns of `layout.droppable` a table of `rows` leaves out to fit `layout.width`.
std::size_t columns_left_out(const std::vector<std::vector<std::string>>& rows,
                             const TableLayout& layout);

inline constexpr std::size_t kNarrowestFirstColumn = 8;

/// Rows of cells laid out in columns for a terminal: each column as wide as its widest cell
/// (a CJK character counts two), two spaces between columns, no trailing blanks. `align`
/// gives each column's alignment; missing entries are Left. Colours never change the layout:
/// the escape codes go around a cell's text, outside the widths.
std::string render_text_table(const std::vector<std::vector<std::string>>& rows,
                              const std::vector<Align>& align, const TableLayout& layout);

std::string render_text_table(const std::vector<std::vector<std::string>>& rows,
                              const std::vector<Align>& align, const std::string& indent = "");

}  // namespace kpi
