// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kpi::csv {

/// The delimiters kpicalc recognises, in the order that breaks ties.
inline constexpr std::string_view kDelimiterCandidates = ",\t;|";

/// How a delimiter may be written, in a library's `delimiter` and on the command line: the
/// character itself or its name; a tab also as "\t".
struct DelimiterSpelling {
  std::string_view spelling;
  char delimiter;
};
inline constexpr DelimiterSpelling kDelimiterSpellings[] = {
    {",", ','},    {"comma", ','}, {";", ';'},   {"semicolon", ';'}, {"|", '|'},
    {"pipe", '|'}, {"tab", '\t'}, {"\\t", '\t'}, {"\t", '\t'},
};

/// The delimiter `spelling` names (see kDelimiterSpellings), or none.
std::optional<char> delimiter_of(std::string_view spelling);

/// Picks the delimiter of a decoded UTF-8 sample (the first lines of a file): the candidate
/// that splits the header into the most fields while the following records agree with the
/// header's field count. Quotes are respected. A file with one column gets ','.
char sniff_delimiter(std::string_view sample, bool sample_is_complete);

/// ',' → "','", tab → "tab".
std::string delimiter_name(char delimiter);

}  // namespace kpi::csv
