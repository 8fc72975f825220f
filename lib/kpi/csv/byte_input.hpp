// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

namespace kpi::csv {

/// A regular file opened once: every range of it is read through this one descriptor, so a
/// file moved to the same name during a read (an export replaced with `mv`) is never mixed in.
class OpenFile {
 public:
  /// Throws kpi::Error ("data.open") naming the file and the reason.
  static std::shared_ptr<const OpenFile> open(const std::string& path);
  OpenFile(std::string path, int descriptor, std::uint64_t size);
  OpenFile(const OpenFile&) = delete;
  OpenFile& operator=(const OpenFile&) = delete;
  ~OpenFile();

  const std::string& path() const { return path_; }
  int descriptor() const { return descriptor_; }
  /// The size when it was opened: the bytes its ranges cover.
  std::uint64_t size() const { return size_; }
  /// Throws kpi::Error ("data.changed") when the file's size is no longer what it was when
  /// opened: something wrote to it during the read, so its parts may not belong together.
  void check_unchanged() const;

 private:
  std::string path_;
  int descriptor_;
  std::uint64_t size_;
};

/// Raw bytes of one export: a file, standard input, or (in tests) a string.
class ByteInput {
 public:
  virtual ~ByteInput() = default;
  /// Reads up to `size` bytes; returns 0 at the end. Throws kpi::Error on a read failure.
  virtual std::size_t read(char* buffer, std::size_t size) = 0;

  /// Opens `path` read-only; "-" is standard input. Throws kpi::Error (code "data.open") naming
  /// the file and the reason when it is missing, unreadable or a directory.
  static std::unique_ptr<ByteInput> open_file(const std::string& path);
  static std::unique_ptr<ByteInput> from_string(std::string bytes);
  /// Bytes `begin` to `end` of an open regular file, for reading a large file in parts.
  static std::unique_ptr<ByteInput> open_range(std::shared_ptr<const OpenFile> file,
                                               std::uint64_t begin, std::uint64_t end);
};

/// Reads until `size` bytes or the end of the input, whichever comes first.
std::size_t read_fully(ByteInput& input, char* buffer, std::size_t size);

}  // namespace kpi::csv
