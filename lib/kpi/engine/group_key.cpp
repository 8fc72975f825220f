// SPDX-License-Identifier: MIT
#include "kpi/engine/group_key.hpp"

namespace kpi::engine {

void encode_group_key(std::span<const std::string_view> values, std::string& key) {
  key.clear();
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i > 0) {
      key += '\0';
    }
    for (const char byte : values[i]) {
      if (byte == '\0' || byte == '\x01') {
        key += '\x01';
        key += byte == '\0' ? '\x01' : '\x02';
      } else {
        key += byte;
      }
    }
  }
}

std::vector<std::string> decode_group_key(std::string_view key) {
  std::vector<std::string> values(1);
  for (std::size_t i = 0; i < key.size(); ++i) {
    if (key[i] == '\0') {
      values.emplace_back();
    } else if (key[i] == '\x01' && i + 1 < key.size()) {
      values.back() += key[++i] == '\x01' ? '\0' : '\x01';
    } else {
      values.back() += key[i];
    }
  }
  return values;
}

}  // namespace kpi::engine
