// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kpi/core/diagnostic.hpp"
#include "kpi/csv/byte_input.hpp"
#include "kpi/csv/dialect.hpp"
#include "kpi/csv/encoding.hpp"
#include "kpi/csv/encoding_guess.hpp"
#include "kpi/csv/header.hpp"

namespace kpi::csv {

/// How the file was read, and whether each setting was detected or given.
struct Dialect {
  Encoding encoding;
  char delimiter = ',';
  bool delimiter_sniffed = false;
  bool bare_cr_line_ends = false;
  /// The decimal mark of the file's numbers: given, detected from the sample (a decimal comma
  /// in a file not separated by commas, see sniff_decimal), or '.'.
  char decimal = '.';
  bool decimal_given = false;
  bool decimal_sniffed = false;
  /// Columns (0-based) whose sample numbers all read as different numbers with a decimal
  /// point and a decimal comma ("1,250") while nothing else in the file tells which it is.
  std::vector<std::size_t> unclear_decimal_columns;
  /// When GB18030 was detected but the first bytes do not read as Chinese in it: the
  /// encodings they read well in, best first (see likely_encodings).
  std::vector<EncodingGuess> likely_encodings;
};

/// What a reader of a later part of a file takes from the reader of its first part: the input
/// then starts at a record boundary, has no header, and its line numbers count from its start.
struct Continuation {
  Dialect dialect;
  Header header;
  std::uint64_t byte_offset = 0;  ///< where the part starts in the file
};

struct ReaderOptions {
  std::string encoding;           ///< empty: detect; otherwise any name named_encoding() takes
  std::optional<char> delimiter;  ///< unset: sniff
  std::optional<char> decimal;    ///< unset: sniff (see Dialect::decimal)
  /// A record with the wrong number of fields is an error instead of being skipped and counted.
  bool strict = false;
  /// A record longer than this is an error (it is almost always a quote that never closes).
  std::size_t max_record_bytes = std::size_t{64} << 20;
  /// Added to every line number reported, for a CSV embedded in another file (a plan inline
  /// in the KPI library).
  std::uint64_t line_offset = 0;
  std::optional<Continuation> continues;
};

/// One record: its fields, and the physical line it starts on (1-based, the header is line 1
/// unless blank lines precede it). The views stay valid until the next call to next().
struct Record {
  std::uint64_t line = 0;
  std::span<const std::string_view> fields;
};

/// Records skipped because their field count differs from the header's.
struct SkippedRecords {
  std::uint64_t count = 0;
  std::vector<Diagnostic> first;  ///< the first few, with their line numbers
};

/// Reads a delimited text export record by record, header first: detects its encoding and
/// delimiter, decodes it to UTF-8, and splits it with RFC 4180 quoting. Fatal problems
/// (unreadable file, invalid bytes, unterminated quote, an over-long line) throw kpi::Error with
/// the file and line; blank lines between records are ignored.
class Reader {
 public:
  /// `display_name` is how messages name the input ("<stdin>" for "-").
  static std::unique_ptr<Reader> open(const std::string& path, const ReaderOptions& options);
  static std::unique_ptr<Reader> open(std::unique_ptr<ByteInput> input, std::string display_name,
                                      const ReaderOptions& options);
  ~Reader();

  const std::string& file() const;
  const Dialect& dialect() const;
  const Header& header() const;
  /// The records (after the header) of the file's first 256 KiB that have as many fields as
  /// the header, for sniffing what each column holds; empty for a later part of a file.
  const std::vector<SampleRecord>& sample() const;
  /// The next record with as many fields as the header, or false at the end.
  bool next(Record& record);
  const SkippedRecords& skipped() const;
  /// Physical lines read so far (after the last record: all of the input's lines).
  std::uint64_t lines_read() const;

 private:
  struct State;
  explicit Reader(std::unique_ptr<State> state);
  static std::unique_ptr<Reader> continue_reading(std::unique_ptr<ByteInput> input,
                                                  std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace kpi::csv
