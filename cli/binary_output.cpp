// SPDX-License-Identifier: MIT
#include "binary_output.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include "kpi/core/diagnostic.hpp"
#include "kpi/report/png_output.hpp"
#include "output.hpp"

namespace kpi::cli {

void refuse_binary_on_terminal(report::Format format, const std::string& output) {
  // A build that cannot draw png says so before any work, and before the terminal check.
  if (format == report::Format::Png) {
    report::check_png_available();
  }
  if (report::is_binary(format) && output.empty() && isatty(STDOUT_FILENO) == 1) {
    const bool image = format == report::Format::Png;
    throw Error({"usage.binary-to-terminal",
                 fmt::format("--format {0} writes {1}, not text for a terminal: give -o FILE.{0}, "
                             "or redirect standard output to a file",
                             image ? "png" : "xlsx", image ? "an image" : "a binary workbook"),
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
