// SPDX-License-Identifier: MIT
#include "kpi/csv/dialect.hpp"

#include <algorithm>
#include <vector>

#include "kpi/csv/record_splitter.hpp"
#include "kpi/value/number_parser.hpp"

namespace kpi::csv {
namespace {

constexpr std::size_t kRecordsToSniff = 50;

std::vector<std::string_view> split_lines(std::string_view sample, bool complete) {
  std::vector<std::string_view> lines;
  while (!sample.empty()) {
    const std::size_t end = sample.find('\n');
    if (end == std::string_view::npos) {
      if (complete) {
        lines.push_back(sample);  // a last line without a newline
      }
      break;
    }
    std::string_view line = sample.substr(0, end);
    if (line.ends_with('\r')) {
      line.remove_suffix(1);
    }
    lines.push_back(line);
    sample.remove_prefix(end + 1);
  }
  return lines;
}

// Field count of each complete record among the first lines.
std::vector<std::size_t> field_counts(const std::vector<std::string_view>& lines, char delimiter) {
  std::vector<std::size_t> counts;
  RecordSplitter splitter(delimiter);
  bool record_open = false;
  for (std::string_view line : lines) {
    if (!record_open && line.empty()) {
      continue;
    }
    if (!record_open) {
      splitter.clear();
    }
    record_open = !splitter.add_line(line);
    if (!record_open) {
      counts.push_back(splitter.fields().size());
      if (counts.size() == kRecordsToSniff) {
        break;
      }
    }
  }
  return counts;
}

}  // namespace

char sniff_delimiter(std::string_view sample, bool sample_is_complete) {
  const std::vector<std::string_view> lines = split_lines(sample, sample_is_complete);
  char best = ',';
  std::size_t best_agreeing = 0, best_width = 1;
  for (char candidate : kDelimiterCandidates) {
    const std::vector<std::size_t> counts = field_counts(lines, candidate);
    if (counts.empty() || counts.front() < 2) {
      continue;
    }
    std::size_t agreeing = 0;
    for (std::size_t count : counts) {
      agreeing += count == counts.front() ? 1 : 0;
    }
    // More records agreeing with the header wins; then the wider header.
    if (agreeing > best_agreeing || (agreeing == best_agreeing && counts.front() > best_width)) {
      best = candidate;
      best_agreeing = agreeing;
      best_width = counts.front();
    }
  }
  return best;
}

std::vector<SampleRecord> split_sample(std::string_view sample, bool sample_is_complete,
                                       char delimiter) {
  std::string with_line_feeds;
  if (sample.find('\n') == std::string_view::npos && sample.find('\r') != std::string_view::npos) {
    with_line_feeds = std::string(sample);  // bare-CR line ends
    std::replace(with_line_feeds.begin(), with_line_feeds.end(), '\r', '\n');
    sample = with_line_feeds;
  }
  std::vector<SampleRecord> records;
  RecordSplitter splitter(delimiter);
  bool record_open = false;
  std::uint64_t line_number = 0, start = 0;
  for (std::string_view line : split_lines(sample, sample_is_complete)) {
    ++line_number;
    if (!record_open && line.empty()) {
      continue;
    }
    if (!record_open) {
      splitter.clear();
      start = line_number;
    }
    record_open = !splitter.add_line(line);
    if (!record_open) {
      const auto fields = splitter.fields();
      records.push_back({start, std::vector<std::string>(fields.begin(), fields.end())});
    }
  }
  return records;
}

DecimalSniff sniff_decimal(const std::vector<SampleRecord>& records, std::size_t columns,
                           char delimiter) {
  DecimalSniff sniff;
  if (delimiter == ',') {
    return sniff;  // a decimal comma would need quotes in every number: not what exports do
  }
  struct Counts {
    std::uint64_t point = 0, comma = 0, ambiguous = 0;
  };
  std::vector<Counts> counts(columns);
  Counts file;
  for (const SampleRecord& record : records) {
    if (record.fields.size() != columns) {
      continue;
    }
    for (std::size_t column = 0; column < columns; ++column) {
      switch (decimal_evidence(record.fields[column])) {
        case DecimalEvidence::Point:
          ++counts[column].point;
          ++file.point;
          break;
        case DecimalEvidence::Comma:
          ++counts[column].comma;
          ++file.comma;
          break;
        case DecimalEvidence::Ambiguous:
          ++counts[column].ambiguous;
          ++file.ambiguous;
          break;
        case DecimalEvidence::None:
        case DecimalEvidence::Neutral:
          break;
      }
    }
  }
  sniff.comma_detected = file.comma > 0 && file.point == 0;
  sniff.decimal = sniff.comma_detected ? ',' : '.';
  const bool settled = (file.comma > 0) != (file.point > 0);
  for (std::size_t column = 0; column < columns; ++column) {
    const Counts& column_counts = counts[column];
    if (column_counts.ambiguous > 0 && column_counts.point == 0 && column_counts.comma == 0 &&
        !settled) {
      sniff.unclear_columns.push_back(column);
    }
  }
  return sniff;
}

std::string delimiter_name(char delimiter) {
  return delimiter == '\t' ? std::string("tab") : std::string{'\'', delimiter, '\''};
}

std::optional<char> delimiter_of(std::string_view spelling) {
  for (const DelimiterSpelling& known : kDelimiterSpellings) {
    if (known.spelling == spelling) {
      return known.delimiter;
    }
  }
  return std::nullopt;
}

}  // namespace kpi::csv
