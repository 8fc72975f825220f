// SPDX-License-Identifier: MIT
#include "reader_options.hpp"

#include <fmt/format.h>

namespace kpi::cli {

void add_reader_flags(CLI::App& command, ReaderFlags& flags) {
  command
      .add_option("--encoding", flags.encoding,
                  "Read the file in this encoding instead of detecting it: utf-8, utf-16le, "
                  "utf-16be, gb18030 (also gbk), or any iconv name")
      ->type_name("ENCODING");
  command
      .add_option("--delimiter", flags.delimiter,
                  "Use this delimiter instead of sniffing it: , ; | or tab")
      ->check(CLI::Validator(
          [](std::string& text) {
            return csv::delimiter_of(text)
                       ? std::string()
                       : fmt::format("\"{}\" is not a delimiter: give , ; | or tab", text);
          },
          ""))
      ->type_name("DELIMITER");
  command.add_flag("--strict", flags.strict,
                   "Stop at the first record with the wrong number of fields instead of "
                   "skipping it");
}

csv::ReaderOptions to_reader_options(const ReaderFlags& flags) {
  csv::ReaderOptions options;
  options.encoding = flags.encoding;
  if (!flags.delimiter.empty()) {
    options.delimiter = csv::delimiter_of(flags.delimiter);
  }
  options.strict = flags.strict;
  return options;
}

}  // namespace kpi::cli
