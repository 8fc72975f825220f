// SPDX-License-Identifier: MIT
#include "kpi/app/presentation.hpp"

#include <doctest/doctest.h>

using kpi::app::choose_presentation;
using kpi::app::PresentationRequest;
using kpi::engine::InputFile;
using kpi::report::Lang;

namespace {

InputFile file_with(std::vector<std::string> currencies) {
  return {"pos", "pos.csv", 0, 0, 0, {}, std::move(currencies)};
}

}  // namespace

TEST_SUITE("app.presentation") {
  TEST_CASE("--lang wins over the library, the library over the locale") {
    kpi::library::Library library;
    CHECK(choose_presentation(library, {std::nullopt, Lang::Zh}, {}).lang == Lang::Zh);
    // Whole settings rather than `lang = "en"`: GCC 12 warns falsely (-Wrestrict) on that.
    library.report = {"en", ""};
    CHECK(choose_presentation(library, {std::nullopt, Lang::Zh}, {}).lang == Lang::En);
    CHECK(choose_presentation(library, {Lang::Zh, Lang::En}, {}).lang == Lang::Zh);
  }

  TEST_CASE("the library's currency, else the exports' one symbol, else none") {
    kpi::library::Library library;
    CHECK(choose_presentation(library, {}, {}).currency == "");
    CHECK(choose_presentation(library, {}, {file_with({}), file_with({"¥"})}).currency == "¥");
    // A dollar file and a yuan file: no symbol rather than a wrong one.
    CHECK(choose_presentation(library, {}, {file_with({"$"}), file_with({"¥"})}).currency == "");
    CHECK(choose_presentation(library, {}, {file_with({"$", "€"})}).currency == "");
    library.report = {"", "$"};
    CHECK(choose_presentation(library, {}, {file_with({"¥"})}).currency == "$");
  }
}
