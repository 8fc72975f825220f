// SPDX-License-Identifier: MIT
#include "kpi/csv/reader.hpp"

#include <fmt/format.h>

#include <cstring>

#include "kpi/csv/decoder.hpp"
#include "kpi/csv/decoding_byte_source_internal.hpp"
#include "kpi/csv/dialect.hpp"
#include "kpi/csv/line_splitter.hpp"
#include "kpi/csv/record_splitter.hpp"

namespace kpi::csv {
namespace {

constexpr std::size_t kSampleBytes = 256 << 10;
constexpr std::size_t kSkippedExamples = 5;

// Best-effort UTF-8 of the sample, for sniffing only: decoding stops at the first bad byte.
std::string decode_sample(const Encoding& encoding, std::string_view sample, bool complete) {
  std::string decoded;
  make_decoder(encoding)->decode_appending(
      sample.substr(std::min(encoding.bom_length, sample.size())), complete, decoded);
  return decoded;
}

bool has_bare_cr_line_ends(std::string_view sample) {
  return sample.find('\n') == std::string_view::npos && sample.find('\r') != std::string_view::npos;
}

}  // namespace

struct Reader::State {
  std::string file;
  ReaderOptions options;
  Dialect dialect;
  Header header;
  std::vector<SampleRecord> sample;
  SkippedRecords skipped;
  detail::StreamFault fault;  // declared before the line reader, which writes to it
  std::unique_ptr<detail::LineSplitter> lines;
  RecordSplitter splitter{','};
  std::uint64_t line_number = 0;

  [[noreturn]] void fail(std::string code, std::uint64_t line, std::string message) const {
    throw Error({std::move(code),
                 std::move(message),
                 {file, line == 0 ? 0 : line + options.line_offset, 0}});
  }

  // The next physical line, or none at the end of the data.
  std::optional<std::string_view> next_line() {
    std::optional<std::string_view> line;
    try {
      line = lines->next();
    } catch (const detail::LineSplitter::LineTooLong&) {
      fail("data.line-too-long", line_number + 1,
           "line is longer than 16 MiB; kpicalc reads lines up to that length");
    }
    if (line) {
      ++line_number;
    }
    // The text stops at a fault, so the fault is on the last line: an unfinished one, or the
    // empty line after the last line feed.
    if (fault.is_set() && (!line || lines->at_end())) {
      fail("data.encoding", line ? line_number : line_number + 1, fault.message());
    }
    return line;
  }

  // Reads one record into the splitter; false at the end of the data.
  bool read_record(std::uint64_t& start_line) {
    // Most records are one line without quotes, found and split in one pass.
    if (const std::size_t used =
            splitter.split_line(lines->buffered(), detail::LineSplitter::kMaxLineBytes)) {
      lines->consume(used);
      start_line = ++line_number;
      return true;
    }
    std::optional<std::string_view> line;
    do {
      line = next_line();
      if (!line) {
        return false;
      }
    } while (line->empty());  // blank lines between records carry no data
    start_line = line_number;
    splitter.clear();
    while (!splitter.add_line(*line)) {
      if (splitter.size() > options.max_record_bytes) {
        fail("data.record-too-long", start_line,
             fmt::format("record is longer than {} MiB; a quoted field probably never closes",
                         options.max_record_bytes >> 20));
      }
      line = next_line();
      if (!line) {
        fail("data.unterminated-quote", start_line,
             fmt::format("the quoted field {} that starts on this line never closes",
                         describe_column(splitter.open_field_index())));
      }
    }
    return true;
  }

  std::string describe_column(std::size_t index) const {
    if (index < header.names.size()) {
      return fmt::format("in column {} \"{}\"", index + 1, header.names[index]);
    }
    return fmt::format("in column {}", index + 1);
  }

  void skip(std::uint64_t line, std::size_t field_count) {
    std::string message = fmt::format("record has {} field{} but the header has {}", field_count,
                                      field_count == 1 ? "" : "s", header.names.size());
    if (options.strict) {
      fail("data.field-count", line, std::move(message));
    }
    if (skipped.first.size() < kSkippedExamples) {
      skipped.first.push_back(
          {"data.field-count", std::move(message), {file, line + options.line_offset, 0}});
    }
    ++skipped.count;
  }
};

std::unique_ptr<Reader> Reader::open(const std::string& path, const ReaderOptions& options) {
  return open(ByteInput::open_file(path), path == "-" ? "<stdin>" : path, options);
}

std::unique_ptr<Reader> Reader::open(std::unique_ptr<ByteInput> input, std::string display_name,
                                     const ReaderOptions& options) {
  auto state = std::make_unique<State>();
  state->file = std::move(display_name);
  state->options = options;
  if (options.continues) {
    return continue_reading(std::move(input), std::move(state));
  }
  // 1. Look at the first bytes to settle the encoding, the line ends and the delimiter.
  std::string sample(kSampleBytes, '\0');
  sample.resize(read_fully(*input, sample.data(), sample.size()));
  const bool complete = sample.size() < kSampleBytes;
  Dialect& dialect = state->dialect;
  dialect.encoding = options.encoding.empty() ? detect_encoding(sample, complete)
                                              : named_encoding(options.encoding, sample);
  if (dialect.encoding.detected && dialect.encoding.name == "GB18030" &&
      !reads_as_chinese_gb18030(sample, complete)) {
    dialect.likely_encodings = likely_encodings(sample, complete, "GB18030");
  }
  const std::string decoded_sample = decode_sample(dialect.encoding, sample, complete);
  dialect.bare_cr_line_ends = has_bare_cr_line_ends(decoded_sample);
  dialect.delimiter_sniffed = !options.delimiter.has_value();
  dialect.delimiter = options.delimiter.value_or(sniff_delimiter(decoded_sample, complete));
  state->splitter = RecordSplitter(dialect.delimiter);
  // The sample's records, for what a column's cells hold: the decimal mark, the date order.
  state->sample = split_sample(decoded_sample, complete, dialect.delimiter);
  const std::size_t columns = state->sample.empty() ? 0 : state->sample.front().fields.size();
  if (!state->sample.empty()) {
    state->sample.erase(state->sample.begin());  // the header
  }
  std::erase_if(state->sample, [&](SampleRecord& record) {
    record.line += options.line_offset;
    return record.fields.size() != columns;
  });
  if (options.decimal) {
    dialect.decimal = *options.decimal;
    dialect.decimal_given = true;
  } else {
    DecimalSniff sniff = sniff_decimal(state->sample, columns, dialect.delimiter);
    dialect.decimal = sniff.decimal;
    dialect.decimal_sniffed = sniff.comma_detected;
    dialect.unclear_decimal_columns = std::move(sniff.unclear_columns);
  }
  // 2. Stream the rest through the decoder into the line reader.
  auto source = std::make_unique<detail::DecodingByteSource>(
      std::move(input), std::move(sample),
      detail::DecodingByteSource::Settings{dialect.encoding, dialect.bare_cr_line_ends, 0},
      state->fault);
  state->lines = std::make_unique<detail::LineSplitter>(std::move(source));
  // 3. The first record is the header.
  std::uint64_t header_line = 0;
  if (!state->read_record(header_line)) {
    state->fail("data.empty", 0, "the file is empty; expected a header line with column names");
  }
  state->header = normalize_header(state->splitter.fields());
  return std::unique_ptr<Reader>(new Reader(std::move(state)));
}

std::unique_ptr<Reader> Reader::continue_reading(std::unique_ptr<ByteInput> input,
                                                 std::unique_ptr<State> state) {
  const Continuation& first_part = *state->options.continues;
  state->dialect = first_part.dialect;
  state->dialect.encoding.bom_length = 0;  // only the file's start has one
  state->header = first_part.header;
  state->splitter = RecordSplitter(state->dialect.delimiter);
  auto source = std::make_unique<detail::DecodingByteSource>(
      std::move(input), std::string(),
      detail::DecodingByteSource::Settings{
          state->dialect.encoding, state->dialect.bare_cr_line_ends, first_part.byte_offset},
      state->fault);
  state->lines = std::make_unique<detail::LineSplitter>(std::move(source));
  return std::unique_ptr<Reader>(new Reader(std::move(state)));
}

Reader::Reader(std::unique_ptr<State> state) : state_(std::move(state)) {}
Reader::~Reader() = default;

const std::string& Reader::file() const { return state_->file; }
const Dialect& Reader::dialect() const { return state_->dialect; }
const Header& Reader::header() const { return state_->header; }
const std::vector<SampleRecord>& Reader::sample() const { return state_->sample; }
const SkippedRecords& Reader::skipped() const { return state_->skipped; }
std::uint64_t Reader::lines_read() const { return state_->line_number; }

bool Reader::next(Record& record) {
  State& state = *state_;
  std::uint64_t line = 0;
  while (state.read_record(line)) {
    record.fields = state.splitter.fields();
    if (record.fields.size() == state.header.names.size()) {
      record.line = line + state.options.line_offset;
      return true;
    }
    state.skip(line, record.fields.size());
  }
  return false;
}

}  // namespace kpi::csv
