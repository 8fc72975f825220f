// SPDX-License-Identifier: MIT
#include "kpi/engine/rows_behind.hpp"

#include "kpi/engine/data_quality.hpp"
#include "kpi/engine/mapped_rows.hpp"
#include "kpi/store/value_interner.hpp"
#include "kpi/value/moment.hpp"

namespace kpi::engine {

bool RowTest::holds(std::span<const expr::Value> row, std::int32_t day,
                    std::vector<expr::Value>& scratch) const {
  if (day != kTimeless && !period.contains(day)) {
    return false;
  }
  if (by_slot) {
    const expr::Value& value = row[*by_slot];
    if (value.kind == expr::Value::Kind::Text ? value.text != by_value
                                              : key_text(value) != by_value) {
      return false;
    }
  }
  if (measure->filter) {
    if (!measure->filter_reads_period) {
      if (!measure->filter->holds(row)) {
        return false;
      }
    } else {
      // As SourceAggregation judges it: the row, then the period's first and last day (null
      // for a period without one).
      scratch.assign(row.begin(), row.end());
      scratch.push_back(time::reaches_back_to_start(period)
                            ? expr::Value{}
                            : expr::Value::of_moment(moment_of(period.first_day)));
      scratch.push_back(time::runs_on_to_end(period)
                            ? expr::Value{}
                            : expr::Value::of_moment(moment_of(period.last_day)));
      if (!measure->filter->holds(scratch)) {
        return false;
      }
    }
  }
  if (needs_value && measure->of && measure->of->evaluate(row).is_null()) {
    return false;
  }
  if (keys) {
    const expr::Value key = measure->per->evaluate(row);
    if (key.is_null()) {
      return false;
    }
    std::string bytes;
    store::ValueInterner::bytes_of(key, bytes);
    return keys->contains(bytes);
  }
  return true;
}

void read_rows_behind(const library::Library& library, const library::Source& source,
                      const FilesOf& files_of, const std::vector<RowTest>& tests, std::size_t limit,
                      const RowBehindHandler& on_row) {
  if (limit == 0 || tests.empty()) {
    return;
  }
  std::vector<std::size_t> kept(tests.size(), 0);
  std::size_t full = 0;  // the tests with `limit` rows
  std::vector<expr::Value> scratch;
  DataQuality quality;
  read_mapped_rows(library, source, files_of, false, std::nullopt, quality,
                   [&](std::span<const expr::Value> row, std::int32_t day, const RowPlace& place) {
                     for (std::size_t t = 0; t < tests.size(); ++t) {
                       if (kept[t] < limit && tests[t].holds(row, day, scratch)) {
                         on_row(tests[t], row, place);
                         full += ++kept[t] == limit ? 1 : 0;
                       }
                     }
                     return full < tests.size();
                   });
}

}  // namespace kpi::engine
