// SPDX-License-Identifier: MIT
#pragma once

#include <CLI/CLI.hpp>

namespace kpi::cli {

/// Adds `kpi list`; when it runs, its exit code is stored in `exit_code`.
void setup_list(CLI::App& app, int& exit_code);

}  // namespace kpi::cli
