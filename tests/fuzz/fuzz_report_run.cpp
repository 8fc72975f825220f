// SPDX-License-Identifier: MIT
// libFuzzer target: a whole `kpi report` run. The input is split at lines "%%" into a library
// (TOML), a plan (CSV), an export (CSV) and a scores CSV; they are written to a folder of the
// process's own, every source of the library reads the export (as with --data, so that no
// input names a file outside it, a device or a pipe), and app::run_report computes and scores
// the report for 2025-06, on one thread, with today pinned. Errors a user can get (kpi::Error)
// are expected; anything else, a crash or a hang is a finding.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "kpi/app/report_run.hpp"
#include "kpi/app/values_run.hpp"
#include "kpi/core/diagnostic.hpp"
#include "kpi/library/library_loader.hpp"

namespace {

const std::string& folder() {
  static const std::string path = [] {
    char name[] = "/tmp/kpi-fuzz-report-XXXXXX";
    if (::mkdtemp(name) == nullptr) {
      std::abort();
    }
    return std::string(name);
  }();
  return path;
}

void write(const std::string& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// The parts of `input` between lines "%%"; missing parts are empty.
std::vector<std::string_view> parts_of(std::string_view input, std::size_t count) {
  std::vector<std::string_view> parts;
  while (parts.size() + 1 < count) {
    const std::size_t at = input.find("\n%%\n");
    if (at == std::string_view::npos) {
      break;
    }
    parts.push_back(input.substr(0, at + 1));
    input.remove_prefix(at + 4);
  }
  parts.push_back(input);
  parts.resize(count);
  return parts;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::vector<std::string_view> parts =
      parts_of({reinterpret_cast<const char*>(data), size}, 4);
  const std::string library_path = folder() + "/kpi.toml";
  const std::string plan_path = folder() + "/plan.csv";
  const std::string export_path = folder() + "/export.csv";
  const std::string scores_path = folder() + "/scores.csv";
  write(library_path, parts[0]);
  write(plan_path, parts[1]);
  write(export_path, parts[2]);
  write(scores_path, parts[3]);
  try {
    kpi::app::ReportOptions options;
    options.run.library_path = library_path;
    options.run.today = 20269;  // 2025-06-30
    options.run.scan.threads = 1;
    for (const kpi::library::Source& source : kpi::library::load_library(library_path).sources) {
      options.run.scan.data[source.name] = {export_path};
    }
    options.plan_path = plan_path;
    options.scores_path = scores_path;
    options.period = "2025-06";
    (void)kpi::app::run_report(options);
    // The same inputs through `kpi values`, over a month and its quarter.
    kpi::app::ValuesOptions values;
    values.run = options.run;
    values.periods = {"2025-06", "2025-Q2"};
    (void)kpi::app::run_values(values);
  } catch (const kpi::Error&) {
  }
  return 0;
}
