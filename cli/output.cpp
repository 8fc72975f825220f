// SPDX-License-Identifier: MIT
#include "output.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "kpi/report/escape.hpp"
#include "progress.hpp"

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
  throw Error(
      {"data.write", fmt::format("cannot {}: {}", what, std::strerror(error_number)), {path}});
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

// The temporary files being written, for the signal handler: a run stopped by SIGTERM, SIGHUP,
// SIGINT or SIGQUIT while it writes removes them before it dies. Paths are copied into fixed
// buffers before the handler is installed, so the handler only calls unlink(2) and raise(3),
// which are async-signal-safe. SIGKILL cannot be caught: its temporary file stays.
// `kpi init --template beauty` writes 30 files at once (its library, plan, scores and sample
// exports), all or none.
constexpr std::size_t kMaxTemporaries = 64;
constexpr std::size_t kMaxTemporaryPath = 4096;
constexpr std::array<int, 4> kCleanupSignals = {SIGHUP, SIGINT, SIGQUIT, SIGTERM};
char temporary_paths[kMaxTemporaries][kMaxTemporaryPath];
volatile std::sig_atomic_t temporary_count = 0;

extern "C" void remove_temporaries_and_die(int signal_number) {
  for (std::sig_atomic_t i = 0; i < temporary_count; ++i) {
    ::unlink(temporary_paths[i]);
  }
  struct sigaction default_action {};
  default_action.sa_handler = SIG_DFL;
  sigemptyset(&default_action.sa_mask);
  ::sigaction(signal_number, &default_action, nullptr);
  ::raise(signal_number);  // delivered when the handler returns: the usual death by signal
}

// Installs the cleanup handlers for as long as it lives; the temporaries it registers are
// removed by a catchable termination signal.
class TemporaryGuard {
 public:
  TemporaryGuard() {
    temporary_count = 0;
    struct sigaction action {};
    action.sa_handler = remove_temporaries_and_die;
    sigemptyset(&action.sa_mask);
    for (int signal_number : kCleanupSignals) {
      sigaddset(&action.sa_mask, signal_number);
    }
    for (std::size_t i = 0; i < kCleanupSignals.size(); ++i) {
      ::sigaction(kCleanupSignals[i], nullptr, &previous_[i]);
      // A signal the caller ignores (nohup) stays ignored.
      if (previous_[i].sa_handler != SIG_IGN) {
        ::sigaction(kCleanupSignals[i], &action, nullptr);
      }
    }
  }
  TemporaryGuard(const TemporaryGuard&) = delete;
  TemporaryGuard& operator=(const TemporaryGuard&) = delete;
  ~TemporaryGuard() {
    for (std::size_t i = 0; i < kCleanupSignals.size(); ++i) {
      ::sigaction(kCleanupSignals[i], &previous_[i], nullptr);
    }
    temporary_count = 0;
  }

  // Creates the temporary file beside `target` (mkstemp) and registers it for cleanup.
  int create_beside(const std::string& target, std::string& temporary) {
    const std::filesystem::path path(target);
    temporary = (path.parent_path() / fmt::format(".{}.XXXXXX", path.filename().string())).string();
    const auto slot = static_cast<std::size_t>(temporary_count);
    if (slot >= kMaxTemporaries || temporary.size() >= kMaxTemporaryPath) {
      errno = ENAMETOOLONG;
      return -1;
    }
    char* buffer = temporary_paths[slot];
    std::memcpy(buffer, temporary.c_str(), temporary.size() + 1);
    // mkstemp fills in the buffer the handler reads, so the name is known as soon as it exists.
    sigset_t blocked, previous;
    sigemptyset(&blocked);
    for (int signal_number : kCleanupSignals) {
      sigaddset(&blocked, signal_number);
    }
    ::sigprocmask(SIG_BLOCK, &blocked, &previous);
    const int descriptor = ::mkstemp(buffer);
    const int error_number = errno;
    if (descriptor >= 0) {
      temporary_count = temporary_count + 1;
    }
    ::sigprocmask(SIG_SETMASK, &previous, nullptr);
    temporary = buffer;
    errno = error_number;
    return descriptor;
  }

 private:
  std::array<struct sigaction, kCleanupSignals.size()> previous_{};
};

// Writes `text` to a new temporary file beside `target`, synced and closed: nothing left of it
// on failure.
std::string write_temporary(TemporaryGuard& guard, const std::string& target,
                            std::string_view text) {
  std::string temporary;
  const int descriptor = guard.create_beside(target, temporary);
  if (descriptor < 0) {
    fail_file(target, "create a temporary file beside it", errno);
  }
  const bool written =
      write_all(descriptor, text) && ::fchmod(descriptor, 0644) == 0 && ::fsync(descriptor) == 0;
  const int error_number = errno;
  if (::close(descriptor) != 0 || !written) {
    const int close_error = errno;
    ::unlink(temporary.c_str());
    fail_file(target, "write", written ? close_error : error_number);
  }
  return temporary;
}

void replace_atomically(const std::string& path, std::string_view text) {
  TemporaryGuard guard;
  const std::string temporary = write_temporary(guard, path, text);
  if (::rename(temporary.c_str(), path.c_str()) != 0) {
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
  clear_progress();
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

void write_files_all_or_none(const std::vector<std::pair<std::string, std::string_view>>& files) {
  TemporaryGuard guard;
  std::vector<std::string> temporaries;
  const auto remove_temporaries = [&] {
    for (const std::string& temporary : temporaries) {
      ::unlink(temporary.c_str());
    }
  };
  try {
    for (const auto& [path, text] : files) {
      temporaries.push_back(write_temporary(guard, path, text));
    }
  } catch (const Error&) {
    remove_temporaries();
    throw;
  }
  // Every file is complete on disk: only renames are left, which need no space. Should one
  // fail, the files this call created are removed again (one it replaced cannot come back).
  std::vector<bool> existed;
  for (const auto& file : files) {
    struct stat status {};
    existed.push_back(::lstat(file.first.c_str(), &status) == 0);
  }
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (::rename(temporaries[i].c_str(), files[i].first.c_str()) != 0) {
      const int error_number = errno;
      for (std::size_t done = 0; done < i; ++done) {
        if (!existed[done]) {
          ::unlink(files[done].first.c_str());
        }
      }
      remove_temporaries();
      fail_file(files[i].first, "write", error_number);
    }
  }
}

// Messages quote cells of the data: their control characters are shown escaped, so that an
// ESC sequence in an export does not reach the terminal.
void print_error(const Diagnostic& diagnostic) {
  clear_progress();
  fmt::print(stderr, "kpi: error: {}\n", escape_controls(render(diagnostic)));
}

namespace {
bool quiet = false;  // -q: warnings and notes are not printed
}  // namespace

void set_quiet(bool on) { quiet = on; }

bool is_quiet() { return quiet; }

void print_warning(const Diagnostic& diagnostic) {
  clear_progress();
  if (!quiet) {
    fmt::print(stderr, "kpi: warning: {}\n", escape_controls(render(diagnostic)));
  }
}

void print_warning(std::string_view text) {
  clear_progress();
  if (!quiet) {
    fmt::print(stderr, "kpi: warning: {}\n", escape_controls(text));
  }
}

void print_note(const Diagnostic& diagnostic) {
  if (!quiet) {
    fmt::print(stderr, "kpi: note: {}\n", escape_controls(render(diagnostic)));
  }
}

void print_status(const std::vector<report::StatusLine>& lines) {
  clear_progress();
  if (quiet) {
    return;
  }
  for (const report::StatusLine& line : lines) {
    switch (line.kind) {
      case report::StatusLine::Kind::Warning:
        fmt::print(stderr, "kpi: warning: {}\n", escape_controls(line.text));
        break;
      case report::StatusLine::Kind::Note:
        fmt::print(stderr, "kpi: note: {}\n", escape_controls(line.text));
        break;
      case report::StatusLine::Kind::Detail:
        fmt::print(stderr, "  {}\n", escape_controls(line.text));
        break;
    }
  }
}

}  // namespace kpi::cli
