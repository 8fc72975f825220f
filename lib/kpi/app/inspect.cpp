// SPDX-License-Identifier: MIT
#include "kpi/app/inspect.hpp"

namespace kpi::app {

csv::FileProfile inspect_file(const std::string& path, const csv::ReaderOptions& options) {
  return csv::profile_file(path, options);
}

RecordsWritten write_records(const std::string& path, const csv::ReaderOptions& options,
                             report::RecordFormat format, std::optional<std::uint64_t> limit,
                             const report::TextSink& sink) {
  const auto reader = csv::Reader::open(path, options);
  report::write_records(*reader, format, limit, sink);
  return {reader->skipped(), reader->dialect()};
}

}  // namespace kpi::app
