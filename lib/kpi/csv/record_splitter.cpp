// SPDX-License-Identifier: MIT
#include "kpi/csv/record_splitter.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>

#ifdef __SSE2__
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define KPI_SPLIT_AVX2 1
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
      out = grow_fields(out, 17);
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

std::string_view* RecordSplitter::grow_fields(std::string_view* out, std::size_t count) {
  const auto written = static_cast<std::size_t>(out - fields_.data());
  fields_.resize(std::max(2 * fields_.size(), written + count));
  return fields_.data() + written;
}

namespace {

constexpr std::size_t kChunkBytes = 64;

// Which of 64 bytes are delimiters, quotes and line feeds, one bit each.
struct ChunkMasks {
  std::uint64_t delimiters = 0, quotes = 0, feeds = 0;
};

// The masks 16 bytes at a time (SSE2, part of every x86-64), or a byte at a time elsewhere.
struct PortableMasks {
  static ChunkMasks of(const char* chunk, char delimiter) {
    ChunkMasks masks;
#ifdef __SSE2__
    const __m128i delimiter_bytes = _mm_set1_epi8(delimiter);
    const __m128i quote_bytes = _mm_set1_epi8('"');
    const __m128i feed_bytes = _mm_set1_epi8('\n');
    for (std::size_t offset = 0; offset < kChunkBytes; offset += 16) {
      const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(chunk + offset));
      const auto mask = [&](__m128i wanted) {
        return static_cast<std::uint64_t>(
                   static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, wanted))))
               << offset;
      };
      masks.delimiters |= mask(delimiter_bytes);
      masks.quotes |= mask(quote_bytes);
      masks.feeds |= mask(feed_bytes);
    }
#else
    for (std::size_t offset = 0; offset < kChunkBytes; ++offset) {
      const std::uint64_t bit = std::uint64_t{1} << offset;
      masks.delimiters |= chunk[offset] == delimiter ? bit : 0;
      masks.quotes |= chunk[offset] == '"' ? bit : 0;
      masks.feeds |= chunk[offset] == '\n' ? bit : 0;
    }
#endif
    return masks;
  }
};

#ifdef KPI_SPLIT_AVX2
// The same 32 bytes at a time: half the compares and moves of SSE2's (W at 10 M rows:
// split_line 14 % → 12 % of the CPU).
[[gnu::target("avx2")]] std::uint64_t avx2_mask(__m256i low, __m256i high, char wanted) {
  const __m256i wanted_bytes = _mm256_set1_epi8(wanted);
  const auto low_bits =
      static_cast<std::uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(low, wanted_bytes)));
  const auto high_bits =
      static_cast<std::uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(high, wanted_bytes)));
  return static_cast<std::uint64_t>(high_bits) << 32 | low_bits;
}

struct Avx2Masks {
  [[gnu::target("avx2")]] static ChunkMasks of(const char* chunk, char delimiter) {
    const __m256i low = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(chunk));
    const __m256i high = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(chunk + 32));
    return {avx2_mask(low, high, delimiter), avx2_mask(low, high, '"'), avx2_mask(low, high, '\n')};
  }
};

bool has_avx2() {
  static const bool supported = __builtin_cpu_supports("avx2");
  return supported;
}
#endif

}  // namespace

RecordSplitter::RecordSplitter(char delimiter, Instructions instructions) : delimiter_(delimiter) {
#ifdef KPI_SPLIT_AVX2
  avx2_ = instructions == Instructions::Best && has_avx2();
#else
  (void)instructions;
#endif
}

std::size_t RecordSplitter::split_line(std::string_view text, std::size_t max_line) {
#ifdef KPI_SPLIT_AVX2
  if (avx2_) {
    return split_line_avx2(text, max_line);
  }
#endif
  return split_line_with<PortableMasks>(text, max_line);
}

#ifdef KPI_SPLIT_AVX2
// Flattened: the masks' AVX2 code can only be inlined into a function compiled for AVX2.
[[gnu::target("avx2"), gnu::flatten]] std::size_t RecordSplitter::split_line_avx2(
    std::string_view text, std::size_t max_line) {
  return split_line_with<Avx2Masks>(text, max_line);
}
#endif

// The line feed, the delimiters and any quote are found 64 bytes at a time, so a line costs a
// few mispredicted branches rather than one per 16 bytes, and the text is read once instead of
// once for the line feed and again for the fields.
template <typename Masks>
std::size_t RecordSplitter::split_line_with(std::string_view text, std::size_t max_line) {
  const char* const begin = text.data();
  std::string_view* out = fields_.data();
  std::size_t start = 0;     // the current field's first byte
  std::size_t position = 0;  // the next byte to look at
  while (position < text.size()) {
    const std::size_t left = text.size() - position;
    ChunkMasks masks;
    if (left >= kChunkBytes) {
      masks = Masks::of(begin + position, delimiter_);
    } else {
      // The last bytes of the text, padded with bytes that match nothing.
      char padded[kChunkBytes] = {};
      std::memcpy(padded, begin + position, left);
      masks = Masks::of(padded, delimiter_);
    }
    const std::uint64_t stops = masks.feeds | masks.quotes;
    const std::uint64_t before_stop =
        stops == 0 ? ~std::uint64_t{0} : (stops & (~stops + 1)) - 1;  // bits below the first
    std::uint64_t delimiters = masks.delimiters & before_stop;
    if (static_cast<std::size_t>(fields_.data() + fields_.size() - out) <= kChunkBytes) {
      out = grow_fields(out, kChunkBytes + 1);
    }
    while (delimiters != 0) {
      const std::size_t end = position + static_cast<std::size_t>(std::countr_zero(delimiters));
      *out++ = std::string_view(begin + start, end - start);
      start = end + 1;
      delimiters &= delimiters - 1;
    }
    if (stops == 0) {
      position += kChunkBytes;
      if (position >= max_line) {
        return 0;
      }
      continue;
    }
    std::size_t stop = position + static_cast<std::size_t>(std::countr_zero(stops));
    if (begin[stop] == '"') {
      // A whole field in quotes with no quote or line feed inside ("cash, card") is its inner
      // text; anything else (doubled quotes, text after the closing quote, a field over lines)
      // is add_line's.
      const std::size_t close = quoted_field_end(text, start, stop);
      if (close == 0 || close + 1 >= text.size() || close >= max_line) {
        return 0;
      }
      const char after = begin[close + 1];
      *out++ = std::string_view(begin + stop + 1, close - stop - 1);
      if (after == delimiter_) {
        start = position = close + 2;
        continue;
      }
      if (after == '\n') {
        stop = close + 1;
      } else if (after == '\r' && close + 2 < text.size() && begin[close + 2] == '\n') {
        stop = close + 2;
      } else {
        return 0;
      }
      return finish_line(out, stop, max_line);
    }
    // A carriage return before the line feed ends the line, not the field.
    const std::size_t line_end = stop > 0 && begin[stop - 1] == '\r' ? stop - 1 : stop;
    if (line_end == 0) {
      return 0;
    }
    *out++ = std::string_view(begin + start, line_end - start);
    return finish_line(out, stop, max_line);
  }
  return 0;
}

// The closing quote of a field that starts at `start` with the quote at `quote`, or 0 when
// the field is not a plain quoted one.
std::size_t RecordSplitter::quoted_field_end(std::string_view text, std::size_t start,
                                             std::size_t quote) {
  if (quote != start) {
    return 0;  // a quote inside a field
  }
  const char* const inner = text.data() + quote + 1;
  const auto* close = static_cast<const char*>(std::memchr(inner, '"', text.size() - quote - 1));
  if (close == nullptr ||
      std::memchr(inner, '\n', static_cast<std::size_t>(close - inner)) != nullptr) {
    return 0;
  }
  return static_cast<std::size_t>(close - text.data());
}

// Ends a split_line record whose line feed is at `feed`, with its fields before `out`.
std::size_t RecordSplitter::finish_line(const std::string_view* out, std::size_t feed,
                                        std::size_t max_line) {
  if (feed >= max_line) {
    return 0;
  }
  field_count_ = static_cast<std::size_t>(out - fields_.data());
  in_quotes_ = false;
  views_line_ = true;
  text_.clear();
  field_bounds_.clear();
  return feed + 1;
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
