// SPDX-License-Identifier: MIT
#include "kpi/engine/mapped_rows.hpp"

#include <vector>

#include "kpi/engine/source_scanner.hpp"

namespace kpi::engine {

void read_mapped_rows(const library::Library& library, const library::Source& source,
                      const FilesOf& files_of, bool strict,
                      const std::optional<time::Period>& period, DataQuality& quality,
                      const MappedRowHandler& on_row) {
  std::vector<bool> needed(source.fields.size(), true);
  const std::vector<LookupTable> lookups =
      load_lookups(library, source, needed, files_of, strict, quality);
  scan_source_in_order(
      source, files_of(source), needed, strict, quality,
      [&](std::span<const expr::Value> row, std::int32_t day, const RowPlace& place) {
        return period && day != kTimeless && !period->contains(day) ? true
                                                                    : on_row(row, day, place);
      },
      lookups);
}

}  // namespace kpi::engine
