// SPDX-License-Identifier: MIT
#include "kpi/library/breakdown.hpp"

namespace kpi::library {
namespace {

std::string_view trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(' ');
  if (first == std::string_view::npos) {
    return {};
  }
  return text.substr(first, text.find_last_not_of(' ') - first + 1);
}

}  // namespace

std::vector<std::string> breakdown_fields(std::string_view by) {
  std::vector<std::string> fields;
  if (trimmed(by).empty()) {
    return fields;
  }
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = by.find(',', start);
    fields.emplace_back(trimmed(by.substr(start, comma - start)));
    if (comma == std::string_view::npos) {
      return fields;
    }
    start = comma + 1;
  }
}

std::string breakdown_name(std::span<const std::string> fields) {
  std::string name;
  for (const std::string& field : fields) {
    name += name.empty() ? "" : ",";
    name += field;
  }
  return name;
}

}  // namespace kpi::library
