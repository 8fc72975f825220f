// SPDX-License-Identifier: MIT
#include "kpi/engine/value_key.hpp"

#include <cstring>

#include "kpi/expr/value.hpp"

namespace kpi::engine {

ValueKey ValueKey::of_bytes(std::string_view bytes) {
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

unsigned char ValueKey::length() const {
  return reinterpret_cast<const unsigned char*>(words_)[kInlineBytes];
}

std::string_view ValueKey::bytes() const {
  return is_id() ? std::string_view()
                 : std::string_view(reinterpret_cast<const char*>(words_), length());
}

}  // namespace kpi::engine
