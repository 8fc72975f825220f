// SPDX-License-Identifier: MIT
#include "kpi/engine/source_reading.hpp"

#include <memory>

#include "kpi/engine/lookup_tables.hpp"
#include "kpi/engine/source_scanner.hpp"

namespace kpi::engine {

std::vector<std::string> files_of(const RunPlan& plan, const library::Source& source) {
  const auto& data = plan.request.scan.data;
  const auto overrides = data.find(source.name);
  return source_files(source, plan.library->library->path.parent_path(),
                      overrides == data.end() ? std::vector<std::string>{} : overrides->second);
}

SourceAggregation aggregate_source(const RunPlan& plan, const SourcePlan& source,
                                   DataQuality& quality) {
  const library::Library& library = *plan.library->library;
  const library::Source& definition = library.sources[source.source];
  std::vector<bool> needed = source.needed_fields;
  const std::vector<LookupTable> lookups = load_lookups(
      library, definition, needed,
      [&](const library::Source& master) { return files_of(plan, master); },
      plan.request.scan.strict, quality);
  SourceAggregation aggregation(plan, source);
  const auto add_row = [&](SourceAggregation& into) -> RowHandler {
    return
        [&into](std::span<const expr::Value> row, std::int32_t day) { return into.add(row, day); };
  };
  // Each thread's part is made by that thread (so that its memory is its own) and merged in
  // file order once every file has been read.
  PartHandlers in_parts;
  in_parts.parts = plan.threads;
  std::vector<std::unique_ptr<SourceAggregation>> parts(in_parts.parts);
  in_parts.fork = [&](std::size_t p) {
    parts[p] = std::make_unique<SourceAggregation>(plan, source);
    return add_row(*parts[p]);
  };
  in_parts.join = [&](std::size_t p) {
    aggregation.merge(std::move(*parts[p]));
    parts[p].reset();
  };
  ReadingHooks hooks;
  // Rows outside every period are aggregated only where first appearances count all history.
  if (!source.tracks_first_seen) {
    hooks.reads_day = [&plan](std::int32_t day) { return plan.windows.any_contains(day); };
  }
  // Counted by each reading thread, in the records it reads.
  if (const auto& progress = plan.request.scan.progress) {
    hooks.records_read = [&progress, &definition](std::uint64_t records) {
      progress(definition.name, records);
    };
  }
  scan_source(definition, files_of(plan, definition), needed, plan.request.scan.strict, quality,
              add_row(aggregation), lookups, &in_parts, hooks);
  aggregation.finish_rows();
  return aggregation;
}

}  // namespace kpi::engine
