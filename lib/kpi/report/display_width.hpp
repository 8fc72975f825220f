// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace kpi {

/// Terminal columns `text` (UTF-8) takes, by utf8proc's character widths: 2 for East Asian
/// wide and full-width characters and emoji (汉字, ＡＢＣ, ￥, 🫠), 0 for combining
/// marks, 1 for the rest; an invalid byte takes 1.
std::size_t display_width(std::string_view text);

/// `text` cut to at most `width` columns, ending in "…" when something was cut.
std::string truncate_to_width(std::string_view text, std::size_t width);

/// `text` followed by spaces up to `width` columns.
std::string pad_to_width(std::string_view text, std::size_t width);

}  // namespace kpi
