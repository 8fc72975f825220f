// SPDX-License-Identifier: MIT
#include "kpi/engine/source_files.hpp"

#include <fmt/format.h>
#include <glob.h>

#include <algorithm>

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
    files.insert(files.end(), matches.begin(), matches.end());
  }
  return files;
}

}  // namespace kpi::engine
