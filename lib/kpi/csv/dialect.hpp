// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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
    {",", ','},    {"comma", ','}, {";", ';'},    {"semicolon", ';'}, {"|", '|'},
    {"pipe", '|'}, {"tab", '\t'},  {"\\t", '\t'}, {"\t", '\t'},
};

/// The delimiter `spelling` names (see kDelimiterSpellings), or none.
std::optional<char> delimiter_of(std::string_view spelling);

/// Picks the delimiter of a decoded UTF-8 sample (the first lines of a file): the candidate
/// that splits the header into the most fields while the following records agree with the
/// header's field count. Quotes are respected. A file with one column gets ','.
char sniff_delimiter(std::string_view sample, bool sample_is_complete);

/// The records of a decoded sample (the header first), each with the physical line it starts
/// on; blank lines are left out, and so is an unfinished last record of an incomplete sample.
struct SampleRecord {
  std::uint64_t line = 0;
  std::vector<std::string> fields;
};
std::vector<SampleRecord> split_sample(std::string_view sample, bool sample_is_complete,
                                       char delimiter);

/// What a sample's numbers say about the decimal mark.
struct DecimalSniff {
  char decimal = '.';
  bool comma_detected = false;
  std::vector<std::size_t> unclear_columns;  ///< see Dialect::unclear_decimal_columns
};

/// Detects a decimal comma from the number cells of a sample's records (after the header),
/// in a file whose delimiter is not ',': a comma when some cells read as numbers only with a
/// decimal comma ("2,55", "1.234,56") and none only with a decimal point ("2.55",
/// "1,234.56"). A column whose numbers read both ways as different numbers ("1,250") is
/// unclear when the rest of the file does not settle it.
DecimalSniff sniff_decimal(const std::vector<SampleRecord>& records, std::size_t columns,
                           char delimiter);

/// ',' → "','", tab → "tab".
std::string delimiter_name(char delimiter);

}  // namespace kpi::csv
