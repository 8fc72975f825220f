// SPDX-License-Identifier: MIT
#include "kpi/csv/record_splitter.hpp"

#include <bit>
#include <cstdint>
#include <cstring>

namespace kpi::csv {

void RecordSplitter::clear() {
  in_quotes_ = false;
  views_line_ = false;
  text_.clear();
  field_start_ = 0;
  field_bounds_.clear();
}

bool RecordSplitter::add_line(std::string_view line) {
  // Most lines are whole records without quotes: their fields are views into the line.
  if (!in_quotes_ && field_bounds_.empty() &&
      std::memchr(line.data(), '"', line.size()) == nullptr) {
    split_unquoted(line);
    return true;
  }
  std::size_t position = 0;
  if (in_quotes_) {
    text_.push_back('\n');  // the line break belongs to the quoted field
    position = read_quoted(line, 0);
  } else {
    position = start_field(line, 0);
  }
  while (!in_quotes_) {
    // The unquoted rest of the field runs to the next delimiter or the end of the line.
    const void* found = std::memchr(line.data() + position, delimiter_, line.size() - position);
    const std::size_t end =
        found ? static_cast<std::size_t>(static_cast<const char*>(found) - line.data())
              : line.size();
    text_.append(line.substr(position, end - position));
    end_field();
    if (!found) {
      return true;
    }
    position = start_field(line, end + 1);
  }
  return false;
}

// A field that opens with a quote is read up to its closing quote.
std::size_t RecordSplitter::start_field(std::string_view line, std::size_t position) {
  if (position < line.size() && line[position] == '"') {
    in_quotes_ = true;
    return read_quoted(line, position + 1);
  }
  return position;
}

// Reads quoted text from `position` up to the closing quote, which it consumes; returns the
// position after it, or the end of the line with in_quotes_ still set.
std::size_t RecordSplitter::read_quoted(std::string_view line, std::size_t position) {
  for (;;) {
    const void* quote = std::memchr(line.data() + position, '"', line.size() - position);
    if (!quote) {
      text_.append(line.substr(position));
      return line.size();
    }
    const auto quote_position =
        static_cast<std::size_t>(static_cast<const char*>(quote) - line.data());
    text_.append(line.substr(position, quote_position - position));
    position = quote_position + 1;
    if (position < line.size() && line[position] == '"') {
      text_.push_back('"');
      ++position;
      continue;
    }
    in_quotes_ = false;
    return position;
  }
}

// Fields are short (a dozen bytes), so rather than a call per field, the line is scanned
// eight bytes at a time for delimiters: a byte equal to the delimiter becomes a zero byte,
// and each zero byte sets its high bit (exactly: no carry crosses bytes, unlike the shorter
// trick, which also flags the delimiter + 1 byte after a delimiter).
void RecordSplitter::split_unquoted(std::string_view line) {
  fields_.clear();
  views_line_ = true;
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  constexpr std::uint64_t kLow7 = 0x7F7F7F7F7F7F7F7FULL;
  const std::uint64_t pattern = kOnes * static_cast<unsigned char>(delimiter_);
  std::size_t start = 0;
  std::size_t position = 0;
  for (; position + 8 <= line.size(); position += 8) {
    std::uint64_t word;
    std::memcpy(&word, line.data() + position, sizeof word);
    const std::uint64_t zeroed = word ^ pattern;
    std::uint64_t matches = ~(((zeroed & kLow7) + kLow7) | zeroed | kLow7);
    while (matches != 0) {
      const std::size_t end = position + static_cast<std::size_t>(std::countr_zero(matches)) / 8;
      fields_.push_back(line.substr(start, end - start));
      start = end + 1;
      matches &= matches - 1;
    }
  }
  for (; position < line.size(); ++position) {
    if (line[position] == delimiter_) {
      fields_.push_back(line.substr(start, position - start));
      start = position + 1;
    }
  }
  fields_.push_back(line.substr(start));
}

void RecordSplitter::end_field() {
  field_bounds_.emplace_back(field_start_, text_.size() - field_start_);
  field_start_ = text_.size();
}

std::span<const std::string_view> RecordSplitter::fields() {
  if (views_line_) {
    return fields_;
  }
  fields_.clear();
  for (const auto& [offset, length] : field_bounds_) {
    fields_.emplace_back(text_.data() + offset, length);
  }
  return fields_;
}

}  // namespace kpi::csv
