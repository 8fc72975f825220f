// SPDX-License-Identifier: MIT
// Reading a file in parts on threads gives the rows, problems and errors of one sequential pass.
#include "kpi/engine/source_scanner.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "kpi/core/diagnostic.hpp"
#include "test_support.hpp"

namespace {

using kpi::engine::DataQuality;
using kpi::engine::PartHandlers;

kpi::library::Source orders_source(const std::string& file) {
  kpi::library::Source source;
  source.name = "orders";
  source.files = {file};
  source.time_field = "day";
  kpi::library::Field day;
  day.name = "day";
  day.columns = {"日期"};
  day.type = kpi::library::FieldType::Date;
  kpi::library::Field note;
  note.name = "note";
  note.columns = {"备注"};
  kpi::library::Field amount;
  amount.name = "amount";
  amount.columns = {"金额"};
  amount.type = kpi::library::FieldType::Money;
  source.fields = {day, note, amount};
  return source;
}

// 60 records of about 40 bytes; record `quoted` has a note with a line break in it.
std::string orders_file(int quoted = -1, int bad_amount = -1) {
  std::string text = "日期,备注,金额\n";
  for (int i = 0; i < 60; ++i) {
    const std::string note = i == quoted ? "\"two\nlines\"" : "note" + std::to_string(i);
    const std::string amount = i == bad_amount ? "12x" : std::to_string(i) + ".50";
    text += "2025-06-" + std::to_string(10 + i % 20) + "," + note + "," + amount + "\n";
  }
  return text;
}

struct Scan {
  std::vector<std::string> notes;  // in the order the rows were joined
  DataQuality quality;
  std::size_t parts_joined = 0;
};

// A handler's own error, located in the library rather than in the export.
void fail_on(std::span<const kpi::expr::Value> row, const std::string& note) {
  if (!note.empty() && row[1].text == note) {
    throw kpi::Error({"data.overflow", "measure \"m\": too large", {"kpi.toml", 9, 11}});
  }
}

Scan scan(const std::string& path, std::size_t parts, bool strict = false,
          const std::string& failing_note = "") {
  const kpi::library::Source source = orders_source(path);
  Scan result;
  std::vector<std::vector<std::string>> part_notes(parts);
  PartHandlers handlers;
  handlers.parts = parts;
  handlers.min_part_bytes = 256;
  handlers.fork = [&](std::size_t p) {
    part_notes[p].clear();
    return [&, p](std::span<const kpi::expr::Value> row, std::int32_t) {
      fail_on(row, failing_note);
      part_notes[p].emplace_back(row[1].text);
    };
  };
  handlers.join = [&](std::size_t p) {
    result.notes.insert(result.notes.end(), part_notes[p].begin(), part_notes[p].end());
    ++result.parts_joined;
  };
  kpi::engine::scan_source(
      source, {path}, {true, true, true}, strict, result.quality,
      [&](std::span<const kpi::expr::Value> row, std::int32_t) {
        fail_on(row, failing_note);
        result.notes.emplace_back(row[1].text);
      },
      {}, &handlers);
  return result;
}

}  // namespace

TEST_SUITE("engine/source_scanner") {
  TEST_CASE("parts give the rows of one pass, in file order") {
    kpi::test::TempDir dir;
    const std::string path = dir.write("orders.csv", orders_file());
    const Scan whole = scan(path, 1);
    const Scan parts = scan(path, 3);
    CHECK(parts.parts_joined == 3);
    CHECK(parts.notes == whole.notes);
    CHECK(whole.notes.size() == 60);
    REQUIRE(parts.quality.inputs().size() == 1);
    CHECK(parts.quality.inputs()[0].records == 60);
  }

  TEST_CASE("a part boundary inside a quoted line break reads the file again in one piece") {
    kpi::test::TempDir dir;
    // Each part starts after the first line feed past a third of the file: put the quoted line
    // break of every record there.
    for (int quoted = 0; quoted < 60; ++quoted) {
      const std::string path = dir.write("orders.csv", orders_file(quoted));
      const Scan whole = scan(path, 1);
      const Scan parts = scan(path, 3);
      CHECK(parts.notes == whole.notes);
      CHECK(whole.notes.at(static_cast<std::size_t>(quoted)) == "two\nlines");
    }
  }

  TEST_CASE("problems in a later part have the file's line numbers") {
    kpi::test::TempDir dir;
    const Scan parts = scan(dir.write("orders.csv", orders_file(-1, 50)), 3);
    REQUIRE(parts.quality.problems().size() == 1);
    const kpi::Diagnostic& example = parts.quality.problems()[0].first.at(0);
    CHECK(example.where.line == 52);  // the header is line 1, record 50 is line 52
    CHECK(example.where.column == 3);
  }

  TEST_CASE("with --strict, an error in a later part has the file's line number") {
    kpi::test::TempDir dir;
    const std::string path = dir.write("orders.csv", orders_file(-1, 55));
    try {
      scan(path, 3, true);
      FAIL("expected an error");
    } catch (const kpi::Error& error) {
      CHECK(error.diagnostic().where.line == 57);
    }
  }

  TEST_CASE("an error located in the library keeps its line when a later part raises it") {
    kpi::test::TempDir dir;
    const std::string path = dir.write("orders.csv", orders_file());
    try {
      scan(path, 3, false, "note55");
      FAIL("expected an error");
    } catch (const kpi::Error& error) {
      CHECK(error.diagnostic().where.file == "kpi.toml");
      CHECK(error.diagnostic().where.line == 9);
    }
  }
}
