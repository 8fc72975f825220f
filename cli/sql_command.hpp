// SPDX-License-Identifier: MIT
#pragma once

#include <CLI/CLI.hpp>

namespace kpi::cli {

/// Adds `kpi sql`; when it runs, its exit code is stored in `exit_code`.
void setup_sql(CLI::App& app, int& exit_code);

}  // namespace kpi::cli
