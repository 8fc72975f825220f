// SPDX-License-Identifier: MIT
#pragma once

#include <memory>
#include <string>

#include "kpi/app/run_settings.hpp"
#include "kpi/engine/entity_list.hpp"
#include "kpi/library/compiled_library.hpp"

namespace kpi::app {

/// What `kpi list` is asked.
struct ListOptions {
  RunSettings run;
  std::string measure;  ///< a per-entity measure's name
  std::string period;   ///< as on the command line
  std::string by;       ///< a field, or several "store,channel"; "" for none
};

/// A finished run: the library (which the list points into) and the keys.
struct ListRun {
  std::unique_ptr<library::Library> library;
  library::CompiledLibrary compiled;
  time::Period period;
  engine::EntityList list;
};

/// Loads and checks the library, resolves the period, and lists the keys that pass the
/// measure's `having`. Throws a usage error ("usage.measure") for a name that is no measure
/// (with a suggestion) or a measure that is not per entity, and ("usage.by") for a breakdown
/// field the measure's source lacks.
ListRun run_list(const ListOptions& options);

}  // namespace kpi::app
