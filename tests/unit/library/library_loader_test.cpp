// SPDX-License-Identifier: MIT
#include "kpi/library/library_loader.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <pthread.h>

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "kpi/library/compiled_library.hpp"
#include "test_support.hpp"

namespace {

using kpi::library::load_library_text;

const std::string kSources = R"(
[sources.pos]
files = ["pos_*.csv", "extra.csv"]
encoding = "gbk"
delimiter = ";"
time = "time"

[sources.pos.fields]
time = { column = "交易时间", type = "datetime" }
amount = { column = ["实收金额", "Net Sales"], type = "money" }
store = "门店编码"
day = { column = "日期", type = "date", format = "%m/%d/%Y" }
)";

// The message of the kpi::Error that loading and checking `text` throws, or "".
std::string error_of(const std::string& text) {
  try {
    const auto library = load_library_text(text, "kpi.toml");
    kpi::library::compile_library(library);
  } catch (const kpi::Error& error) {
    return error.what();
  }
  return "";
}

// Runs `work` on a thread with a 256 KiB stack; the message of the kpi::Error it throws, or "".
std::string on_small_stack(const std::function<void()>& work) {
  struct Job {
    const std::function<void()>* work;
    std::string error;
  } job{&work, ""};
  pthread_attr_t attributes;
  pthread_attr_init(&attributes);
  pthread_attr_setstacksize(&attributes, 256 * 1024);
  pthread_t thread;
  const auto run = [](void* argument) -> void* {
    Job& job = *static_cast<Job*>(argument);
    try {
      (*job.work)();
    } catch (const kpi::Error& error) {
      job.error = error.what();
    }
    return nullptr;
  };
  REQUIRE(pthread_create(&thread, &attributes, run, &job) == 0);
  pthread_join(thread, nullptr);
  pthread_attr_destroy(&attributes);
  return job.error;
}

}  // namespace

TEST_SUITE("library.loader") {
  TEST_CASE("sources, fields, aliases and types") {
    const auto library = load_library_text(kSources, "kpi.toml");
    REQUIRE(library.sources.size() == 1);
    const auto& pos = library.sources[0];
    CHECK(pos.files == std::vector<std::string>{"pos_*.csv", "extra.csv"});
    CHECK(pos.encoding == "gbk");
    CHECK(pos.delimiter == ';');
    CHECK(pos.time_field == "time");
    REQUIRE(pos.fields.size() == 4);
    CHECK(pos.fields[0].name == "time");  // in file order, not sorted
    CHECK(pos.fields[1].columns == std::vector<std::string>{"实收金额", "Net Sales"});
    CHECK(pos.fields[1].type == kpi::library::FieldType::Money);
    CHECK(pos.fields[2].type == kpi::library::FieldType::Text);
    CHECK(pos.fields[3].date_format == "%m/%d/%Y");
  }

  TEST_CASE("measures and KPIs keep their order and settings") {
    const auto library = load_library_text(kSources + R"(
[measures.sales]
source = "pos"
sum = "amount"
filter = 'store != "HQ"'

[measures.orders]
source = "pos"
count = "*"

[kpis.sales]
name = "销售额"
formula = "sales"
unit = "money"

[kpis.avg_ticket]
name = "客单价"
formula = "sales / orders"
direction = "lower"
precision = 1
by = "store"
)",
                                           "kpi.toml");
    REQUIRE(library.measures.size() == 2);
    CHECK(library.measures[0].name == "sales");
    CHECK(library.measures[0].filter->text == "store != \"HQ\"");
    CHECK(library.measures[1].aggregate == kpi::library::Aggregate::Count);
    CHECK(library.measures[1].of.tree == nullptr);
    REQUIRE(library.kpis.size() == 2);
    CHECK(library.kpis[1].id == "avg_ticket");
    CHECK(library.kpis[1].name == "客单价");
    CHECK(library.kpis[1].direction == kpi::library::Direction::LowerIsBetter);
    CHECK(library.kpis[1].precision == 1);
    CHECK(library.kpis[1].by == "store");
    CHECK(library.kpis[0].unit == "money");
  }

  TEST_CASE("counts default to no decimals, other KPIs to two") {
    const auto library = load_library_text(kSources + R"toml(
[measures.sales]
source = "pos"
sum = "amount"

[measures.orders]
source = "pos"
count = "*"

[measures.stores]
source = "pos"
count_distinct = "store"

[kpis.orders]
formula = "orders"

[kpis.net_orders]
formula = "abs(orders - prev(orders)) + 2 * max(stores, all(orders))"

[kpis.orders_again]
formula = "rolling(net_orders, 3) - orders"

[kpis.half_orders]
formula = "orders * 0.5"

[kpis.per_store]
formula = "orders / stores"

[kpis.sales]
formula = "sales"

[kpis.visits]
formula = "sales / orders"
unit = "count"

[kpis.orders_in_money]
formula = "orders"
unit = "money"

[kpis.orders_precise]
formula = "orders"
precision = 3
)toml",
                                           "kpi.toml");
    std::vector<int> precisions;
    for (const kpi::library::Kpi& kpi : library.kpis) {
      precisions.push_back(kpi.precision);
    }
    CHECK(fmt::format("{}", fmt::join(precisions, " ")) == "0 0 0 2 2 2 0 2 3");
  }

  TEST_CASE("the month cut-off") {
    CHECK(load_library_text("[calendar]\nmonth_start_day = 26\n", "kpi.toml")
              .calendar.month_start_day == 26);
    CHECK(error_of("[calendar]\nmonth_start_day = 31\n") ==
          "kpi.toml:2:19: month_start_day must be a day from 1 to 28");
  }

  TEST_CASE("[report]: the labels' language and the currency") {
    const auto library =
        load_library_text("[report]\nlang = \"zh\"\ncurrency = \"$\"\n", "kpi.toml");
    CHECK(library.report.lang == "zh");
    CHECK(library.report.currency == "$");
    CHECK(load_library_text("", "kpi.toml").report.currency.empty());
    CHECK(error_of("[report]\nlang = \"fr\"\n") ==
          "kpi.toml:2:8: lang must be \"zh\" or \"en\", not \"fr\"");
    CHECK(error_of("[report]\ncurrency = \"\"\n") ==
          "kpi.toml:2:12: currency must be a short symbol such as \"¥\", \"$\" or \"HK$\"");
    CHECK(error_of("[report]\ncurency = \"$\"\n") ==
          "kpi.toml:2:1: unknown key \"curency\" in report (did you mean \"currency\"?)");
  }

  TEST_CASE("TOML syntax errors are located") {
    CHECK(error_of("[kpis.a]\nformula = \n") ==
          "kpi.toml:2:11: Error while parsing key-value pair: expected value, saw '\\n'");
  }

  TEST_CASE("unknown keys are errors with a suggestion") {
    CHECK(
        error_of(kSources + "[measures.m]\nsource = \"pos\"\nsum = \"amount\"\nfliter = \"x\"\n") ==
        "kpi.toml:16:1: unknown key \"fliter\" in measure \"m\" (did you mean \"filter\"?)");
  }

  TEST_CASE("unknown names are errors with a suggestion, located in the expression") {
    CHECK(error_of(kSources + "[measures.m]\nsource = \"pos\"\nsum = \"amont\"\n") ==
          "kpi.toml:15:8: measure \"m\": unknown field \"amont\" (did you mean \"amount\"?)");
    CHECK(error_of(kSources + "[measures.m]\nsource = \"post\"\ncount = \"*\"\n") ==
          "kpi.toml:13:11: measure \"m\": unknown source \"post\" (did you mean \"pos\"?)");
    CHECK(error_of(kSources + "[measures.sales]\nsource = \"pos\"\nsum = \"amount\"\n"
                              "[kpis.k]\nformula = \"sale * 2\"\n") ==
          "kpi.toml:17:12: KPI \"k\": unknown measure or KPI \"sale\" (did you mean \"sales\"?)");
  }

  TEST_CASE("no_rows takes only 0, and only on additive measures") {
    CHECK(error_of(kSources + "[measures.m]\nsource = \"pos\"\ncount = \"*\"\nno_rows = 0\n")
              .empty());
    CHECK(error_of(kSources + "[measures.m]\nsource = \"pos\"\ncount = \"*\"\nno_rows = 1\n") ==
          "kpi.toml:16:11: measure \"m\": no_rows can only be 0, on a sum, count or count_distinct "
          "without per (without it, no rows is no value)");
    CHECK(error_of(kSources + "[measures.m]\nsource = \"pos\"\navg = \"amount\"\nno_rows = 0\n") ==
          "kpi.toml:16:11: measure \"m\": no_rows can only be 0, on a sum, count or count_distinct "
          "without per (without it, no rows is no value)");
  }

  TEST_CASE("type errors") {
    CHECK(error_of(kSources + "[measures.m]\nsource = \"pos\"\nsum = \"store\"\n") ==
          "kpi.toml:15:7: measure \"m\": sum needs a number, but \"store\" is text");
    CHECK(error_of(kSources +
                   "[measures.m]\nsource = \"pos\"\ncount = \"*\"\nfilter = \"amount + 1\"\n") ==
          "kpi.toml:16:10: measure \"m\": a filter must be true or false, but \"amount + 1\" is a "
          "number");
    CHECK(error_of(kSources +
                   "[measures.m]\nsource = \"pos\"\ncount = \"*\"\nfilter = 'store > 3'\n") ==
          "kpi.toml:16:11: measure \"m\": cannot compare \"store\" (text) with \"3\" (a number)");
  }

  TEST_CASE("KPIs that depend on themselves") {
    CHECK(error_of("[kpis.a]\nformula = \"b + 1\"\n[kpis.b]\nformula = \"a * 2\"\n") ==
          "kpi.toml:2:11: KPI \"a\" depends on itself: a → b → a");
  }

  TEST_CASE("a KPI's breakdown field must be mapped") {
    CHECK(error_of(kSources + "[measures.m]\nsource = \"pos\"\ncount = \"*\"\n"
                              "[kpis.k]\nformula = \"m\"\nby = \"stroe\"\n") ==
          "kpi.toml:16:7: KPI \"k\": no source maps the breakdown field \"stroe\" (did you mean "
          "\"store\"?)");
  }

  TEST_CASE("a time field must be a date") {
    CHECK(
        error_of("[sources.s]\nfiles = \"x.csv\"\ntime = \"t\"\n[sources.s.fields]\nt = \"T\"\n") ==
        "kpi.toml:3:8: time field \"t\" must be a mapped field of type date or datetime");
  }

  TEST_CASE("a missing library file") {
    CHECK_THROWS_WITH_AS(kpi::library::load_library("/nonexistent/kpi.toml"),
                         "/nonexistent/kpi.toml: cannot open the KPI library (give its path, or "
                         "run in the folder that holds kpi.toml)",
                         kpi::Error);
  }

  TEST_CASE("two KPIs may not share a display name: a plan row naming it would be ambiguous") {
    CHECK(error_of("[kpis.sales]\nname = \"销售额\"\nformula = \"1\"\n"
                   "[kpis.sales_per_order]\nname = \"销售额\"\nformula = \"2\"\n") ==
          "kpi.toml:4:7: KPI \"sales_per_order\" has the display name \"销售额\" of KPI \"sales\" "
          "(line 1); plan rows name KPIs by it, so give each KPI its own name");
    // A KPI without a name is named by its id.
    CHECK(error_of(
              "[kpis.sales]\nformula = \"1\"\n[kpis.other]\nname = \"sales\"\nformula = \"2\"\n") ==
          "kpi.toml:3:7: KPI \"other\" has the display name \"sales\" of KPI \"sales\" (line 1); "
          "plan rows name KPIs by it, so give each KPI its own name");
  }

  TEST_CASE("a library that exists but cannot be opened says why") {
    kpi::test::TempDir dir;
    const std::filesystem::path loop = std::filesystem::path(dir.path()) / "kpi.toml";
    std::filesystem::create_symlink("kpi.toml", loop);
    CHECK_THROWS_WITH_AS(kpi::library::load_library(loop),
                         (loop.string() + ": cannot open the KPI library: Too many levels of "
                                          "symbolic links")
                             .c_str(),
                         kpi::Error);
  }

  TEST_CASE("the cycle check follows chains of any depth without recursion") {
    // 20 000 KPIs, each using the next one, checked on a thread with a 256 KiB stack: the
    // recursive search needed a frame per KPI and overflowed it (and the main 8 MiB stack at
    // about 50 000 KPIs).
    constexpr int kDepth = 20000;
    std::string chain;
    for (int i = 0; i < kDepth; ++i) {
      chain += fmt::format("[kpis.k{}]\nformula = \"{}\"\n", i,
                           i + 1 < kDepth ? fmt::format("k{} + 1", i + 1) : std::string("1"));
    }
    const auto library = load_library_text(chain, "kpi.toml");
    CHECK(on_small_stack([&] { kpi::library::compile_library(library); }) == "");
    std::string cycle = chain + "[kpis.last]\nformula = \"k0\"\n";
    cycle.replace(cycle.rfind("formula = \"1\""), 13, "formula = \"last\"");
    const auto cyclic = load_library_text(cycle, "kpi.toml");
    CHECK(on_small_stack([&] { kpi::library::compile_library(cyclic); }) ==
          "kpi.toml:2:11: KPI \"k0\" depends on itself: k0 → k1 → k2 → k3 → k4 → k5 → k6 → k7 → "
          "k8 → k9 → k10 → k11 → k12 → k13 → k14 → k15 → k16 → k17 → k18 → k19 → … and 19981 "
          "more → k0");
  }

  TEST_CASE("decimal and thousands of a source and of a field") {
    const std::string source = "[sources.s]\nfiles = \"s.csv\"\n";
    const auto library = load_library_text(
        source +
            "decimal = \",\"\nthousands = \" \"\n[sources.s.fields]\n"
            "a = { column = \"A\", type = \"money\" }\n"
            "b = { column = \"B\", type = \"number\", decimal = \".\", thousands = \"\" }\n",
        "kpi.toml");
    const kpi::library::Source& s = library.sources.front();
    CHECK(s.decimal == ',');
    CHECK(s.thousands == ' ');
    CHECK_FALSE(s.fields[0].decimal.has_value());
    CHECK(s.fields[1].decimal == '.');
    CHECK(s.fields[1].thousands == '\0');
    CHECK(error_of(source + "decimal = \"·\"\n[sources.s.fields]\na = \"A\"\n") ==
          "kpi.toml:3:11: source \"s\": decimal \"·\" is not \".\" or \",\"");
    CHECK(error_of(source + "thousands = \"'\"\n[sources.s.fields]\na = \"A\"\n") ==
          "kpi.toml:3:13: source \"s\": thousands \"'\" is not \",\", \".\", \" \" or \"\" "
          "(none)");
    CHECK(error_of(source + "thousands = \".\"\n[sources.s.fields]\na = \"A\"\n") ==
          "kpi.toml:3:13: source \"s\": thousands goes with a decimal: decimal = \",\" with "
          "thousands = \".\", or decimal = \".\" with thousands = \" \"");
    CHECK(
        error_of(source + "decimal = \",\"\nthousands = \",\"\n[sources.s.fields]\na = \"A\"\n") ==
        "kpi.toml:4:13: source \"s\": decimal and thousands are both \",\"");
    // A field's thousands against its source's decimal.
    CHECK(error_of(source + "decimal = \",\"\n[sources.s.fields]\n"
                            "a = { column = \"A\", type = \"number\", thousands = \",\" }\n") ==
          "kpi.toml:5:50: field \"a\": decimal and thousands are both \",\"");
    CHECK(error_of(source + "[sources.s.fields]\na = { column = \"A\", decimal = \",\" }\n") ==
          "kpi.toml:4:31: field \"a\": decimal is for numbers: it needs type number, money or "
          "percent");
  }
}

TEST_SUITE("library.alerts") {
  const std::string kWithKpi =
      kSources +
      "[measures.sales]\nsource = \"pos\"\nsum = \"amount\"\n[kpis.sales]\n"
      "name = \"销售额\"\nformula = \"sales\"\n";

  TEST_CASE("each rule is read, numbers as TOML numbers or text with %") {
    const auto library = load_library_text(kWithKpi + R"(
[alerts.low]
kpi = "销售额"
outside = ["90%", 1200]
[alerts.swing]
kpi = "sales"
by = ["store"]
change = { from = "last_year", beyond = "25%" }
severity = "critical"
[alerts.odd]
kpi = "sales"
normal = { periods = 2 }
)",
                                           "kpi.toml");
    REQUIRE(library.alerts.size() == 3);
    const auto& low = library.alerts[0];
    CHECK(low.rule == kpi::library::Alert::Rule::Bounds);
    CHECK(*low.below == doctest::Approx(0.9));
    CHECK(*low.above == 1200);
    const auto& swing = library.alerts[1];
    CHECK(swing.rule == kpi::library::Alert::Rule::Change);
    CHECK(swing.change_from == kpi::library::Alert::ChangeFrom::LastYear);
    CHECK(swing.change_beyond == doctest::Approx(0.25));
    CHECK(swing.by == "store");
    CHECK(swing.severity == "critical");
    const auto& odd = library.alerts[2];
    CHECK(odd.normal_periods == 2);
    CHECK(odd.min_periods == 2);  // never more than the periods it reads
    CHECK(odd.sigma == 2);
  }

  TEST_CASE("a bad alert is a located error") {
    CHECK(
        error_of(kWithKpi + "[alerts.a]\nkpi = \"sales\"\n") ==
        "kpi.toml:19:9: alert \"a\" needs one rule: below and/or above, outside = [low, high], "
        "change = { from = \"previous\", beyond = \"20%\" } or normal = { periods = 12, sigma = 2 "
        "} (write two alerts for two)");
    CHECK(error_of(kWithKpi + "[alerts.a]\nkpi = \"sales\"\nbelow = \"lots\"\n") ==
          "kpi.toml:21:9: below must be a number such as 100000, 0.35 or \"35%\"");
    CHECK(error_of(kWithKpi + "[alerts.a]\nkpi = \"sales\"\noutside = [10, 1]\n") ==
          "kpi.toml:19:9: alert \"a\": the high bound is below the low one");
    CHECK(error_of(kWithKpi + "[alerts.a]\nkpi = \"sales\"\nchange = { beyond = 0 }\n") ==
          "kpi.toml:21:21: change.beyond must be above 0: \"20%\" fires past ±20 %");
    CHECK(error_of(kWithKpi + "[alerts.a]\nkpi = \"sales\"\nnormal = { periods = 1 }\n") ==
          "kpi.toml:21:22: normal.periods must be a whole number from 2 to 120");
    CHECK(error_of(kWithKpi + "[alerts.a]\nkpi = \"sales\"\nabove = 1\nby = \"stor\"\n") ==
          "kpi.toml:19:9: alert \"a\": no source maps the breakdown field \"stor\" (did you mean "
          "\"store\"?)");
  }
}

TEST_SUITE("library.grades") {
  const std::string kBands =
      "[grades]\n"
      "bands = [\n"
      "  { grade = \"S\", from = 110, coefficient = 1.5 },\n"
      "  { grade = \"A\", from = 100, coefficient = 1.2 },\n"
      "  { grade = \"B\", from = 89.5, coefficient = 1 },\n"
      "  { grade = \"D\", coefficient = \"0.5\" },\n"
      "]\n";

  TEST_CASE("grades: bands from the highest down, the last without from, and a limit") {
    const auto library = load_library_text(
        kBands + "limit = { grades = [\"S\", \"A\"], at_most = \"30%\" }\n", "kpi.toml");
    REQUIRE(library.grades.has_value());
    const auto& bands = library.grades->bands;
    REQUIRE(bands.size() == 4);
    CHECK(bands[0].grade == "S");
    CHECK(bands[0].from == 110);
    CHECK(bands[0].coefficient_units == 1'500'000);
    CHECK(bands[1].coefficient_units == 1'200'000);
    CHECK(bands[2].from == 89.5L);
    CHECK(bands[2].coefficient_units == 1'000'000);
    CHECK_FALSE(bands[3].from.has_value());
    CHECK(bands[3].coefficient_units == 500'000);
    REQUIRE(library.grades->limit.has_value());
    CHECK(library.grades->limit->grades == std::vector<std::string>{"S", "A"});
    CHECK(library.grades->limit->at_most == 0.3L);
    CHECK_FALSE(load_library_text("", "kpi.toml").grades.has_value());
  }

  TEST_CASE("bad grades are located errors") {
    CHECK(error_of("[grades]\n") ==
          "kpi.toml:1:1: grades needs bands = [{ grade = \"S\", from = 110, coefficient = 1.5 }, "
          "…, { grade = \"D\", coefficient = 0.5 }]");
    CHECK(error_of("[grades]\nbands = [{ grade = \"A\", from = 100, coefficient = 1 }]\n") ==
          "kpi.toml:2:10: the last band \"A\" takes every total below the others: write it "
          "without from");
    CHECK(error_of("[grades]\nbands = [{ grade = \"A\", coefficient = 1 }, { grade = \"B\", "
                   "coefficient = 1 }]\n") ==
          "kpi.toml:2:10: band \"A\" needs from (the lowest total of the band); only the last "
          "band takes every total below");
    CHECK(error_of("[grades]\nbands = [{ grade = \"A\", from = 90, coefficient = 1 }, { grade = "
                   "\"B\", from = 95, coefficient = 1 }, { grade = \"C\", coefficient = 0 }]\n") ==
          "kpi.toml:2:55: band \"B\" starts at 95, not below band \"A\" (90): write the bands "
          "from the highest down");
    CHECK(error_of("[grades]\nbands = [{ grade = \"A\", from = 90, coefficient = 1 }, { grade = "
                   "\"A\", coefficient = 1 }]\n") == "kpi.toml:2:55: grade \"A\" is given twice");
    CHECK(error_of("[grades]\nbands = [{ grade = \"A\", coefficient = -1 }]\n") ==
          "kpi.toml:2:39: coefficient must be from 0 to 1000 (1.2 for 120 %)");
    CHECK(error_of("[grades]\nbands = [{ grade = \"A\" }]\n") ==
          "kpi.toml:2:10: a band of grades needs grade and coefficient (and from, except the "
          "last): { grade = \"A\", from = 100, coefficient = 1.2 }");
    CHECK(error_of(kBands + "limit = { grades = [\"S\", \"AA\"], at_most = \"30%\" }\n") ==
          "kpi.toml:8:20: limit: \"AA\" is not a grade of the bands (did you mean \"A\"?)");
    CHECK(error_of(kBands + "limit = { grades = [\"S\"], at_most = 30 }\n") ==
          "kpi.toml:8:37: at_most must be a share from 0% to 100%, such as \"30%\"");
    CHECK(error_of(kBands + "limt = 1\n") ==
          "kpi.toml:8:1: unknown key \"limt\" in grades (did you mean \"limit\"?)");
  }
}

TEST_SUITE("library.ratings") {
  TEST_CASE("ratings: rater weights adding up to 100 and grade points") {
    const auto library = load_library_text(
        "[ratings]\nweights = { \"自评\" = 20, \"manager\" = 50, \"同事\" = 30 }\n"
        "points = { \"优\" = 100, \"卓越\" = 98 }\n",
        "kpi.toml");
    REQUIRE(library.ratings.has_value());
    REQUIRE(library.ratings->weights.size() == 3);
    CHECK(library.ratings->weights[1].first == "上级");
    CHECK(library.ratings->weights[1].second == 50);
    REQUIRE(library.ratings->points.size() == 2);
    CHECK(library.ratings->points[1].first == "卓越");
    CHECK(library.ratings->points[1].second == 98);
  }

  TEST_CASE("bad ratings are located errors") {
    CHECK(error_of("[ratings]\nweights = { \"自评\" = 20, \"上级\" = 50 }\n") ==
          "kpi.toml:2:11: the raters' weights add up to 70, not 100");
    CHECK(error_of("[ratings]\nweights = { \"客户\" = 100 }\n") ==
          "kpi.toml:2:13: \"客户\" is not a rater kind; expected 自评/self, 上级/manager, "
          "同事/peer or 下级/subordinate");
    CHECK(error_of("[ratings]\nweights = { \"self\" = 50, \"自评\" = 50 }\n") ==
          "kpi.toml:2:26: rater kind 自评 is given twice");
    CHECK(error_of("[ratings]\npoints = { \"优\" = 120 }\n") ==
          "kpi.toml:2:18: a grade's points must be from 0 to 100");
  }
}

TEST_SUITE("library.areas") {
  TEST_CASE("areas: a range for every scorecard and tables per scorecard, in percent points") {
    const auto library = load_library_text(
        "[areas]\n\"定性指标\" = \"5%..10%\"\n[areas.\"销售部\"]\n\"销售业绩\" = \"40% - 50%\"\n"
        "\"团队协作\" = \"5%\"\n",
        "kpi.toml");
    REQUIRE(library.areas.size() == 3);
    CHECK(library.areas[0].scorecard.empty());
    CHECK(library.areas[0].area == "定性指标");
    CHECK(library.areas[0].low == 5);
    CHECK(library.areas[0].high == 10);
    CHECK(library.areas[1].scorecard == "销售部");
    CHECK(library.areas[1].low == 40);
    CHECK(library.areas[1].high == 50);
    CHECK(library.areas[1].where.line == 4);
    CHECK(library.areas[2].low == 5);
    CHECK(library.areas[2].high == 5);
  }

  TEST_CASE("a bad area range is a located error") {
    CHECK(error_of("[areas]\n\"销售业绩\" = \"50%..40%\"\n") ==
          "kpi.toml:2:10: area \"销售业绩\": \"50%..40%\" is not a weight range; write "
          "\"40%..50%\" (low first, up to 100%) or one weight such as \"5%\"");
    CHECK(error_of("[areas]\n\"销售业绩\" = \"lots\"\n") ==
          "kpi.toml:2:10: area \"销售业绩\": \"lots\" is not a weight range; write \"40%..50%\" "
          "(low first, up to 100%) or one weight such as \"5%\"");
  }
}
