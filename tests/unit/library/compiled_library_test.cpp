// SPDX-License-Identifier: MIT
#include "kpi/library/compiled_library.hpp"

#include <doctest/doctest.h>

#include <string>

#include "kpi/library/library_loader.hpp"

namespace {

using kpi::expr::FormulaName;
using kpi::expr::ValueType;
using kpi::library::Aggregate;
using kpi::library::compile_library;
using kpi::library::Library;
using kpi::library::load_library_text;

// Lines 1–17; what a test appends starts on line 18.
const std::string kSources = R"([sources.pos]
files = "pos.csv"
time = "time"

[sources.pos.fields]
time = { column = "交易时间", type = "datetime" }
member = "会员卡号"
store = "门店编码"
amount = { column = "实收金额", type = "money" }
area = { lookup = "stores.area", key = "store" }

[sources.stores]
files = "stores.csv"

[sources.stores.fields]
store = "门店编码"
area = { column = "门店面积", type = "number" }
)";

Library load(const std::string& text) { return load_library_text(kSources + text, "kpi.toml"); }

// The kpi::Error that compiling kSources + `text` throws, rendered; "" when none is thrown.
std::string error_of(const std::string& text) {
  const Library library = load(text);
  try {
    compile_library(library);
  } catch (const kpi::Error& error) {
    CHECK(error.diagnostic().code == "library.invalid");
    CHECK(kpi::kind_of(error.diagnostic()) == kpi::ErrorKind::Library);
    return error.what();
  }
  return "";
}

// A measure `m` of pos with the given lines, e.g. "count_distinct = \"member\"".
std::string measure(const std::string& lines) {
  return "[measures.m]\nsource = \"pos\"\n" + lines + "\n";
}

FormulaName measure_at(std::size_t index) { return {FormulaName::Kind::Measure, index}; }
FormulaName kpi_at(std::size_t index) { return {FormulaName::Kind::Kpi, index}; }

}  // namespace

TEST_SUITE("library.compiled_library") {
  TEST_CASE("each source's fields are bound with their types, a lookup with its master's") {
    const Library library = load("");
    const auto compiled = compile_library(library);
    CHECK(compiled.library == &library);
    REQUIRE(compiled.source_fields.size() == 2);
    const auto& pos = compiled.source_fields[0];
    REQUIRE(pos.size() == 5);
    CHECK(pos[0].name == "time");
    CHECK(pos[0].type == ValueType::DateTime);
    CHECK(pos[1].type == ValueType::Text);
    CHECK(pos[3].type == ValueType::Number);  // money is a number
    CHECK(pos[4].name == "area");
    CHECK(pos[4].type == ValueType::Number);  // from stores.area, a number
    CHECK(compiled.source_fields[1].size() == 2);
  }

  TEST_CASE("measures are bound to their source, and KPI names to measures or KPIs") {
    const Library library = load(R"(
[measures.area]
source = "stores"
sum = "area"
[measures.sales]
source = "pos"
sum = "amount"
filter = 'store != "HQ"'
[measures.orders]
source = "pos"
count = "*"
[kpis.avg_ticket]
formula = "sales / orders"
[kpis.double_ticket]
formula = "avg_ticket * 2 + area"
)");
    const auto compiled = compile_library(library);
    REQUIRE(compiled.measures.size() == 3);
    CHECK(compiled.measures[0].source == 1);
    CHECK(compiled.measures[0].definition == &library.measures[0]);
    CHECK(compiled.measures[1].source == 0);
    CHECK(compiled.measures[1].of->type() == ValueType::Number);
    CHECK(compiled.measures[1].of->field_slot() == std::optional<std::size_t>(3));
    CHECK(compiled.measures[1].filter->type() == ValueType::Bool);
    CHECK_FALSE(compiled.measures[2].of.has_value());  // count = "*"
    CHECK_FALSE(compiled.measures[2].filter.has_value());
    CHECK_FALSE(compiled.measures[2].per.has_value());
    REQUIRE(compiled.kpis.size() == 2);
    const auto avg = compiled.kpis[0].formula.references();
    REQUIRE(avg.size() == 2);
    CHECK(avg[0].name == measure_at(1));
    CHECK(avg[1].name == measure_at(2));
    const auto twice = compiled.kpis[1].formula.references();
    REQUIRE(twice.size() == 2);
    CHECK(twice[0].name == kpi_at(0));
    CHECK(twice[1].name == measure_at(0));
  }

  TEST_CASE("a name that is both a measure and a KPI is the measure: no cycle") {
    const Library library = load(R"(
[measures.sales]
source = "pos"
sum = "amount"
[kpis.sales]
formula = "sales"
)");
    const auto compiled = compile_library(library);
    const auto references = compiled.kpis[0].formula.references();
    REQUIRE(references.size() == 1);
    CHECK(references[0].name == measure_at(0));
  }

  TEST_CASE("a misspelt measure is located in the formula, with a suggestion") {
    const std::string measures =
        "[measures.sales]\nsource = \"pos\"\nsum = \"amount\"\n"
        "[measures.orders]\nsource = \"pos\"\ncount = \"*\"\n";  // lines 18–23
    CHECK(error_of(measures + "[kpis.avg_ticket]\nformula = \"sales / ordrs\"\n") ==
          "kpi.toml:25:20: KPI \"avg_ticket\": unknown measure or KPI \"ordrs\" "
          "(did you mean \"orders\"?)");
    CHECK(error_of(measures + "[kpis.k]\nformula = \"visits\"\n") ==
          "kpi.toml:25:12: KPI \"k\": unknown measure or KPI \"visits\"");
  }

  TEST_CASE("the column of a misspelt name counts characters, CJK names before it included") {
    // 销售额 is 3 characters (9 bytes): ordrs is 6 characters after the opening quote, column 18.
    CHECK(error_of("[measures.\"销售额\"]\nsource = \"pos\"\nsum = \"amount\"\n"
                   "[measures.orders]\nsource = \"pos\"\ncount = \"*\"\n"
                   "[kpis.avg_ticket]\nformula = \"销售额 / ordrs\"\n") ==
          "kpi.toml:25:18: KPI \"avg_ticket\": unknown measure or KPI \"ordrs\" "
          "(did you mean \"orders\"?)");
  }

  TEST_CASE("misspelt sources and fields in measures, with suggestions") {
    CHECK(error_of("[measures.m]\nsource = \"stroes\"\ncount = \"*\"\n") ==
          "kpi.toml:18:11: measure \"m\": unknown source \"stroes\" (did you mean \"stores\"?)");
    CHECK(error_of(measure("sum = \"amount\"\nfilter = 'stroe == \"HQ\"'")) ==
          "kpi.toml:21:11: measure \"m\": unknown field \"stroe\" (did you mean \"store\"?)");
    CHECK(error_of(measure("count_distinct = \"membr\"")) ==
          "kpi.toml:20:19: measure \"m\": unknown field \"membr\" (did you mean \"member\"?)");
  }

  TEST_CASE("type errors in a filter") {
    CHECK(error_of(measure("count = \"*\"\nfilter = \"amount * 2\"")) ==
          "kpi.toml:21:10: measure \"m\": a filter must be true or false, but \"amount * 2\" is "
          "a number");
    CHECK(error_of(measure("count = \"*\"\nfilter = \"amount > 0 and member > 3\"")) ==
          "kpi.toml:21:26: measure \"m\": cannot compare \"member\" (text) with \"3\" (a number)");
    CHECK(error_of(measure("sum = \"member\"")) ==
          "kpi.toml:20:7: measure \"m\": sum needs a number, but \"member\" is text");
  }

  TEST_CASE("a KPI cycle names the loop from the KPI that closes it") {
    CHECK(error_of("[kpis.a]\nformula = \"a + 1\"\n") ==
          "kpi.toml:19:11: KPI \"a\" depends on itself: a → a");
    // x reads the loop but is not in it; the loop is reported at a, where it starts.
    CHECK(error_of("[kpis.x]\nformula = \"a\"\n[kpis.a]\nformula = \"b * 2\"\n"
                   "[kpis.b]\nformula = \"c - 1\"\n[kpis.c]\nformula = \"x0 + a\"\n"
                   "[kpis.x0]\nformula = \"1\"\n") ==
          "kpi.toml:21:11: KPI \"a\" depends on itself: a → b → c → a");
  }

  TEST_CASE("per with having: the key and its aggregates, each once, in slot order") {
    const Library library =
        load(measure("sum = \"amount\"\nper = \"member\"\n"
                     "having = \"rows >= 2 and sum(amount) > 100 and max(time) > min(time) and "
                     "sum(amount) < 900\""));
    const auto compiled = compile_library(library);
    const auto& m = compiled.measures[0];
    REQUIRE(m.per.has_value());
    CHECK(m.per->field_slot() == std::optional<std::size_t>(1));
    REQUIRE(m.having.has_value());
    CHECK(m.having->type() == ValueType::Bool);
    REQUIRE(m.key_aggregates.size() == 4);  // rows, sum(amount), max(time), min(time)
    CHECK(m.key_aggregates[0].aggregate == Aggregate::Count);
    CHECK_FALSE(m.key_aggregates[0].of.has_value());
    CHECK(m.key_aggregates[1].aggregate == Aggregate::Sum);
    CHECK(m.key_aggregates[1].of->field_slot() == std::optional<std::size_t>(3));
    CHECK_FALSE(m.key_aggregates[1].moment);
    CHECK(m.key_aggregates[2].aggregate == Aggregate::Max);
    CHECK(m.key_aggregates[2].moment);  // the latest time is a date
    CHECK(m.key_aggregates[3].aggregate == Aggregate::Min);
    CHECK(m.key_aggregates[3].moment);
    CHECK_FALSE(m.counts_keys);  // a sum of rows, not a count of keys
    CHECK_FALSE(m.tracks_first_seen);
    CHECK_FALSE(m.reads_previous_keys);
    CHECK_FALSE(m.key_of.has_value());
    REQUIRE(m.of.has_value());
  }

  TEST_CASE("count_distinct of the key itself counts the keys that pass") {
    const auto counts = [](const std::string& lines) {
      const Library library = load(measure(lines));
      return compile_library(library).measures[0].counts_keys;
    };
    CHECK(counts("count_distinct = \"member\"\nper = \"member\"\nhaving = \"rows >= 2\""));
    CHECK(counts("count_distinct = \"member\"\nper = 'member'\nhaving = \"is_new\""));
    CHECK_FALSE(counts("count_distinct = \"store\"\nper = \"member\"\nhaving = \"rows >= 2\""));
    CHECK_FALSE(counts("count = \"member\"\nper = \"member\"\nhaving = \"rows >= 2\""));
    CHECK_FALSE(counts("count_distinct = \"member\""));  // no per
  }

  TEST_CASE("is_new keeps each key's first day, lost reads the previous periods' keys") {
    const auto compiled_measure = [](const std::string& having) {
      const Library library = load(
          measure("count_distinct = \"member\"\nper = \"member\"\nhaving = \"" + having + "\""));
      auto compiled = compile_library(library);
      const auto& m = compiled.measures[0];
      return std::tuple(m.tracks_first_seen, m.reads_previous_keys, m.lost_periods,
                        m.key_aggregates.size(),
                        m.key_aggregates.empty() ? false : m.key_aggregates[0].first_seen,
                        m.key_aggregates.empty() ? false : m.key_aggregates[0].lost);
    };
    CHECK(compiled_measure("is_new") == std::tuple(true, false, 1, 1u, true, false));
    CHECK(compiled_measure("not is_new") == std::tuple(true, false, 1, 1u, true, false));
    CHECK(compiled_measure("rows >= 2") == std::tuple(false, false, 1, 1u, false, false));
    CHECK(compiled_measure("lost") == std::tuple(false, true, 1, 1u, false, true));
    CHECK(compiled_measure("not lost") == std::tuple(false, true, 1, 1u, false, true));
    CHECK(compiled_measure("lost(3)") == std::tuple(false, true, 3, 1u, false, true));
    CHECK(compiled_measure("lost(120)") == std::tuple(false, true, 120, 1u, false, true));
    CHECK(compiled_measure("is_new and rows >= 2") == std::tuple(true, false, 1, 2u, true, false));
  }

  TEST_CASE("lost(N) takes a whole number from 1 to 120") {
    const std::string message =
        "measure \"m\": lost(N) takes a whole number of periods from 1 to 120";
    const auto error = [](const std::string& having) {
      return error_of(
          measure("count_distinct = \"member\"\nper = \"member\"\nhaving = \"" + having + "\""));
    };
    CHECK(error("lost(0)") == "kpi.toml:22:11: " + message);
    CHECK(error("lost(121)") == "kpi.toml:22:11: " + message);
    CHECK(error("lost(1.5)") == "kpi.toml:22:11: " + message);
    CHECK(error("rows > 1 and lost(1000)") == "kpi.toml:22:24: " + message);
  }

  TEST_CASE("a value of each key's aggregates needs no having") {
    const Library library =
        load(measure("per = \"member\"\n"
                     "avg = 'days_between(min(time), max(when(amount > 0, time)))'"));
    const auto compiled = compile_library(library);
    const auto& m = compiled.measures[0];
    REQUIRE(m.key_of.has_value());
    CHECK(m.key_of->type() == ValueType::Number);
    CHECK_FALSE(m.of.has_value());
    CHECK_FALSE(m.having.has_value());
    REQUIRE(m.key_aggregates.size() == 2);
    CHECK(m.key_aggregates[0].aggregate == Aggregate::Min);
    CHECK(m.key_aggregates[1].aggregate == Aggregate::Max);
    CHECK(m.key_aggregates[1].moment);
  }

  TEST_CASE("per and having mistakes, in words") {
    CHECK(error_of(measure("sum = \"amount\"\nper = \"member\"")) ==
          "kpi.toml:18:11: measure \"m\": `per` needs a `having` condition (having = \"rows >= "
          "2\"), or a value of each key's aggregates (avg = \"days_between(min(contacted), "
          "min(dealt))\")");
    CHECK(error_of(measure("sum = \"amount\"\nper = \"member\"\nhaving = \"sum(amount)\"")) ==
          "kpi.toml:22:10: measure \"m\": `having` must be true or false, e.g. \"rows >= 2\" or "
          "\"sum(amount) > 10000000\"");
    CHECK(error_of(measure("sum = \"amount\"\nper = \"member\"\nhaving = \"avg(time) > 0\"")) ==
          "kpi.toml:22:11: measure \"m\": avg() of dates means nothing; use min() or max() for "
          "the first or last date");
  }
}
