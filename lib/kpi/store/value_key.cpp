// SPDX-License-Identifier: MIT
#include "kpi/store/value_key.hpp"

#include <cstring>

#include "kpi/expr/value.hpp"

namespace kpi::store {

ValueKey ValueKey::of_bytes(std::string_view bytes) {
  // A text goes through of_text, which holds digits packed: the same value, the same key.
  if (!bytes.empty() && bytes[0] == static_cast<char>(expr::Value::Kind::Text)) {
    return of_text(bytes.substr(1));
  }
  ValueKey key;
  if (!bytes.empty()) {
    std::memcpy(key.words_, bytes.data(), bytes.size());
  }
  reinterpret_cast<unsigned char*>(key.words_)[kInlineBytes] =
      static_cast<unsigned char>(bytes.size());
  return key;
}

ValueKey ValueKey::of_id(std::uint32_t id) {
  ValueKey key;
  key.words_[0] = id;
  reinterpret_cast<unsigned char*>(key.words_)[kInlineBytes] = kIdMarker;
  return key;
}

ValueKey ValueKey::of_packed(std::uint64_t packed) {
  const auto marker = static_cast<unsigned char>(packed >> 56);
  const std::uint64_t rest = packed & 0x00FFFFFFFFFFFFFFULL;
  ValueKey key;
  if (marker == kIdMarker) {
    return of_id(static_cast<std::uint32_t>(rest));
  }
  if (marker & 0x80) {
    key.words_[0] = packed;
    key.words_[1] = std::uint64_t{kDigitsMarker} << 56;
    return key;
  }
  key.words_[0] = rest;
  reinterpret_cast<unsigned char*>(key.words_)[kInlineBytes] = marker;
  return key;
}

unsigned char ValueKey::length() const {
  return reinterpret_cast<const unsigned char*>(words_)[kInlineBytes];
}

std::string ValueKey::bytes() const {
  const unsigned char marker = length();
  if (marker == kIdMarker) {
    return {};
  }
  if (marker == kDigitsMarker) {
    const std::size_t size = (words_[0] >> 56) & 0x7F;
    std::string bytes(1, static_cast<char>(expr::Value::Kind::Text));
    for (std::size_t k = 0; k < size; ++k) {
      bytes.push_back(static_cast<char>('0' + ((words_[0] >> (4 * k)) & 0xF)));
    }
    return bytes;
  }
  return std::string(reinterpret_cast<const char*>(words_), marker);
}

}  // namespace kpi::store
