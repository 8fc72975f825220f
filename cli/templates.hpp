// SPDX-License-Identifier: MIT
#pragma once

#include <string_view>
#include <utility>
#include <vector>

namespace kpi::cli {

/// A starter library: its files, as the examples/ folder of the same name (or
/// cli/templates/NAME) holds them.
struct Template {
  std::string_view name;
  std::string_view description;
  bool has_data = false;  ///< carries the exports its library reads, so it runs as written
  std::vector<std::pair<std::string_view, std::string_view>> files;  ///< file name, content
};

/// The templates built into the binary.
const std::vector<Template>& templates();

}  // namespace kpi::cli
