// SPDX-License-Identifier: MIT
// The files a run read, added up per source: the data-quality lines of the report for people.
#pragma once

#include <cstddef>
#include <vector>

#include "kpi/engine/data_quality.hpp"

namespace kpi::report {

/// One source's files: `file` is the first one's path, and the counts are the sums.
struct SourceTotals {
  engine::InputFile totals;
  std::size_t file_count = 0;
};

/// Per source, in the order the sources were first read.
std::vector<SourceTotals> source_totals(const engine::DataQuality& quality);

}  // namespace kpi::report
