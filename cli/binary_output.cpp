// SPDX-License-Identifier: MIT
#include "binary_output.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include "kpi/core/diagnostic.hpp"
#include "output.hpp"

namespace kpi::cli {

void refuse_binary_on_terminal(report::Format format, const std::string& output) {
  if (report::is_binary(format) && output.empty() && isatty(STDOUT_FILENO) == 1) {
    throw Error({"usage.binary-to-terminal",
                 "--format xlsx writes a binary workbook, not text for a terminal: give -o "
                 "FILE.xlsx, or redirect standard output to a file",
                 {}});
  }
}

void write_output(const std::string& output, std::string_view text) {
  if (output.empty()) {
    write_stdout(text);
  } else {
    write_file_atomically(output, text);
  }
}

}  // namespace kpi::cli
