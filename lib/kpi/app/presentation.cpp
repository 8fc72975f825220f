// SPDX-License-Identifier: MIT
#include "kpi/app/presentation.hpp"

namespace kpi::app {

report::Presentation choose_presentation(const library::Library& library,
                                         const PresentationRequest& request) {
  report::Presentation presentation;
  presentation.lang =
      request.lang.value_or(report::find_lang(library.report.lang).value_or(request.locale));
  if (!library.report.currency.empty()) {
    presentation.currency = library.report.currency;
  }
  return presentation;
}

}  // namespace kpi::app
