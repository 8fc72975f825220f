// SPDX-License-Identifier: MIT
// What a run says it read: files listed once, and a second pass's sources added only when new.
#include "kpi/engine/data_quality.hpp"

#include <doctest/doctest.h>

namespace {

kpi::engine::InputFile file(const std::string& source, const std::string& path,
                            std::uint64_t records) {
  kpi::engine::InputFile input;
  input.source = source;
  input.file = path;
  input.records = records;
  return input;
}

}  // namespace

TEST_SUITE("engine.data_quality") {
  TEST_CASE("a second pass adds the sources the first did not read, with their problems") {
    kpi::engine::DataQuality first;
    first.add_input(file("pos", "pos.csv", 10));
    first.record("pos", "bad cells", kpi::Diagnostic{"data.cell", "x", {"pos.csv", 3, 2}});
    kpi::engine::DataQuality second;
    second.add_input(file("pos", "pos_2025.csv", 99));  // a source already listed: left out
    second.add_input(file("crm", "crm.csv", 4));
    second.record("pos", "bad cells", kpi::Diagnostic{"data.cell", "y", {"pos.csv", 3, 2}});
    second.record("crm", "bad dates", kpi::Diagnostic{"data.cell", "z", {"crm.csv", 2, 1}});
    first.add_unlisted_sources(second);
    REQUIRE(first.inputs().size() == 2);
    CHECK(first.inputs()[0].file == "pos.csv");
    CHECK(first.inputs()[1].source == "crm");
    CHECK(first.inputs()[1].records == 4);
    REQUIRE(first.problems().size() == 2);
    CHECK(first.problems()[0].source == "pos");
    CHECK(first.problems()[0].count == 1);  // not counted twice
    CHECK(first.problems()[1].source == "crm");
    CHECK(first.problems()[1].reason == "bad dates");
  }

  TEST_CASE("the measures table lists no source: every source of a pass over exports is new") {
    kpi::engine::DataQuality report;
    kpi::engine::InputFile table = file("", "measures.csv", 41);
    table.measures_table = true;
    report.add_input(table);
    kpi::engine::DataQuality alerts;
    alerts.add_input(file("orders", "orders.csv", 8));
    alerts.add_input(table);  // not a source's file: not added again
    report.add_unlisted_sources(alerts);
    REQUIRE(report.inputs().size() == 2);
    CHECK(report.inputs()[0].measures_table);
    CHECK(report.inputs()[1].source == "orders");
  }
}
