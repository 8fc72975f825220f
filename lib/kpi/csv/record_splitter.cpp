// SPDX-License-Identifier: MIT
#include "kpi/csv/record_splitter.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

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
  if (!in_quotes_ && field_bounds_.empty() && split_unquoted(line)) {
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

// Fields are short (a dozen bytes), so rather than a call per field, the line is scanned 16
// bytes at a time (SSE2, or eight at a time in plain C++) for delimiters and quotes at once.
bool RecordSplitter::split_unquoted(std::string_view line) {
  // Room for 17 more fields is made before each block of 16 bytes (the vector only ever grows,
  // with the widest record), so fields are written without a capacity check each.
  std::string_view* out = fields_.data();
  std::string_view* room_end = out + fields_.size();
  const auto make_room = [&] {
    if (room_end - out < 17) {
      out = grow_fields(out);
      room_end = fields_.data() + fields_.size();
    }
  };
  const char* const text = line.data();
  std::size_t start = 0;
  std::size_t position = 0;
#ifdef __SSE2__
  const __m128i delimiter = _mm_set1_epi8(delimiter_);
  const __m128i quote = _mm_set1_epi8('"');
  for (; position + 16 <= line.size(); position += 16) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text + position));
    if (_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, quote)) != 0) {
      return false;
    }
    auto delimiters =
        static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, delimiter)));
    make_room();
    while (delimiters != 0) {
      const std::size_t end = position + static_cast<std::size_t>(std::countr_zero(delimiters));
      *out++ = std::string_view(text + start, end - start);
      start = end + 1;
      delimiters &= delimiters - 1;
    }
  }
#endif
  for (; position < line.size(); ++position) {
    if (text[position] == '"') {
      return false;
    }
    if (text[position] == delimiter_) {
      make_room();
      *out++ = std::string_view(text + start, position - start);
      start = position + 1;
    }
  }
  make_room();
  *out++ = std::string_view(text + start, line.size() - start);
  field_count_ = static_cast<std::size_t>(out - fields_.data());
  views_line_ = true;
  return true;
}

std::string_view* RecordSplitter::grow_fields(std::string_view* out) {
  const auto count = static_cast<std::size_t>(out - fields_.data());
  fields_.resize(std::max(2 * fields_.size(), count + 17));
  return fields_.data() + count;
}

void RecordSplitter::end_field() {
  field_bounds_.emplace_back(field_start_, text_.size() - field_start_);
  field_start_ = text_.size();
}

std::span<const std::string_view> RecordSplitter::fields() {
  if (!views_line_) {
    if (fields_.size() < field_bounds_.size()) {
      fields_.resize(field_bounds_.size());
    }
    for (std::size_t k = 0; k < field_bounds_.size(); ++k) {
      fields_[k] = std::string_view(text_.data() + field_bounds_[k].first, field_bounds_[k].second);
    }
    field_count_ = field_bounds_.size();
  }
  return {fields_.data(), field_count_};
}

}  // namespace kpi::csv
