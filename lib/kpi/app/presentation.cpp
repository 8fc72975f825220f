// SPDX-License-Identifier: MIT
#include "kpi/app/presentation.hpp"

#include <set>

namespace kpi::app {
namespace {

std::string exports_currency(const std::vector<engine::InputFile>& inputs) {
  std::set<std::string> symbols;
  for (const engine::InputFile& input : inputs) {
    symbols.insert(input.currencies.begin(), input.currencies.end());
  }
  return symbols.size() == 1 ? *symbols.begin() : std::string();
}

}  // namespace

report::Presentation choose_presentation(const library::Library& library,
                                         const PresentationRequest& request,
                                         const std::vector<engine::InputFile>& inputs) {
  report::Presentation presentation;
  presentation.lang =
      request.lang.value_or(report::find_lang(library.report.lang).value_or(request.locale));
  presentation.currency =
      library.report.currency.empty() ? exports_currency(inputs) : library.report.currency;
  return presentation;
}

}  // namespace kpi::app
