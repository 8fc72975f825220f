// SPDX-License-Identifier: MIT
#include "kpi/app/presentation.hpp"

#include <doctest/doctest.h>

using kpi::app::choose_presentation;
using kpi::app::PresentationRequest;
using kpi::report::Lang;

TEST_SUITE("app.presentation") {
  TEST_CASE("--lang wins over the library, the library over the locale") {
    kpi::library::Library library;
    CHECK(choose_presentation(library, {std::nullopt, Lang::Zh}).lang == Lang::Zh);
    // Whole settings rather than `lang = "en"`: GCC 12 warns falsely (-Wrestrict) on that.
    library.report = {"en", ""};
    CHECK(choose_presentation(library, {std::nullopt, Lang::Zh}).lang == Lang::En);
    CHECK(choose_presentation(library, {Lang::Zh, Lang::En}).lang == Lang::Zh);
  }

  TEST_CASE("the library's currency, else ¥") {
    kpi::library::Library library;
    CHECK(choose_presentation(library, {}).currency == "¥");
    library.report = {"", "$"};
    CHECK(choose_presentation(library, {}).currency == "$");
  }
}
