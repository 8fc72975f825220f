// SPDX-License-Identifier: MIT
// --lang of the commands whose output people read (report, values).
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "kpi/app/presentation.hpp"

namespace kpi::cli {

/// Adds --lang zh|en to `command`; `lang` stays "" when it is not given.
void add_lang_flag(CLI::App& command, std::string& lang);

/// --lang, and the locale's language from LC_ALL, LC_MESSAGES and LANG, for the run to choose
/// from with the library's `[report] lang` between them.
app::PresentationRequest presentation_request(const std::string& lang);

}  // namespace kpi::cli
