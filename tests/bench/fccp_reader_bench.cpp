// SPDX-License-Identifier: MIT
// The baseline of the reader benchmark: fast-cpp-csv-parser's LineReader (Debian's
// libfccp-dev), the reader the design card names, splitting each line at commas. It cannot
// read a line break inside quotes, nor decode GBK, so it is given the UTF-8 export only and
// does less work than kpi's reader; kpi's reader replaced it because it was slower even so.
// Not a test: see tests/bench/README.md.
#include <fmt/format.h>
#include <libfccp/csv.h>

#include <chrono>
#include <cstring>
#include <filesystem>

int main(int argc, char** argv) {
  if (argc != 2) {
    fmt::print(stderr, "usage: fccp_reader_bench FILE\n");
    return 2;
  }
  const auto start = std::chrono::steady_clock::now();
  io::LineReader lines(argv[1]);
  std::uint64_t records = 0, field_bytes = 0;
  while (char* line = lines.next_line()) {
    ++records;
    for (char* field = line;;) {  // touch every field, as kpi's reader bench does
      char* comma = std::strchr(field, ',');
      field_bytes +=
          comma == nullptr ? std::strlen(field) : static_cast<std::size_t>(comma - field);
      if (comma == nullptr) {
        break;
      }
      field = comma + 1;
    }
  }
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
  const double megabytes = static_cast<double>(std::filesystem::file_size(argv[1])) / 1e6;
  fmt::print(
      "fast-cpp-csv-parser LineReader: {}, {} lines, {:.0f} MB in {:.3f} s: {:.0f} MB/s, "
      "{:.2f} M rows/s ({} field bytes)\n",
      argv[1], records, megabytes, elapsed.count(), megabytes / elapsed.count(),
      records / elapsed.count() / 1e6, field_bytes);
  return 0;
}
