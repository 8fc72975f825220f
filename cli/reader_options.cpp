// SPDX-License-Identifier: MIT
#include "reader_options.hpp"

#include <map>

namespace kpi::cli {
namespace {

const std::map<std::string, char>& delimiter_spellings() {
  static const std::map<std::string, char> spellings = {
      {",", ','},    {"comma", ','}, {";", ';'},    {"semicolon", ';'}, {"|", '|'},
      {"pipe", '|'}, {"\t", '\t'},   {"\\t", '\t'}, {"tab", '\t'},
  };
  return spellings;
}

}  // namespace

void add_reader_flags(CLI::App& command, ReaderFlags& flags) {
  command.add_option("--encoding", flags.encoding,
                     "Read the file in this encoding instead of detecting it: utf-8, utf-16le, "
                     "utf-16be, gb18030 (also gbk), or any iconv name");
  command
      .add_option("--delimiter", flags.delimiter,
                  "Use this delimiter instead of sniffing it: , ; | or tab")
      ->check(CLI::IsMember(delimiter_spellings()));
  command.add_flag("--strict", flags.strict,
                   "Stop at the first record with the wrong number of fields instead of "
                   "skipping it");
}

csv::ReaderOptions to_reader_options(const ReaderFlags& flags) {
  csv::ReaderOptions options;
  options.encoding = flags.encoding;
  if (!flags.delimiter.empty()) {
    options.delimiter = delimiter_spellings().at(flags.delimiter);
  }
  options.strict = flags.strict;
  return options;
}

}  // namespace kpi::cli
