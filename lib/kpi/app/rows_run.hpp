// SPDX-License-Identifier: MIT
#pragma once

#include <memory>
#include <string>

#include "kpi/app/run_settings.hpp"
#include "kpi/engine/data_quality.hpp"
#include "kpi/report/formats.hpp"

namespace kpi::app {

/// What `kpi rows` is asked.
struct RowsOptions {
  RunSettings run;
  std::string source;  ///< a source's name
  std::string period;  ///< as on the command line; "" for every row
  report::Format format = report::Format::Csv;
};

/// A finished run: the rows as text, and the bad data met on the way.
struct RowsRun {
  std::string text;
  engine::DataQuality quality;
};

/// Loads and checks the library and writes the rows of one source after its mapping (see
/// report::RowsWriter), those of --period only when given. Throws a usage error
/// ("usage.source") for a name that is no source, with a suggestion.
RowsRun run_rows(const RowsOptions& options);

}  // namespace kpi::app
