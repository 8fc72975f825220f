// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>
#include <utility>

#include "kpi/expr/value.hpp"

namespace kpi::engine {

/// A value as a 16-byte hash key: its kind-tagged bytes (see ValueInterner::bytes_of) held
/// inline when they fit in 15, else the id a ValueInterner gave them. Per-entity tables are
/// keyed by it, so a member number costs one hash lookup per row rather than an interning and
/// a lookup, and comparing two keys is comparing two words.
class ValueKey {
 public:
  static constexpr std::size_t kInlineBytes = 15;

  /// `bytes` must be at most kInlineBytes long.
  static ValueKey of_bytes(std::string_view bytes);
  static ValueKey of_id(std::uint32_t id);
  /// The key of a text value shorter than kInlineBytes: its kind tag, then the text.
  static ValueKey of_text(std::string_view text) {
    // Inline, with fixed-size copies: this runs for every row of a per-entity measure.
    unsigned char bytes[16] = {};
    bytes[0] = static_cast<unsigned char>(expr::Value::Kind::Text);
    const std::size_t size = text.size();
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

  bool is_id() const { return length() == kIdMarker; }
  std::uint32_t id() const { return static_cast<std::uint32_t>(words_[0]); }
  /// The inline bytes (empty for a key that is an id).
  std::string_view bytes() const;

  friend bool operator==(const ValueKey&, const ValueKey&) = default;
  template <typename State>
  friend State AbslHashValue(State state, const ValueKey& key) {
    return State::combine(std::move(state), key.words_[0], key.words_[1]);
  }

 private:
  static constexpr unsigned char kIdMarker = 0xFF;  // in the length byte: words_[0] is an id
  unsigned char length() const;

  std::uint64_t words_[2] = {0, 0};  // the bytes, then zeros, with their length in the last byte
};

}  // namespace kpi::engine
