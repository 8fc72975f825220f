// SPDX-License-Identifier: MIT
#include "kpi/app/kpi_lookup.hpp"

#include <fmt/format.h>

#include <string>
#include <vector>

#include "kpi/core/diagnostic.hpp"
#include "kpi/core/did_you_mean.hpp"

namespace kpi::app {

std::size_t find_kpi(const library::CompiledLibrary& compiled, std::string_view name) {
  std::vector<std::string> ids;
  for (std::size_t k = 0; k < compiled.kpis.size(); ++k) {
    const library::Kpi& kpi = *compiled.kpis[k].definition;
    if (kpi.id == name || kpi.name == name) {
      return k;
    }
    ids.push_back(kpi.id);
  }
  throw Error({"usage.kpi",
               fmt::format("no KPI \"{}\" in the library{}", name, did_you_mean(name, ids)),
               {}});
}

}  // namespace kpi::app
