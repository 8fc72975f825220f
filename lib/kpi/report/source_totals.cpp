// SPDX-License-Identifier: MIT
#include "kpi/report/source_totals.hpp"

#include <algorithm>
#include <utility>

namespace kpi::report {

std::vector<SourceTotals> source_totals(const engine::DataQuality& quality) {
  std::vector<SourceTotals> sources;
  for (const engine::InputFile& input : quality.inputs()) {
    auto found = std::find_if(sources.begin(), sources.end(), [&](const SourceTotals& known) {
      return known.totals.source == input.source &&
             known.totals.measures_table == input.measures_table;
    });
    if (found == sources.end()) {
      engine::InputFile totals;
      totals.source = input.source;
      totals.measures_table = input.measures_table;
      totals.file = input.file;
      sources.push_back({std::move(totals), 0});
      found = sources.end() - 1;
    }
    found->totals.records += input.records;
    found->totals.skipped += input.skipped;
    found->totals.left_out += input.left_out;
    ++found->file_count;
  }
  return sources;
}

}  // namespace kpi::report
