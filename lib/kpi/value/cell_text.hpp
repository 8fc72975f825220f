// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kpi {

/// Removes leading and trailing ASCII whitespace, no-break spaces and ideographic spaces.
std::string_view trim_cell(std::string_view text);

/// True for the texts exports use for "no value": empty, "-", "--", "—", "N/A", "NA", "NULL",
/// "#N/A" and "None" (ASCII letters in any case), after trim_cell.
bool is_missing_token(std::string_view trimmed);

/// Reads a yes/no cell: true, yes, y, 1, 是 or false, no, n, 0, 否 (ASCII in any case).
/// No value for anything else.
std::optional<bool> parse_bool_token(std::string_view trimmed);

/// Rewrites full-width digits, signs and punctuation (０-９ ． ， － ＋ ％ （ ） and the
/// ideographic space), and the minus sign U+2212, as their ASCII forms, leaving every other
/// character as it is.
std::string fold_full_width(std::string_view text);

}  // namespace kpi
