// SPDX-License-Identifier: MIT
#include "kpi/csv/header.hpp"

#include <fmt/format.h>

#include <unordered_set>

#include "kpi/value/cell_text.hpp"

namespace kpi::csv {
namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

std::string clean_name(std::string_view field) {
  std::string_view name = trim_cell(field);
  while (name.starts_with(kByteOrderMark)) {
    name = trim_cell(name.substr(kByteOrderMark.size()));
  }
  return std::string(name);
}

}  // namespace

Header normalize_header(std::span<const std::string_view> fields) {
  Header header;
  std::unordered_set<std::string> taken;
  for (std::string_view field : fields) {
    taken.insert(clean_name(field));
  }
  std::unordered_set<std::string> used;
  for (std::size_t index = 0; index < fields.size(); ++index) {
    const std::string original = clean_name(fields[index]);
    std::string name = original.empty() ? fmt::format("column_{}", index + 1) : original;
    for (int copy = 2; used.contains(name) || (name != original && taken.contains(name)); ++copy) {
      name = fmt::format("{}_{}", original.empty() ? fmt::format("column_{}", index + 1) : original,
                         copy);
    }
    if (name != original) {
      header.renames.push_back({index + 1, original, name});
    }
    used.insert(name);
    header.names.push_back(std::move(name));
  }
  return header;
}

}  // namespace kpi::csv
