// SPDX-License-Identifier: MIT
// Every ```toml block of README.md and of docs/**/*.md is a whole library: it must load and
// check on its own, so that the documentation cannot drift from the loader. A block that is
// deliberately a fragment or invalid says so with `<!-- not-a-library -->` on the last
// non-blank line before its fence.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstddef>
#include <exception>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "kpi/core/diagnostic.hpp"
#include "kpi/library/compiled_library.hpp"
#include "kpi/library/library_loader.hpp"

namespace {

namespace fs = std::filesystem;

struct TomlBlock {
  std::string file;      ///< the Markdown file, relative to the repository root
  std::size_t line = 0;  ///< line of the opening fence, from 1
  std::string text;
  /// The library file the block shows (`<!-- file PATH -->` before it), so that the files it
  /// names (a holidays file) are found beside it; else the Markdown file.
  std::string library_path;
};

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "cannot open " << path.string());
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

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && text.front() == ' ') {
    text.remove_prefix(1);
  }
  while (!text.empty() && text.back() == ' ') {
    text.remove_suffix(1);
  }
  return text;
}

// README.md, its Chinese translation and every Markdown file under docs/, in name order.
std::vector<std::string> documentation_files() {
  const fs::path root = KPI_SOURCE_DIR;
  std::vector<std::string> files = {"README.md", "README.zh-CN.md"};
  for (const fs::directory_entry& entry : fs::recursive_directory_iterator(root / "docs")) {
    if (entry.is_regular_file() && entry.path().extension() == ".md") {
      files.push_back(fs::relative(entry.path(), root).generic_string());
    }
  }
  std::sort(files.begin() + 2, files.end());
  return files;
}

// The ```toml blocks of one Markdown file that are not marked as fragments.
std::vector<TomlBlock> toml_blocks(const std::string& file, std::size_t& marked) {
  const std::vector<std::string> lines = split_lines(read_file(fs::path(KPI_SOURCE_DIR) / file));
  std::vector<TomlBlock> blocks;
  std::string fence;  // the opening fence while inside a block
  bool in_toml = false;
  std::string_view last_text_line;  // the last non-blank line outside blocks
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string_view line = lines[i];
    if (fence.empty() && line.starts_with("```")) {
      fence = line.substr(0, line.find_first_not_of('`'));
      in_toml = trimmed(line.substr(fence.size())) == "toml";
      if (in_toml && trimmed(last_text_line) == "<!-- not-a-library -->") {
        ++marked;
        in_toml = false;
      }
      if (in_toml) {
        std::string_view mark = trimmed(last_text_line);
        std::string library_path = file;
        if (mark.starts_with("<!-- file ") && mark.ends_with("-->")) {
          mark = trimmed(mark.substr(10, mark.size() - 13));
          library_path = (fs::path(KPI_SOURCE_DIR) / mark).string();
        }
        blocks.push_back({file, i + 1, {}, library_path});
      }
      continue;
    }
    if (!fence.empty()) {
      if (line.starts_with(fence) && line.find_first_not_of('`') == std::string_view::npos) {
        fence.clear();
        in_toml = false;
        last_text_line = {};
      } else if (in_toml) {
        blocks.back().text += line;
        blocks.back().text += '\n';
      }
      continue;
    }
    if (!trimmed(line).empty()) {
      last_text_line = line;
    }
  }
  return blocks;
}

}  // namespace

TEST_SUITE("library.docs") {
  TEST_CASE("every toml block of README.md and docs/ loads and checks as a library") {
    std::vector<TomlBlock> blocks;
    std::size_t marked = 0;
    for (const std::string& file : documentation_files()) {
      for (TomlBlock& block : toml_blocks(file, marked)) {
        blocks.push_back(std::move(block));
      }
    }
    CHECK_MESSAGE(blocks.size() >= 15, "only " << blocks.size() << " ```toml blocks in the docs");
    CHECK_MESSAGE(marked <= 3, marked << " blocks are marked not-a-library; keep them rare");
    for (const TomlBlock& block : blocks) {
      std::string failure;
      try {
        const kpi::library::Library library =
            kpi::library::load_library_text(block.text, block.library_path);
        const kpi::library::CompiledLibrary compiled = kpi::library::compile_library(library);
        CHECK(compiled.library == &library);
      } catch (const kpi::Error& error) {
        failure = kpi::render(error.diagnostic());
      } catch (const std::exception& error) {
        failure = error.what();
      }
      if (!failure.empty()) {
        std::string message = "toml block at ";
        message += block.file;
        message += ":";
        message += std::to_string(block.line);
        message += ": ";
        message += failure;
        message += "\n";
        message += block.text;
        FAIL_CHECK(message);
      }
    }
  }
}
