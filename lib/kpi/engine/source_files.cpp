// SPDX-License-Identifier: MIT
#include "kpi/engine/source_files.hpp"

#include <fmt/format.h>
#include <glob.h>

#include <algorithm>
#include <string_view>
#include <system_error>

#include "kpi/core/diagnostic.hpp"

namespace kpi::engine {
namespace {

bool is_glob(const std::string& pattern) {
  return pattern.find_first_of("*?[") != std::string::npos;
}

std::vector<std::string> expand_glob(const std::string& pattern) {
  glob_t matches{};
  std::vector<std::string> paths;
  if (::glob(pattern.c_str(), 0, nullptr, &matches) == 0) {
    for (std::size_t i = 0; i < matches.gl_pathc; ++i) {
      paths.emplace_back(matches.gl_pathv[i]);
    }
  }
  ::globfree(&matches);
  std::sort(paths.begin(), paths.end());
  return paths;
}

// What a path a glob matched is when it is not a regular file, or "" when it is one. stat(2),
// not open(2): opening a FIFO blocks until a writer comes, which a leftover pipe never does.
std::string_view not_regular(const std::string& path) {
  std::error_code error;
  switch (std::filesystem::status(path, error).type()) {
    case std::filesystem::file_type::regular:
    case std::filesystem::file_type::not_found:  // gone since the glob: open says so
    case std::filesystem::file_type::none:
      return {};
    case std::filesystem::file_type::directory:
      return "a directory";
    case std::filesystem::file_type::fifo:
      return "a named pipe (FIFO)";
    case std::filesystem::file_type::socket:
      return "a socket";
    case std::filesystem::file_type::block:
    case std::filesystem::file_type::character:
      return "a device";
    default:
      return "not a regular file";
  }
}

}  // namespace

std::vector<std::string> source_files(const library::Source& source,
                                      const std::filesystem::path& library_dir,
                                      const std::vector<std::string>& overrides) {
  if (!overrides.empty()) {
    return overrides;
  }
  std::vector<std::string> files;
  for (const std::string& pattern : source.files) {
    const std::filesystem::path path = library_dir / pattern;
    if (!is_glob(pattern)) {
      files.push_back(path.lexically_normal().string());
      continue;
    }
    const std::vector<std::string> matches = expand_glob(path.string());
    if (matches.empty()) {
      throw Error({"data.files",
                   fmt::format("source \"{}\": no file matches \"{}\"", source.name, pattern),
                   source.where});
    }
    for (const std::string& match : matches) {
      // A pipe or device is read only when named on its own (--data pos=/dev/stdin): one
      // that a glob happens to match would hang the run, or read something unintended.
      if (const std::string_view what = not_regular(match); !what.empty()) {
        throw Error({"data.files",
                     fmt::format("source \"{}\": \"{}\", matched by \"{}\", is {}, not a "
                                 "file; remove it from the folder, or name it with --data {}=PATH",
                                 source.name, match, pattern, what, source.name),
                     source.where});
      }
    }
    files.insert(files.end(), matches.begin(), matches.end());
  }
  return files;
}

}  // namespace kpi::engine
