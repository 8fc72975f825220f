// SPDX-License-Identifier: MIT
// Reading a file in parts on threads gives the rows, problems and errors of one sequential pass.
#include "kpi/engine/source_scanner.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <mutex>
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

  // Threads give rows in no particular order.
  std::vector<std::string> sorted_notes() const {
    std::vector<std::string> sorted = notes;
    std::sort(sorted.begin(), sorted.end());
    return sorted;
  }
};

// A handler's own error, located in the library rather than in the export.
void fail_on(std::span<const kpi::expr::Value> row, const std::string& note) {
  if (!note.empty() && row[1].text == note) {
    throw kpi::Error({"data.overflow", "measure \"m\": too large", {"kpi.toml", 9, 11}});
  }
}

// Runs once, in whichever worker starts first, before any worker takes a range to read.
using BeforeReading = std::function<void()>;

Scan scan(const std::vector<std::string>& paths, std::size_t parts, bool strict = false,
          const std::string& failing_note = "", const BeforeReading& before_reading = {}) {
  const kpi::library::Source source = orders_source(paths.front());
  Scan result;
  std::vector<std::vector<std::string>> part_notes(parts);
  PartHandlers handlers;
  handlers.parts = parts;
  handlers.min_part_bytes = 256;
  std::once_flag once;
  handlers.fork = [&](std::size_t p) {
    if (before_reading) {
      std::call_once(once, before_reading);
    }
    part_notes[p].clear();
    return [&, p](std::span<const kpi::expr::Value> row,
                  std::int32_t) -> const kpi::engine::RowProblem* {
      fail_on(row, failing_note);
      part_notes[p].emplace_back(row[1].text);
      return nullptr;
    };
  };
  handlers.join = [&](std::size_t p) {
    result.notes.insert(result.notes.end(), part_notes[p].begin(), part_notes[p].end());
    ++result.parts_joined;
  };
  kpi::engine::scan_source(
      source, paths, {true, true, true}, strict, result.quality,
      [&](std::span<const kpi::expr::Value> row, std::int32_t) -> const kpi::engine::RowProblem* {
        fail_on(row, failing_note);
        result.notes.emplace_back(row[1].text);
        return nullptr;
      },
      {}, &handlers);
  return result;
}

Scan scan(const std::string& path, std::size_t parts, bool strict = false,
          const std::string& failing_note = "") {
  return scan(std::vector<std::string>{path}, parts, strict, failing_note);
}

// Where each first example of each problem is, in order.
std::vector<std::string> problem_places(const DataQuality& quality) {
  std::vector<std::string> places;
  for (const kpi::engine::DataProblem& problem : quality.problems()) {
    for (const kpi::Diagnostic& example : problem.first) {
      places.push_back(example.where.file + ":" + std::to_string(example.where.line) + ":" +
                       std::to_string(example.where.column));
    }
  }
  return places;
}

}  // namespace

TEST_SUITE("engine/source_scanner") {
  TEST_CASE("parts give the rows of one pass") {
    kpi::test::TempDir dir;
    const std::string path = dir.write("orders.csv", orders_file());
    const Scan whole = scan(path, 1);
    const Scan parts = scan(path, 3);
    CHECK(parts.parts_joined == 3);
    CHECK(parts.sorted_notes() == whole.sorted_notes());
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
      CHECK(parts.sorted_notes() == whole.sorted_notes());
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

  TEST_CASE("files are shared out among threads with the rows, counts and problems of one pass") {
    kpi::test::TempDir dir;
    std::vector<std::string> paths;
    for (int k = 0; k < 5; ++k) {  // 60 records each, a bad amount in record 10 k
      paths.push_back(dir.write("orders" + std::to_string(k) + ".csv", orders_file(-1, 10 * k)));
    }
    const Scan whole = scan(paths, 1);
    const Scan threads = scan(paths, 3);
    CHECK(threads.parts_joined == 3);
    CHECK(whole.notes.size() == 300);
    CHECK(threads.sorted_notes() == whole.sorted_notes());
    REQUIRE(threads.quality.inputs().size() == 5);
    for (std::size_t k = 0; k < 5; ++k) {
      CHECK(threads.quality.inputs()[k].file == paths[k]);
      CHECK(threads.quality.inputs()[k].records == 60);
    }
    CHECK(problem_places(threads.quality) == problem_places(whole.quality));
    REQUIRE(whole.quality.problems().size() == 1);
    CHECK(whole.quality.problems()[0].count == 5);
    CHECK(threads.quality.problems()[0].count == 5);
    CHECK(problem_places(whole.quality).at(1) == paths[1] + ":12:3");
  }

  TEST_CASE("with --strict, the error is the first in file order, whichever thread meets it") {
    kpi::test::TempDir dir;
    const std::vector<std::string> paths = {dir.write("a.csv", orders_file()),
                                            dir.write("b.csv", orders_file(-1, 58)),
                                            dir.write("c.csv", orders_file(-1, 0))};
    for (int round = 0; round < 10; ++round) {
      try {
        scan(paths, 2, true);
        FAIL("expected an error");
      } catch (const kpi::Error& error) {
        CHECK(error.diagnostic().where.file == paths[1]);
        CHECK(error.diagnostic().where.line == 60);
      }
    }
  }

  TEST_CASE("a file replaced under its name during the read is read as it was when opened") {
    kpi::test::TempDir dir;
    const std::string path = dir.write("orders.csv", orders_file());
    std::string replacement = orders_file();
    for (std::size_t at = replacement.find("note"); at != std::string::npos;
         at = replacement.find("note", at)) {
      replacement.replace(at, 4, "NOTE");  // the same size, other notes
    }
    const std::string newer = dir.write("orders.new", replacement);
    const Scan parts = scan({path}, 3, false, "", [&] { std::filesystem::rename(newer, path); });
    CHECK(parts.notes.size() == 60);
    CHECK(std::count_if(parts.notes.begin(), parts.notes.end(),
                        [](const std::string& note) { return note.starts_with("NOTE"); }) == 0);
  }

  TEST_CASE("a file that grows while its ranges are read is an error, not a mixed total") {
    kpi::test::TempDir dir;
    const std::string path = dir.write("orders.csv", orders_file());
    try {
      scan({path}, 3, false, "",
           [&] { std::ofstream(path, std::ios::app) << "2025-06-30,late,1.00\n"; });
      FAIL("expected an error");
    } catch (const kpi::Error& error) {
      CHECK(error.diagnostic().code == "data.changed");
      CHECK(kpi::render(error.diagnostic()) ==
            path +
                ": the file changed while it was read (1441 bytes when opened, 1462 now); "
                "run again once it is complete");
    }
  }
}

TEST_SUITE("engine/source_scanner") {
  TEST_CASE("every part of a file reads with the decimal comma and the date order of its start") {
    // 60 rows of a ;-separated export with day-first dates and decimal commas: every part
    // reads "1.234,56" and "13/06/2025" as the first part's sample says.
    std::string text = "日期;备注;金额\n";
    for (int i = 0; i < 60; ++i) {
      text += std::to_string(10 + i % 20) + "/06/2025;note" + std::to_string(i) + ";1.234," +
              (i < 10 ? "0" : "") + std::to_string(i) + "\n";
    }
    kpi::test::TempDir dir;
    const std::string path = dir.write("orders.csv", text);
    const kpi::library::Source source = orders_source(path);
    for (const std::size_t parts : {std::size_t{1}, std::size_t{3}}) {
      std::vector<std::int64_t> sums(parts, 0), days(parts, 0);
      PartHandlers handlers;
      handlers.parts = parts;
      handlers.min_part_bytes = 256;
      handlers.fork = [&](std::size_t p) {
        return [&, p](std::span<const kpi::expr::Value> row,
                      std::int32_t day) -> const kpi::engine::RowProblem* {
          sums[p] += row[2].number.units();
          days[p] += day;
          return nullptr;
        };
      };
      std::size_t joined = 0;
      handlers.join = [&](std::size_t) { ++joined; };
      DataQuality quality;
      kpi::engine::scan_source(
          source, {path}, {true, true, true}, false, quality,
          [&](std::span<const kpi::expr::Value> row,
              std::int32_t day) -> const kpi::engine::RowProblem* {
            sums[0] += row[2].number.units();
            days[0] += day;
            return nullptr;
          },
          {}, &handlers);
      std::int64_t sum = 0, day_sum = 0;
      for (std::size_t p = 0; p < parts; ++p) {
        sum += sums[p];
        day_sum += days[p];
      }
      CHECK(quality.problems().empty());
      CHECK(joined == (parts == 1 ? 0 : parts));
      // 60 × 1234 plus 0.00 + 0.01 + … + 0.59, exactly.
      CHECK(sum == std::int64_t{60} * 1234'000000 + 17'700000);
      // The days 10–29 of June 2025 (2025-06-10 is day 20249), three times each.
      CHECK(day_sum == 3 * (20 * 20249 + 190));
    }
  }
  TEST_CASE("in order, each row comes with its file and the line it starts on") {
    kpi::test::TempDir dir;
    const std::string first = dir.write("a.csv", orders_file(2));  // record 2 has two lines
    const std::string second = dir.write("b.csv", orders_file());
    const kpi::library::Source source = orders_source(first);
    DataQuality quality;
    std::vector<std::string> places;
    kpi::engine::scan_source_in_order(
        source, {first, second}, {true, true, true}, false, quality,
        [&](std::span<const kpi::expr::Value>, std::int32_t, const kpi::engine::RowPlace& place) {
          places.push_back(std::string(place.file) + ":" + std::to_string(place.line));
          return true;
        });
    REQUIRE(places.size() == 120);
    CHECK(places[0] == first + ":2");
    CHECK(places[2] == first + ":4");
    CHECK(places[3] == first + ":6");  // after the record on lines 4 and 5
    CHECK(places[60] == second + ":2");
    CHECK(places[119] == second + ":61");
    REQUIRE(quality.inputs().size() == 2);
    CHECK(quality.inputs()[1].records == 60);
  }

  TEST_CASE("rows of the days not read reach no handler, and their bad cells are still told") {
    kpi::test::TempDir dir;
    // Days 10..29 of June, three rows each; the amount of record 50 (2025-06-20) is bad.
    const std::string path = dir.write("orders.csv", orders_file(-1, 50));
    const kpi::library::Source source = orders_source(path);
    const std::int32_t first_read = 20249 + 15;  // 2025-06-25 .. 2025-06-29
    for (const bool strict : {false, true}) {
      CAPTURE(strict);
      DataQuality quality;
      std::vector<std::string> notes;
      const auto read = [&] {
        kpi::engine::scan_source(source, {path}, {true, true, true}, strict, quality,
                                 [&](std::span<const kpi::expr::Value> row,
                                     std::int32_t day) -> const kpi::engine::RowProblem* {
                                   CHECK(day >= first_read);
                                   notes.emplace_back(row[1].text);
                                   return nullptr;
                                 },
                                 {}, nullptr,
                                 {[&](std::int32_t day) { return day >= first_read; }, {}});
      };
      if (strict) {
        // --strict judges every cell of every row: the bad amount is an error.
        CHECK_THROWS_WITH(read(), doctest::Contains("orders.csv:52:3"));
        continue;
      }
      read();
      CHECK(notes == std::vector<std::string>{"note15", "note16", "note17", "note18", "note19",
                                              "note35", "note36", "note37", "note38", "note39",
                                              "note55", "note56", "note57", "note58", "note59"});
      CHECK(problem_places(quality) == std::vector<std::string>{path + ":52:3"});
      REQUIRE(quality.inputs().size() == 1);
      CHECK(quality.inputs()[0].records == 60);
    }
  }

  TEST_CASE("in order, reading stops at the row the handler says so") {
    kpi::test::TempDir dir;
    const std::string first = dir.write("a.csv", orders_file());
    const std::string second = dir.write("b.csv", orders_file());
    const kpi::library::Source source = orders_source(first);
    DataQuality quality;
    std::vector<std::string> notes;
    kpi::engine::scan_source_in_order(
        source, {first, second}, {true, true, true}, false, quality,
        [&](std::span<const kpi::expr::Value> row, std::int32_t, const kpi::engine::RowPlace&) {
          notes.emplace_back(row[1].text);
          return notes.size() < 5;
        });
    CHECK(notes == std::vector<std::string>{"note0", "note1", "note2", "note3", "note4"});
    // The second file is never opened; the first counts the records read up to the stop.
    REQUIRE(quality.inputs().size() == 1);
    CHECK(quality.inputs()[0].records == 5);
  }
}
