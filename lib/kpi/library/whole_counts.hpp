// SPDX-License-Identifier: MIT
// Which KPIs count whole things, so that they show no decimals unless `precision` says.
#pragma once

#include <vector>

#include "kpi/library/library.hpp"

namespace kpi::library {

/// Per KPI of `library`: whether its value is always a whole number of things. That is a KPI
/// whose formula only adds, subtracts, negates and multiplies counts (the `count` and
/// `count_distinct` measures, and KPIs of this kind, in any period: prev(), rolling(), all(), …)
/// and whole numbers, with abs(), min() and max() of them. A division, a sum or an average, a
/// fraction (`0.5`, `35%`) or a KPI in a reference cycle makes it not one.
std::vector<bool> counts_whole_things(const Library& library);

}  // namespace kpi::library
