// SPDX-License-Identifier: MIT
// Whether a KPI's value adds up: over the days of a period (pacing) and over the parts of a
// whole (the target cascade of a plan's tree).
#pragma once

#include <cstddef>

#include "kpi/library/compiled_library.hpp"
#include "kpi/library/library.hpp"

namespace kpi::app {

/// Whether a KPI's formula only adds, subtracts and multiplies by whole numbers sums and
/// counts of rows (directly or through other KPIs): an amount or a count, not a rate or an
/// average.
bool sums_and_counts(const library::Library& library, const library::CompiledLibrary& compiled,
                     std::size_t kpi);

}  // namespace kpi::app
