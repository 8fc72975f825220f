// SPDX-License-Identifier: MIT
#include "kpi/report/labels.hpp"

#include <doctest/doctest.h>

using kpi::report::Lang;
using kpi::report::lang_from_locale;
using kpi::score::Status;

TEST_SUITE("report.labels") {
  TEST_CASE("statuses in each language") {
    CHECK(kpi::report::status_label(Lang::En, Status::AtRisk) == "at risk");
    CHECK(kpi::report::status_label(Lang::Zh, Status::Met) == "达标");
    CHECK(kpi::report::status_label(Lang::Zh, Status::AtRisk) == "预警");
    CHECK(kpi::report::status_label(Lang::Zh, Status::Missed) == "未达标");
    CHECK(kpi::report::status_label(Lang::Zh, Status::NoValue) == "无数据");
  }

  TEST_CASE("unit words are translated, other units shown as written") {
    CHECK(kpi::report::unit_label(Lang::Zh, "money") == "金额");
    CHECK(kpi::report::unit_label(Lang::Zh, "days") == "天");
    CHECK(kpi::report::unit_label(Lang::Zh, "score") == "分");
    CHECK(kpi::report::unit_label(Lang::En, "percent") == "percent");
    CHECK(kpi::report::unit_label(Lang::Zh, "元/㎡") == "元/㎡");
  }

  TEST_CASE("--lang takes zh and en only") {
    CHECK(kpi::report::find_lang("zh") == Lang::Zh);
    CHECK(kpi::report::find_lang("en") == Lang::En);
    CHECK_FALSE(kpi::report::find_lang("zh_CN").has_value());
    CHECK_FALSE(kpi::report::find_lang("").has_value());
  }

  TEST_CASE("the locale: the first of LC_ALL, LC_MESSAGES and LANG that is set decides") {
    CHECK(lang_from_locale(nullptr, nullptr, "zh_CN.UTF-8") == Lang::Zh);
    CHECK(lang_from_locale(nullptr, nullptr, "zh_TW") == Lang::Zh);
    CHECK(lang_from_locale(nullptr, nullptr, "en_US.UTF-8") == Lang::En);
    CHECK(lang_from_locale("C", nullptr, "zh_CN.UTF-8") == Lang::En);
    CHECK(lang_from_locale("", "zh_CN.UTF-8", "en_US.UTF-8") == Lang::Zh);  // "" is unset
    CHECK(lang_from_locale(nullptr, "C.UTF-8", "zh_CN.UTF-8") == Lang::En);
    CHECK(lang_from_locale(nullptr, nullptr, nullptr) == Lang::En);
  }
}
