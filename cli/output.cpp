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
namespace {

// Set when the process started with standard output closed (`kpi … >&-`): descriptor 1 then
// holds /dev/null so that no export opened later takes its number, and writing fails.
bool stdout_was_closed = false;

[[noreturn]] void fail_stdout(int error_number) {
  throw Error({"data.write",
               fmt::format("cannot write to standard output: {}", std::strerror(error_number)),
               {}});
}

[[noreturn]] void fail_file(const std::string& path, const char* what, int error_number) {
  throw Error({"data.write", fmt::format("cannot {}: {}", what, std::strerror(error_number)),
               {path}});
}

// Writes all of `text` to `descriptor`, retrying after signals; false (errno set) on failure.
bool write_all(int descriptor, std::string_view text) {
  std::size_t written = 0;
  while (written < text.size()) {
    const ssize_t count = ::write(descriptor, text.data() + written, text.size() - written);
    if (count < 0 && errno == EINTR) {
      continue;
    }
    if (count <= 0) {
      errno = count == 0 ? EIO : errno;
      return false;
    }
    written += static_cast<std::size_t>(count);
  }
  return true;
}

// The path a symbolic link finally names (relative links resolved against their folder), so
// that the report replaces the link's target, not the link. Any other path is itself.
std::filesystem::path through_links(const std::filesystem::path& path) {
  std::filesystem::path current = path;
  for (int hops = 0; hops < 40; ++hops) {
    std::error_code error;
    if (!std::filesystem::is_symlink(std::filesystem::symlink_status(current, error))) {
      return current;
    }
    const std::filesystem::path target = std::filesystem::read_symlink(current, error);
    if (error) {
      return current;
    }
    current = target.is_absolute() ? target : current.parent_path() / target;
  }
  fail_file(path.string(), "follow its symbolic links", ELOOP);
}

// A device, a FIFO or a socket is written in place: renaming over it would replace the node.
void write_in_place(const std::string& path, std::string_view text) {
  const int descriptor = ::open(path.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
  if (descriptor < 0) {
    fail_file(path, "open", errno);
  }
  if (!write_all(descriptor, text)) {
    const int error_number = errno;
    ::close(descriptor);
    fail_file(path, "write", error_number);
  }
  if (::close(descriptor) != 0) {
    fail_file(path, "write", errno);
  }
}

void replace_atomically(const std::string& path, std::string_view text) {
  const std::filesystem::path target(path);
  std::string temporary =
      (target.parent_path() / fmt::format(".{}.XXXXXX", target.filename().string())).string();
  const int descriptor = ::mkstemp(temporary.data());
  if (descriptor < 0) {
    fail_file(path, "create a temporary file beside it", errno);
  }
  if (!write_all(descriptor, text)) {
    const int error_number = errno;
    ::close(descriptor);
    ::unlink(temporary.c_str());
    fail_file(path, "write", error_number);
  }
  ::fchmod(descriptor, 0644);
  if (::fsync(descriptor) != 0 || ::close(descriptor) != 0 ||
      ::rename(temporary.c_str(), path.c_str()) != 0) {
    const int error_number = errno;
    ::unlink(temporary.c_str());
    fail_file(path, "write", error_number);
  }
}

}  // namespace

void guard_standard_output() {
  if (::fcntl(STDOUT_FILENO, F_GETFD) == -1 && errno == EBADF) {
    stdout_was_closed = true;
    const int placeholder = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
    if (placeholder >= 0 && placeholder != STDOUT_FILENO) {
      ::dup2(placeholder, STDOUT_FILENO);
      ::close(placeholder);
    }
  }
}

void write_stdout(std::string_view text) {
  if (stdout_was_closed) {
    fail_stdout(EBADF);
  }
  errno = 0;
  if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size() || std::ferror(stdout)) {
    fail_stdout(errno != 0 ? errno : EIO);
  }
}

void flush_stdout() {
  errno = 0;
  if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
    fail_stdout(errno != 0 ? errno : EIO);
  }
}

void write_file_atomically(const std::string& path, std::string_view text) {
  const std::string target = through_links(path).string();
  struct stat status {};
  if (::stat(target.c_str(), &status) == 0 && !S_ISREG(status.st_mode)) {
    if (S_ISDIR(status.st_mode)) {
      fail_file(path, "write the report", EISDIR);
    }
    write_in_place(target, text);
    return;
  }
  replace_atomically(target, text);
}

void print_error(const Diagnostic& diagnostic) {
  fmt::print(stderr, "kpi: error: {}\n", render(diagnostic));
}

void print_warning(const Diagnostic& diagnostic) {
  fmt::print(stderr, "kpi: warning: {}\n", render(diagnostic));
}

void print_status(const std::vector<report::StatusLine>& lines) {
  for (const report::StatusLine& line : lines) {
    switch (line.kind) {
      case report::StatusLine::Kind::Warning:
        fmt::print(stderr, "kpi: warning: {}\n", line.text);
        break;
      case report::StatusLine::Kind::Note:
        fmt::print(stderr, "kpi: note: {}\n", line.text);
        break;
      case report::StatusLine::Kind::Detail:
        fmt::print(stderr, "  {}\n", line.text);
        break;
    }
  }
}

}  // namespace kpi::cli
