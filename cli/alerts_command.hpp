// SPDX-License-Identifier: MIT
#pragma once

#include <CLI/CLI.hpp>

namespace kpi::cli {

/// Adds `kpi alerts`; when it runs, its exit code is stored in `exit_code`: 1 when an alert
/// fired.
void setup_alerts(CLI::App& app, int& exit_code);

}  // namespace kpi::cli
