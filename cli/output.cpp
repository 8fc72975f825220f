// SPDX-License-Identifier: MIT
#include "output.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace kpi::cli {

void write_stdout(std::string_view text) { std::fwrite(text.data(), 1, text.size(), stdout); }

void write_file_atomically(const std::string& path, std::string_view text) {
  const auto fail = [&](const char* what) {
    throw Error({"data.write", fmt::format("cannot {}: {}", what, std::strerror(errno)), {path}});
  };
  const std::filesystem::path target(path);
  std::string temporary =
      (target.parent_path() / fmt::format(".{}.XXXXXX", target.filename().string())).string();
  const int descriptor = ::mkstemp(temporary.data());
  if (descriptor < 0) {
    fail("create a temporary file beside it");
  }
  std::size_t written = 0;
  while (written < text.size()) {
    const ssize_t count = ::write(descriptor, text.data() + written, text.size() - written);
    if (count < 0 && errno == EINTR) {
      continue;
    }
    if (count <= 0) {
      ::close(descriptor);
      ::unlink(temporary.c_str());
      fail("write");
    }
    written += static_cast<std::size_t>(count);
  }
  ::fchmod(descriptor, 0644);
  if (::fsync(descriptor) != 0 || ::close(descriptor) != 0 ||
      ::rename(temporary.c_str(), path.c_str()) != 0) {
    ::unlink(temporary.c_str());
    fail("write");
  }
}

void print_error(const Diagnostic& diagnostic) {
  fmt::print(stderr, "kpi: error: {}\n", render(diagnostic));
}

void print_warning(const Diagnostic& diagnostic) {
  fmt::print(stderr, "kpi: warning: {}\n", render(diagnostic));
}

void report_skipped(const csv::SkippedRecords& skipped) {
  for (const Diagnostic& example : skipped.first) {
    print_warning(example);
  }
  if (skipped.count > skipped.first.size()) {
    fmt::print(stderr, "kpi: warning: … and {} more with the wrong number of fields\n",
               skipped.count - skipped.first.size());
  }
  if (skipped.count > 0) {
    fmt::print(stderr, "kpi: note: skipped {} record{}; --strict makes the first an error\n",
               skipped.count, skipped.count == 1 ? "" : "s");
  }
}

}  // namespace kpi::cli
