// SPDX-License-Identifier: MIT
// libFuzzer target: any bytes through encoding detection, transcoding and record splitting.
// The first byte picks the options, so forced encodings and delimiters are explored too.
#include <cstddef>
#include <cstdint>
#include <string>

#include "kpi/core/diagnostic.hpp"
#include "kpi/csv/reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const char* const kEncodings[] = {"", "", "utf-8", "gb18030", "utf-16le", "utf-16be"};
  static const char kDelimiters[] = {0, ',', ';', '\t', '|', 0};
  const std::uint8_t choice = size > 0 ? data[0] : 0;
  kpi::csv::ReaderOptions options;
  options.encoding = kEncodings[choice % 6];
  if (kDelimiters[(choice / 6) % 6] != 0) {
    options.delimiter = kDelimiters[(choice / 6) % 6];
  }
  options.strict = (choice & 0x80) != 0;
  options.max_record_bytes = 1 << 16;
  std::string bytes(reinterpret_cast<const char*>(data), size);
  if (!bytes.empty()) {
    bytes.erase(0, 1);
  }
  try {
    const auto reader = kpi::csv::Reader::open(kpi::csv::ByteInput::from_string(std::move(bytes)),
                                               "fuzz.csv", options);
    kpi::csv::Record record;
    std::size_t total = 0;
    while (reader->next(record)) {
      for (std::string_view field : record.fields) {
        total += field.size();
      }
    }
    return total > 0 ? 0 : 0;
  } catch (const kpi::Error&) {
    return 0;  // a located error is a correct answer to bad bytes
  }
}
