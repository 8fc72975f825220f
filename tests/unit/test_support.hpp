// SPDX-License-Identifier: MIT
// Helpers that keep the reader tests short: read an in-memory file, collect its records.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "kpi/csv/reader.hpp"

namespace kpi::test {

using Rows = std::vector<std::vector<std::string>>;

/// Opens `bytes` as a file named "test.csv".
std::unique_ptr<csv::Reader> open_bytes(std::string bytes, csv::ReaderOptions options = {});

/// Every record of `bytes`, header first.
Rows read_all(std::string bytes, csv::ReaderOptions options = {});

/// The text of the kpi::Error that reading all of `bytes` throws, or "" when none is thrown.
std::string read_error(std::string bytes, csv::ReaderOptions options = {});

/// A fresh folder under the system's temporary folder, removed with everything in it.
class TempDir {
 public:
  TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir();
  /// Writes `bytes` to `name` inside the folder and returns the file's path.
  std::string write(const std::string& name, const std::string& bytes) const;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

/// `utf8` (ASCII and BMP characters only) as UTF-16 in the given byte order, with a BOM.
std::string utf16_with_bom(const std::string& utf8, bool little_endian);

/// `utf8` re-encoded as GB18030 through iconv.
std::string to_gb18030(const std::string& utf8);

}  // namespace kpi::test
