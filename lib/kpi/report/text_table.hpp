// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <vector>

namespace kpi {

enum class Align { Left, Right };

/// Rows of cells laid out in columns for a terminal: each column as wide as its widest cell
/// (a CJK character counts two), two spaces between columns, no trailing blanks. `align`
/// gives each column's alignment; missing entries are Left.
std::string render_text_table(const std::vector<std::vector<std::string>>& rows,
                              const std::vector<Align>& align, const std::string& indent = "");

}  // namespace kpi
