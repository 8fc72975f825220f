// SPDX-License-Identifier: MIT
// Every ```toml block of README.md's "The KPI library" section is a whole library: it must load
// and check on its own, so that the format reference cannot drift from the loader.
#include <doctest/doctest.h>

#include <cstddef>
#include <exception>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "kpi/core/diagnostic.hpp"
#include "kpi/library/compiled_library.hpp"
#include "kpi/library/library_loader.hpp"

namespace {

struct TomlBlock {
  std::size_t line = 0;  ///< README line of the opening fence, from 1
  std::string text;
};

std::string read_readme() {
  std::string path = KPI_SOURCE_DIR;
  path += "/README.md";
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "cannot open " << path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') {
      line.pop_back();
    }
    lines.push_back(line);
  }
  return lines;
}

// The ```toml blocks between "## The KPI library" and the next level-2 heading, skipping
// headings that are inside fenced blocks.
std::vector<TomlBlock> library_section_toml_blocks(const std::vector<std::string>& lines,
                                                   bool& section_found) {
  std::vector<TomlBlock> blocks;
  bool in_section = false;
  bool in_fence = false;
  bool in_toml = false;
  section_found = false;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string_view line = lines[i];
    if (!in_fence && line.starts_with("## ")) {
      in_section = line == "## The KPI library";
      section_found = section_found || in_section;
      continue;
    }
    if (line.starts_with("```")) {
      if (!in_fence) {
        in_fence = true;
        std::string_view info = line.substr(3);
        while (!info.empty() && info.back() == ' ') {
          info.remove_suffix(1);
        }
        in_toml = in_section && info == "toml";
        if (in_toml) {
          blocks.push_back({i + 1, {}});
        }
      } else if (line.find_first_not_of('`') == std::string_view::npos) {
        in_fence = false;
        in_toml = false;
      }
      continue;
    }
    if (in_toml) {
      blocks.back().text += line;
      blocks.back().text += '\n';
    }
  }
  return blocks;
}

}  // namespace

TEST_SUITE("library.readme") {
  TEST_CASE("every toml example of \"The KPI library\" loads and checks") {
    bool section_found = false;
    const std::vector<TomlBlock> blocks =
        library_section_toml_blocks(split_lines(read_readme()), section_found);
    REQUIRE_MESSAGE(section_found, "README.md has no \"## The KPI library\" section");
    CHECK_MESSAGE(blocks.size() >= 10,
                  "only " << blocks.size() << " ```toml blocks in \"The KPI library\"");
    for (std::size_t n = 0; n < blocks.size(); ++n) {
      const TomlBlock& block = blocks[n];
      std::string failure;
      try {
        const kpi::library::Library library =
            kpi::library::load_library_text(block.text, "README.md");
        const kpi::library::CompiledLibrary compiled = kpi::library::compile_library(library);
        CHECK(compiled.library == &library);
      } catch (const kpi::Error& error) {
        failure = kpi::render(error.diagnostic());
      } catch (const std::exception& error) {
        failure = error.what();
      }
      if (!failure.empty()) {
        std::string message = "toml block ";
        message += std::to_string(n + 1);
        message += " (README.md line ";
        message += std::to_string(block.line);
        message += "): ";
        message += failure;
        message += "\n";
        message += block.text;
        FAIL_CHECK(message);
      }
    }
  }
}
