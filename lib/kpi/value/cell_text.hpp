// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kpi {

namespace detail {
std::string_view trim_blanks(std::string_view text);
bool is_short_missing_token(std::string_view trimmed);
}  // namespace detail

/// Removes leading and trailing ASCII whitespace, no-break spaces and ideographic spaces, and
/// byte-order marks (U+FEFF) at the start.
inline std::string_view trim_cell(std::string_view text) {
  // Most cells start with a byte no blank starts with (space, tab, CR, LF, 0xC2 of U+00A0,
  // 0xE3 of U+3000, 0xEF of U+FEFF) and end with one no blank ends with (0xA0, 0x80): nothing to
  // trim, and no call, as this runs for every text cell.
  const auto byte = [](char c) { return static_cast<unsigned char>(c); };
  const auto ascii_space = [](unsigned char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  };
  if (!text.empty() && !ascii_space(byte(text.front())) && byte(text.front()) != 0xC2 &&
      byte(text.front()) != 0xE3 && byte(text.front()) != 0xEF && !ascii_space(byte(text.back())) &&
      byte(text.back()) != 0xA0 && byte(text.back()) != 0x80) {
    return text;
  }
  return detail::trim_blanks(text);
}

/// True for the texts exports use for "no value": empty, "-", "--", "—", "N/A", "NA", "NULL",
/// "#N/A" and "None" (ASCII letters in any case), after trim_cell.
inline bool is_missing_token(std::string_view trimmed) {
  // Longer than every token: the common case, a real value.
  return trimmed.size() <= 4 && detail::is_short_missing_token(trimmed);
}

/// Reads a yes/no cell: true, yes, y, 1, 是 or false, no, n, 0, 否 (ASCII in any case).
/// No value for anything else.
std::optional<bool> parse_bool_token(std::string_view trimmed);

/// Rewrites full-width digits, signs and punctuation (０-９ ． ， － ＋ ％ （ ） and the
/// ideographic space), and the minus sign U+2212, as their ASCII forms, leaving every other
/// character as it is.
std::string fold_full_width(std::string_view text);

}  // namespace kpi
