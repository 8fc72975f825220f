// SPDX-License-Identifier: MIT
// Which language and currency a run shows: the command line's, the library's, the locale's.
#pragma once

#include <optional>

#include "kpi/library/library.hpp"
#include "kpi/report/labels.hpp"

namespace kpi::app {

/// What the command line knows: --lang, and the language of the user's locale.
struct PresentationRequest {
  std::optional<report::Lang> lang;  ///< --lang
  report::Lang locale = report::Lang::En;
};

/// --lang, else the library's `[report] lang`, else the locale's; the library's currency, else
/// ¥ (the symbol every report showed before libraries could name theirs).
report::Presentation choose_presentation(const library::Library& library,
                                         const PresentationRequest& request);

}  // namespace kpi::app
