// SPDX-License-Identifier: MIT
// Which language and currency a run shows: the command line's, the library's, the locale's.
#pragma once

#include <optional>
#include <vector>

#include "kpi/engine/data_quality.hpp"
#include "kpi/library/library.hpp"
#include "kpi/report/labels.hpp"

namespace kpi::app {

/// What the command line knows: --lang, and the language of the user's locale.
struct PresentationRequest {
  std::optional<report::Lang> lang;  ///< --lang
  report::Lang locale = report::Lang::En;
};

/// --lang, else the library's `[report] lang`, else the locale's. Money shows the library's
/// `[report] currency`, else the one symbol the money cells of the files read carry (¥ for
/// "¥1,280.00" or "1280元"), else no symbol: a library that says nothing about a dollar export
/// must not print ¥. Files that carry different symbols give none.
report::Presentation choose_presentation(const library::Library& library,
                                         const PresentationRequest& request,
                                         const std::vector<engine::InputFile>& inputs);

}  // namespace kpi::app
