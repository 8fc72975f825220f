// SPDX-License-Identifier: MIT
// Whether the table goes to a terminal, and how it is shown there: --color and the width.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "kpi/report/report_output.hpp"

namespace kpi::cli {

/// Adds --color auto|always|never to `command`; `when` keeps "auto" unless it is given.
void add_color_flag(CLI::App& command, std::string& when);

/// The table's colours and width for a report written to `output` ("" for standard output):
/// - colour with --color always; never with --color never; with auto, only on a terminal, and
///   not when NO_COLOR is set and not empty (no-color.org) or TERM is "dumb";
/// - the width, on a terminal only: COLUMNS when it is a positive number, else the terminal's
///   own (TIOCGWINSZ); none in a pipe or a file, so scripts always get every column.
report::TerminalStyle terminal_style(const std::string& when, const std::string& output);

}  // namespace kpi::cli
