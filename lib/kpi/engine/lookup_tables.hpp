// SPDX-License-Identifier: MIT
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "kpi/engine/data_quality.hpp"
#include "kpi/engine/source_scanner.hpp"
#include "kpi/library/library.hpp"

namespace kpi::engine {

/// The files to read for a source (the library's, or those given with --data).
using FilesOf = std::function<std::vector<std::string>(const library::Source&)>;

/// The master tables of `source`'s needed lookup fields, each master read once however many
/// fields look into it; marks the lookups' keys in `needed`. A master table costs a pass of its
/// own and memory in proportion to its rows.
std::vector<LookupTable> load_lookups(const library::Library& library,
                                      const library::Source& source, std::vector<bool>& needed,
                                      const FilesOf& files_of, bool strict, DataQuality& quality);

}  // namespace kpi::engine
