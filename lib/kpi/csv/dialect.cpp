// SPDX-License-Identifier: MIT
#include "kpi/csv/dialect.hpp"

#include <vector>

#include "kpi/csv/record_splitter.hpp"

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
