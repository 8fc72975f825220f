// SPDX-License-Identifier: MIT
#include "kpi/core/diagnostic.hpp"

#include <doctest/doctest.h>

#include <string>

namespace {

using kpi::Diagnostic;
using kpi::ErrorKind;
using kpi::SourceLocation;

Diagnostic at(std::string file, std::uint64_t line, std::uint64_t column) {
  return {"csv.unterminated-quote", "a quoted field is not closed",
          SourceLocation{std::move(file), line, column}};
}

ErrorKind kind(std::string code) { return kpi::kind_of(Diagnostic{std::move(code), "m", {}}); }

}  // namespace

TEST_SUITE("core.diagnostic") {
  TEST_CASE("render gives file:line:column: message when all are known") {
    CHECK(kpi::render(at("pos.csv", 12, 3)) == "pos.csv:12:3: a quoted field is not closed");
    CHECK(kpi::render(at("销售/门店.csv", 1, 1)) ==
          "销售/门店.csv:1:1: a quoted field is not closed");
  }

  TEST_CASE("render leaves out an unknown column") {
    CHECK(kpi::render(at("kpi.toml", 7, 0)) == "kpi.toml:7: a quoted field is not closed");
  }

  TEST_CASE("render leaves out an unknown line, and the column with it") {
    CHECK(kpi::render(at("pos.csv", 0, 0)) == "pos.csv: a quoted field is not closed");
    // A column without a line says nothing on its own: only the file is shown.
    CHECK(kpi::render(at("pos.csv", 0, 5)) == "pos.csv: a quoted field is not closed");
  }

  TEST_CASE("render without a file is the bare message, whatever the line and column") {
    CHECK(kpi::render(at("", 0, 0)) == "a quoted field is not closed");
    CHECK(kpi::render(at("", 4, 2)) == "a quoted field is not closed");
  }

  TEST_CASE("render keeps the message as written, quotes and CJK included") {
    const Diagnostic diagnostic{"data.x", "column \"实收金额\": not a number", {"pos.csv", 2, 4}};
    CHECK(kpi::render(diagnostic) == "pos.csv:2:4: column \"实收金额\": not a number");
  }

  TEST_CASE("an Error's what() is the rendered diagnostic and keeps the diagnostic") {
    const kpi::Error error(at("pos.csv", 9, 2));
    CHECK(std::string(error.what()) == "pos.csv:9:2: a quoted field is not closed");
    CHECK(error.diagnostic().code == "csv.unterminated-quote");
    CHECK(error.diagnostic().where.file == "pos.csv");
    CHECK(error.diagnostic().where.line == 9);
    CHECK(error.diagnostic().where.column == 2);
    CHECK_THROWS_WITH_AS(throw kpi::Error(at("", 0, 0)), "a quoted field is not closed",
                         kpi::Error);
  }

  TEST_CASE("kind_of: usage. codes are usage errors") {
    CHECK(kind("usage.period") == ErrorKind::Usage);
    CHECK(kind("usage.") == ErrorKind::Usage);
  }

  TEST_CASE("kind_of: library. and plan. codes are library errors") {
    CHECK(kind("library.invalid") == ErrorKind::Library);
    CHECK(kind("plan.unknown-kpi") == ErrorKind::Library);
    CHECK(kind("plan.") == ErrorKind::Library);
  }

  TEST_CASE("kind_of: data. and every other code are data errors") {
    CHECK(kind("data.missing-column") == ErrorKind::Data);
    CHECK(kind("csv.unterminated-quote") == ErrorKind::Data);
    CHECK(kind("") == ErrorKind::Data);
  }

  TEST_CASE("kind_of matches the prefix with its dot, from the start, case and all") {
    CHECK(kind("usage") == ErrorKind::Data);
    CHECK(kind("usages.period") == ErrorKind::Data);
    CHECK(kind("library") == ErrorKind::Data);
    CHECK(kind("planner.x") == ErrorKind::Data);
    CHECK(kind("Usage.period") == ErrorKind::Data);
    CHECK(kind("data.usage.x") == ErrorKind::Data);
    CHECK(kind("x.library.y") == ErrorKind::Data);
  }
}
