// SPDX-License-Identifier: MIT
// `kpi init --from`: a library and a plan written from what `kpi inspect` detects in exports.
#pragma once

#include <string>
#include <vector>

#include "kpi/csv/column_profile.hpp"

namespace kpi::app {

struct StarterExport {
  std::string files;         ///< the export's path as the library names it (from its folder)
  csv::FileProfile profile;  ///< what inspect_file found in it
};

struct StarterFiles {
  std::string library;  ///< kpi.toml
  std::string plan;     ///< plan.csv
};

/// One source per export, with a field per column (named by ascii_name, typed as detected,
/// dated by the column recognise_roles finds); measures and KPIs for the sales, orders (or
/// rows), average ticket, distinct customers and repeat rate that the recognised columns
/// support, and commented suggestions for those they do not; a plan that scores the KPIs with
/// placeholder targets.
StarterFiles starter_files(const std::vector<StarterExport>& exports);

}  // namespace kpi::app
