// SPDX-License-Identifier: MIT
// Reads an export through kpi::csv::Reader and reports throughput. Not a test: figures vary
// with the machine; see tests/bench/README.md.
#include <fmt/format.h>

#include <chrono>
#include <filesystem>

#include "kpi/csv/reader.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    fmt::print(stderr, "usage: reader_bench FILE\n");
    return 2;
  }
  const auto start = std::chrono::steady_clock::now();
  const auto reader = kpi::csv::Reader::open(argv[1], {});
  std::uint64_t records = 0, field_bytes = 0;
  kpi::csv::Record record;
  while (reader->next(record)) {
    ++records;
    for (std::string_view field : record.fields) {
      field_bytes += field.size();  // touch every field, as a consumer would
    }
  }
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
  const double megabytes = static_cast<double>(std::filesystem::file_size(argv[1])) / 1e6;
  fmt::print(
      "reader: {} ({}), {} records, {:.0f} MB in {:.3f} s: {:.0f} MB/s, {:.2f} M rows/s "
      "({} field bytes)\n",
      argv[1], reader->dialect().encoding.describe(), records, megabytes, elapsed.count(),
      megabytes / elapsed.count(), records / elapsed.count() / 1e6, field_bytes);
  return 0;
}
