// SPDX-License-Identifier: MIT
#include "kpi/csv/byte_input.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "kpi/core/diagnostic.hpp"

namespace kpi::csv {
namespace {

[[noreturn]] void fail(const std::string& path, std::string_view what, int error_number) {
  throw Error({"data.open",
               fmt::format("cannot {}: {}", what, std::strerror(error_number)),
               {path == "-" ? "<stdin>" : path}});
}

// Calls `read` (which returns what read(2) does) again when a signal interrupts it.
template <typename Read>
std::size_t read_retrying(const std::string& path, const Read& read) {
  for (;;) {
    const ssize_t count = read();
    if (count >= 0) {
      return static_cast<std::size_t>(count);
    }
    if (errno != EINTR) {
      fail(path, "read", errno);
    }
  }
}

class FileInput final : public ByteInput {
 public:
  FileInput(std::string path, int descriptor, bool owned)
      : path_(std::move(path)), descriptor_(descriptor), owned_(owned) {}
  FileInput(const FileInput&) = delete;
  FileInput& operator=(const FileInput&) = delete;
  ~FileInput() override {
    if (owned_) {
      ::close(descriptor_);
    }
  }

  std::size_t read(char* buffer, std::size_t size) override {
    return read_retrying(path_, [&] { return ::read(descriptor_, buffer, size); });
  }

 private:
  std::string path_;
  int descriptor_;
  bool owned_;
};

class FileRangeInput final : public ByteInput {
 public:
  FileRangeInput(std::shared_ptr<const OpenFile> file, std::uint64_t begin, std::uint64_t end)
      : file_(std::move(file)), position_(begin), end_(end) {}

  std::size_t read(char* buffer, std::size_t size) override {
    size = static_cast<std::size_t>(std::min<std::uint64_t>(size, end_ - position_));
    const std::size_t count = read_retrying(file_->path(), [&] {
      return ::pread(file_->descriptor(), buffer, size, static_cast<off_t>(position_));
    });
    position_ += count;
    return count;
  }

 private:
  std::shared_ptr<const OpenFile> file_;
  std::uint64_t position_, end_;
};

class StringInput final : public ByteInput {
 public:
  explicit StringInput(std::string bytes) : bytes_(std::move(bytes)) {}
  std::size_t read(char* buffer, std::size_t size) override {
    const std::size_t count = std::min(size, bytes_.size() - position_);
    std::memcpy(buffer, bytes_.data() + position_, count);
    position_ += count;
    return count;
  }

 private:
  std::string bytes_;
  std::size_t position_ = 0;
};

}  // namespace

std::unique_ptr<ByteInput> ByteInput::open_file(const std::string& path) {
  if (path == "-") {
    return std::make_unique<FileInput>(path, STDIN_FILENO, false);
  }
  const int descriptor = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (descriptor < 0) {
    fail(path, "open", errno);
  }
  struct stat status {};
  if (::fstat(descriptor, &status) == 0 && S_ISDIR(status.st_mode)) {
    ::close(descriptor);
    fail(path, "read", EISDIR);
  }
  return std::make_unique<FileInput>(path, descriptor, true);
}

std::unique_ptr<ByteInput> ByteInput::open_range(std::shared_ptr<const OpenFile> file,
                                                 std::uint64_t begin, std::uint64_t end) {
  return std::make_unique<FileRangeInput>(std::move(file), begin, end);
}

std::shared_ptr<const OpenFile> OpenFile::open(const std::string& path) {
  const int descriptor = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (descriptor < 0) {
    fail(path, "open", errno);
  }
  struct stat status {};
  if (::fstat(descriptor, &status) != 0) {
    const int error_number = errno;
    ::close(descriptor);
    fail(path, "read", error_number);
  }
  return std::make_shared<const OpenFile>(path, descriptor,
                                          static_cast<std::uint64_t>(status.st_size));
}

OpenFile::OpenFile(std::string path, int descriptor, std::uint64_t size)
    : path_(std::move(path)), descriptor_(descriptor), size_(size) {}

OpenFile::~OpenFile() { ::close(descriptor_); }

void OpenFile::check_unchanged() const {
  struct stat status {};
  if (::fstat(descriptor_, &status) == 0 && static_cast<std::uint64_t>(status.st_size) == size_) {
    return;
  }
  throw Error({"data.changed",
               fmt::format("the file changed while it was read ({} bytes when opened, {} now); "
                           "run again once it is complete",
                           size_, static_cast<std::uint64_t>(status.st_size)),
               {path_}});
}

std::unique_ptr<ByteInput> ByteInput::from_string(std::string bytes) {
  return std::make_unique<StringInput>(std::move(bytes));
}

std::size_t read_fully(ByteInput& input, char* buffer, std::size_t size) {
  std::size_t total = 0;
  while (total < size) {
    const std::size_t count = input.read(buffer + total, size - total);
    if (count == 0) {
      break;
    }
    total += count;
  }
  return total;
}

}  // namespace kpi::csv
