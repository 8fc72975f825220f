// SPDX-License-Identifier: MIT
#include "kpi/csv/utf8_blocks.hpp"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define KPI_UTF8_AVX2 1
#endif

namespace kpi::csv::detail {
namespace {

// The start of the character that holds byte `end - 1`, when that character runs past `end`;
// otherwise `end`. Everything before `end` is known to be valid up to such a cut.
std::size_t boundary_before(const unsigned char* bytes, std::size_t end) {
  std::size_t lead = end;
  while (lead > 0 && end - lead < 4) {
    --lead;
    const unsigned char byte = bytes[lead];
    if ((byte & 0xC0) == 0x80) {
      continue;  // a continuation byte: the lead is further back
    }
    const std::size_t length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1;
    return lead + length > end ? lead : end;
  }
  return end;
}

#ifdef KPI_UTF8_AVX2

// The lookup method of John Keiser and Daniel Lemire, "Validating UTF-8 In Less Than One
// Instruction Per Byte" (Software: Practice and Experience, 2021), as simdjson and simdutf
// use it; written here from the paper's description: each byte and the byte before it are
// classified by three 16-entry tables
// (the high and low nibble of the previous byte, the high nibble of this one). Each bit names
// one kind of error; a pair is wrong when all three tables agree on some bit. Continuation
// bytes that the third and fourth bytes of a sequence need are checked apart, from the bytes
// two and three back.
constexpr char kTooShort = 1 << 0;      // a lead or ASCII byte where a continuation must come
constexpr char kTooLong = 1 << 1;       // a continuation byte after ASCII
constexpr char kOverlong3 = 1 << 2;     // E0 followed by 80..9F
constexpr char kTooLarge = 1 << 3;      // above U+10FFFF
constexpr char kSurrogate = 1 << 4;     // ED followed by A0..BF
constexpr char kOverlong2 = 1 << 5;     // C0 or C1
constexpr char kTooLarge1000 = 1 << 6;  // F5..FF followed by 80..8F
constexpr char kOverlong4 = 1 << 6;     // F0 followed by 80..8F
constexpr char kTwoConts = static_cast<char>(1 << 7);  // a continuation after a continuation
constexpr char kCarry = kTooShort | kTooLong | kTwoConts;

#define KPI_TWICE(...) _mm256_setr_epi8(__VA_ARGS__, __VA_ARGS__)

__attribute__((target("avx2"))) __m256i previous(__m256i input, __m256i before, int count) {
  const __m256i shifted = _mm256_permute2x128_si256(before, input, 0x21);
  switch (count) {
    case 1:
      return _mm256_alignr_epi8(input, shifted, 15);
    case 2:
      return _mm256_alignr_epi8(input, shifted, 14);
    default:
      return _mm256_alignr_epi8(input, shifted, 13);
  }
}

__attribute__((target("avx2"))) __m256i nibble_lookup(__m256i table, __m256i nibbles) {
  return _mm256_shuffle_epi8(table, _mm256_and_si256(nibbles, _mm256_set1_epi8(0x0F)));
}

__attribute__((target("avx2"))) __m256i block_errors(__m256i input, __m256i before) {
  const __m256i previous1 = previous(input, before, 1);
  const __m256i first_high = nibble_lookup(
      KPI_TWICE(kTooLong, kTooLong, kTooLong, kTooLong, kTooLong, kTooLong, kTooLong, kTooLong,
                kTwoConts, kTwoConts, kTwoConts, kTwoConts, kTooShort | kOverlong2, kTooShort,
                kTooShort | kOverlong3 | kSurrogate,
                kTooShort | kTooLarge | kTooLarge1000 | kOverlong4),
      _mm256_srli_epi16(previous1, 4));
  constexpr char kLarge = kCarry | kTooLarge | kTooLarge1000;
  const __m256i first_low =
      nibble_lookup(KPI_TWICE(kCarry | kOverlong3 | kOverlong2 | kOverlong4, kCarry | kOverlong2,
                              kCarry, kCarry, kCarry | kTooLarge, kLarge, kLarge, kLarge, kLarge,
                              kLarge, kLarge, kLarge, kLarge, kLarge | kSurrogate, kLarge, kLarge),
                    previous1);
  constexpr char kAfter8 =
      kTooLong | kOverlong2 | kTwoConts | kOverlong3 | kTooLarge1000 | kOverlong4;
  constexpr char kAfter9 = kTooLong | kOverlong2 | kTwoConts | kOverlong3 | kTooLarge;
  constexpr char kAfterAB = kTooLong | kOverlong2 | kTwoConts | kSurrogate | kTooLarge;
  const __m256i second_high =
      nibble_lookup(KPI_TWICE(kTooShort, kTooShort, kTooShort, kTooShort, kTooShort, kTooShort,
                              kTooShort, kTooShort, kAfter8, kAfter9, kAfterAB, kAfterAB, kTooShort,
                              kTooShort, kTooShort, kTooShort),
                    _mm256_srli_epi16(input, 4));
  const __m256i special = _mm256_and_si256(_mm256_and_si256(first_high, first_low), second_high);
  // Bytes two or three after a lead of a three- or four-byte sequence must be continuations.
  const __m256i third = _mm256_subs_epu8(previous(input, before, 2), _mm256_set1_epi8(0x60));
  const __m256i fourth = _mm256_subs_epu8(previous(input, before, 3), _mm256_set1_epi8(0x70));
  const __m256i needs_continuation =
      _mm256_and_si256(_mm256_or_si256(third, fourth), _mm256_set1_epi8(static_cast<char>(0x80)));
  return _mm256_xor_si256(needs_continuation, special);
}

// Nonzero when the block ends inside a sequence.
__attribute__((target("avx2"))) __m256i unfinished(__m256i input) {
  const char all = static_cast<char>(0xFF);
  const __m256i limits = _mm256_setr_epi8(
      all, all, all, all, all, all, all, all, all, all, all, all, all, all, all, all, all, all, all,
      all, all, all, all, all, all, all, all, all, all, static_cast<char>(0xF0 - 1),
      static_cast<char>(0xE0 - 1), static_cast<char>(0xC0 - 1));
  return _mm256_subs_epu8(input, limits);
}

#undef KPI_TWICE

// Two blocks a step, their errors tested together: one branch per 64 bytes. A step that
// fails is left to the caller whole; an ASCII step needs no tables, only the check that the
// step before did not leave a sequence unfinished (block_errors sees that otherwise).
__attribute__((target("avx2"))) std::size_t valid_prefix_avx2(const unsigned char* bytes,
                                                              std::size_t size) {
  constexpr std::size_t kStep = 64;
  __m256i before = _mm256_setzero_si256();
  __m256i before_unfinished = _mm256_setzero_si256();
  std::size_t position = 0;
  for (; position + kStep <= size; position += kStep) {
    const __m256i low = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(bytes + position));
    const __m256i high =
        _mm256_loadu_si256(reinterpret_cast<const __m256i*>(bytes + position + 32));
    __m256i errors = before_unfinished;
    if (_mm256_movemask_epi8(_mm256_or_si256(low, high)) != 0) {
      errors = _mm256_or_si256(block_errors(low, before), block_errors(high, low));
      before_unfinished = unfinished(high);
    } else {
      before_unfinished = _mm256_setzero_si256();
    }
    if (!_mm256_testz_si256(errors, errors)) {
      break;
    }
    before = high;
  }
  return boundary_before(bytes, position);
}

bool has_avx2() {
  static const bool supported = __builtin_cpu_supports("avx2");
  return supported;
}

#endif

}  // namespace

std::size_t valid_utf8_prefix([[maybe_unused]] const unsigned char* bytes,
                              [[maybe_unused]] std::size_t size) {
#ifdef KPI_UTF8_AVX2
  if (has_avx2()) {
    return valid_prefix_avx2(bytes, size);
  }
#endif
  return 0;
}

}  // namespace kpi::csv::detail
