// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "kpi/expr/value.hpp"

namespace kpi::store {

/// A value as a 16-byte hash key: its kind-tagged bytes (see ValueInterner::bytes_of) held
/// inline when they fit in 15, else the id a ValueInterner gave them. Per-entity tables are
/// keyed by it, so a member number costs one hash lookup per row rather than an interning and
/// a lookup, and comparing two keys is comparing two words.
///
/// Most keys also fit in 8 bytes (`packed`), which halves a per-entity table's slots: texts
/// of up to 6 bytes, ids, and texts of 7 to 14 ASCII digits (member and phone numbers), whose
/// digits are held one per 4 bits. Such a text is always held that way, so that two equal
/// values always make equal keys.
class ValueKey {
 public:
  static constexpr std::size_t kInlineBytes = 15;

  /// `bytes` must be at most kInlineBytes long.
  static ValueKey of_bytes(std::string_view bytes);
  static ValueKey of_id(std::uint32_t id);
  /// The key of a text value shorter than kInlineBytes: its kind tag, then the text.
  static ValueKey of_text(std::string_view text) {
    // Inline, with fixed-size copies: this runs for every row of a per-entity measure.
    const std::size_t size = text.size();
    if (size >= kFirstDigitsSize) {
      if (const std::optional<std::uint64_t> digits = digits_of(text)) {
        ValueKey key;
        key.words_[0] = *digits;
        key.words_[1] = std::uint64_t{kDigitsMarker} << 56;
        return key;
      }
    }
    unsigned char bytes[16] = {};
    bytes[0] = static_cast<unsigned char>(expr::Value::Kind::Text);
    if (size >= 8) {  // two overlapping words
      std::memcpy(bytes + 1, text.data(), 8);
      std::memcpy(bytes + 1 + size - 8, text.data() + size - 8, 8);
    } else if (size >= 4) {
      std::memcpy(bytes + 1, text.data(), 4);
      std::memcpy(bytes + 1 + size - 4, text.data() + size - 4, 4);
    } else {
      for (std::size_t k = 0; k < size; ++k) {
        bytes[1 + k] = static_cast<unsigned char>(text[k]);
      }
    }
    bytes[kInlineBytes] = static_cast<unsigned char>(size + 1);
    ValueKey key;
    std::memcpy(key.words_, bytes, sizeof bytes);
    return key;
  }
  /// The key whose `packed()` is `packed`.
  static ValueKey of_packed(std::uint64_t packed);

  bool is_id() const { return length() == kIdMarker; }
  std::uint32_t id() const { return static_cast<std::uint32_t>(words_[0]); }
  /// The kind-tagged bytes (empty for a key that is an id).
  std::string bytes() const;

  /// The key in 8 bytes, when it fits in them: the top byte tells the form (a length up to
  /// 7 for bytes, 0x80 + the count of digits, or 0xFF for an id).
  std::optional<std::uint64_t> packed() const {
    const unsigned char marker = length();
    if (marker == kDigitsMarker) {
      return words_[0];
    }
    if (marker == kIdMarker) {
      return std::uint64_t{kIdMarker} << 56 | words_[0];
    }
    if (marker <= 7) {
      return std::uint64_t{marker} << 56 | words_[0];
    }
    return std::nullopt;
  }

  friend bool operator==(const ValueKey&, const ValueKey&) = default;
  template <typename State>
  friend State AbslHashValue(State state, const ValueKey& key) {
    return State::combine(std::move(state), key.words_[0], key.words_[1]);
  }

 private:
  // In the length byte: words_[0] is an id, or a text's digits and their count (packed).
  static constexpr unsigned char kIdMarker = 0xFF;
  static constexpr unsigned char kDigitsMarker = 0xFE;
  static constexpr std::size_t kFirstDigitsSize = 7;  // shorter texts pack as they are
  static constexpr std::size_t kLastDigitsSize = kInlineBytes - 1;

  /// A text of kFirstDigitsSize to kLastDigitsSize ASCII digits as its packed form: digit k in
  /// bits 4k to 4k + 3, the count in the top byte with 0x80.
  static std::optional<std::uint64_t> digits_of(std::string_view text) {
    const std::size_t size = text.size();
    if (size > kLastDigitsSize) {
      return std::nullopt;
    }
    // The digits, padded with '0' to 16 so that both words check and pack alike.
    unsigned char padded[16];
    std::memset(padded, '0', sizeof padded);
    if (size >= 8) {
      std::memcpy(padded, text.data(), 8);
      std::memcpy(padded + size - 8, text.data() + size - 8, 8);
    } else {
      std::memcpy(padded, text.data(), 4);
      std::memcpy(padded + size - 4, text.data() + size - 4, 4);
    }
    std::uint64_t low, high;
    std::memcpy(&low, padded, 8);
    std::memcpy(&high, padded + 8, 8);
    if (!all_digits(low) || !all_digits(high)) {
      return std::nullopt;
    }
    return (std::uint64_t{0x80} | size) << 56 | nibbles_of(low) | nibbles_of(high) << 32;
  }
  // Whether each of the word's 8 bytes is an ASCII digit ('0' is 0x30, '9' is 0x39).
  static bool all_digits(std::uint64_t word) {
    constexpr std::uint64_t kHigh = 0xF0F0F0F0F0F0F0F0ULL, kDigitHigh = 0x3030303030303030ULL;
    // After the first test each byte is at most 0x3F, so adding 6 carries into no other.
    return (word & kHigh) == kDigitHigh && ((word + 0x0606060606060606ULL) & kHigh) == kDigitHigh;
  }
  // The low 4 bits of each of the word's bytes, byte k's in bits 4k to 4k + 3.
  static std::uint64_t nibbles_of(std::uint64_t word) {
    word &= 0x0F0F0F0F0F0F0F0FULL;
    word = (word | word >> 4) & 0x00FF00FF00FF00FFULL;
    word = (word | word >> 8) & 0x0000FFFF0000FFFFULL;
    return (word | word >> 16) & 0x00000000FFFFFFFFULL;
  }
  unsigned char length() const;

  std::uint64_t words_[2] = {0, 0};  // the bytes, then zeros, with their length in the last byte
};

}  // namespace kpi::store
