// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

namespace kpi::csv {

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
  /// Bytes `begin` to `end` of a regular file, for reading a large file in parts.
  static std::unique_ptr<ByteInput> open_file_range(const std::string& path, std::uint64_t begin,
                                                    std::uint64_t end);
};

/// Reads until `size` bytes or the end of the input, whichever comes first.
std::size_t read_fully(ByteInput& input, char* buffer, std::size_t size);

}  // namespace kpi::csv
