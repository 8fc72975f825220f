// SPDX-License-Identifier: MIT
// Which files a source reads: its paths and globs, or the --data overrides.
#include "kpi/engine/source_files.hpp"

#include <doctest/doctest.h>
#include <sys/stat.h>

#include <filesystem>
#include <string>
#include <vector>

#include "kpi/core/diagnostic.hpp"
#include "test_support.hpp"

namespace {

kpi::library::Source exports(const std::string& pattern) {
  kpi::library::Source source;
  source.name = "pos";
  source.files = {pattern};
  return source;
}

}  // namespace

TEST_SUITE("engine/source_files") {
  TEST_CASE("a glob lists the files it matches, sorted") {
    kpi::test::TempDir dir;
    dir.write("b.csv", "x\n");
    dir.write("a.csv", "x\n");
    CHECK(kpi::engine::source_files(exports("*.csv"), dir.path(), {}) ==
          std::vector<std::string>{dir.path() + "/a.csv", dir.path() + "/b.csv"});
  }

  TEST_CASE("a named pipe matched by a glob is refused by name rather than opened (D17)") {
    kpi::test::TempDir dir;
    dir.write("a.csv", "x\n");
    const std::string pipe = dir.path() + "/b.csv";
    REQUIRE(::mkfifo(pipe.c_str(), 0600) == 0);
    try {
      (void)kpi::engine::source_files(exports("*.csv"), dir.path(), {});
      FAIL("expected an error");
    } catch (const kpi::Error& error) {
      CHECK(error.diagnostic().code == "data.files");
      CHECK(error.diagnostic().message ==
            "source \"pos\": \"" + pipe +
                "\", matched by \"*.csv\", is a named pipe (FIFO), not a file; remove it from "
                "the folder, or name it with --data pos=PATH");
    }
  }

  TEST_CASE("a folder matched by a glob is refused the same way") {
    kpi::test::TempDir dir;
    dir.write("a.csv", "x\n");
    std::filesystem::create_directory(dir.path() + "/old.csv");
    CHECK_THROWS_WITH_AS(kpi::engine::source_files(exports("*.csv"), dir.path(), {}),
                         doctest::Contains("is a directory, not a file"), kpi::Error);
  }

  TEST_CASE("a pipe given with --data is read as it is: that is how pipes are read") {
    kpi::test::TempDir dir;
    const std::string pipe = dir.path() + "/in.csv";
    REQUIRE(::mkfifo(pipe.c_str(), 0600) == 0);
    CHECK(kpi::engine::source_files(exports("*.csv"), dir.path(), {pipe}) ==
          std::vector<std::string>{pipe});
  }
}
