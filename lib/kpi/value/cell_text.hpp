// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>

namespace kpi {

/// Removes leading and trailing ASCII whitespace, no-break spaces and ideographic spaces.
std::string_view trim_cell(std::string_view text);

/// True for the texts exports use for "no value": empty, "-", "--", "—", "N/A", "NA", "NULL",
/// "#N/A" and "None" (ASCII letters in any case), after trim_cell.
bool is_missing_token(std::string_view trimmed);

/// Rewrites full-width digits, signs and punctuation (０-９ ． ， － ＋ ％ （ ） and the
/// ideographic space), and the minus sign U+2212, as their ASCII forms, leaving every other character as it is.
std::string fold_full_width(std::string_view text);

}  // namespace kpi
