// SPDX-License-Identifier: MIT
// What users type before CLI11 sees it: a bare `kpi`, `kpi help SUB`, a mistyped command or
// option. Each gets the answer git or ripgrep would give, not CLI11's generic one.
#pragma once

#include <CLI/CLI.hpp>
#include <optional>

namespace kpi::cli {

/// Handles the command lines CLI11 answers badly; returns the exit code when it did (0 for
/// help, 2 for a usage error), none when `app.parse` should run.
///   kpi                    a short usage on standard error, exit 2
///   kpi help [SUB]         the help of kpi or of SUB, exit 0
///   kpi reprot …           unknown command "reprot" (did you mean "report"?), exit 2
///   kpi values --peroid …  unknown option --peroid (did you mean --period?), exit 2
std::optional<int> answer_before_parsing(CLI::App& app, int argc, const char* const* argv);

}  // namespace kpi::cli
