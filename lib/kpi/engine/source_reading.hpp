// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <vector>

#include "kpi/engine/data_quality.hpp"
#include "kpi/engine/run_plan.hpp"
#include "kpi/engine/source_aggregation.hpp"

namespace kpi::engine {

/// The files of `source`: --data's when given, else the library's paths and globs.
std::vector<std::string> files_of(const RunPlan& plan, const library::Source& source);

/// Reads every file of a source once, with the master tables its lookups need, into its
/// aggregation: on the plan's threads, each taking the next file or range of a large file
/// into an aggregation of its own, merged at the end. Bad data is counted in `quality`.
SourceAggregation aggregate_source(const RunPlan& plan, const SourcePlan& source,
                                   DataQuality& quality);

}  // namespace kpi::engine
