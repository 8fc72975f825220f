// SPDX-License-Identifier: MIT
#include "kpi/app/check_run.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "kpi/app/kpi_additivity.hpp"
#include "kpi/app/plan_source.hpp"
#include "kpi/csv/reader.hpp"
#include "kpi/engine/lookup_tables.hpp"
#include "kpi/engine/source_files.hpp"
#include "kpi/engine/source_scanner.hpp"
#include "kpi/library/compiled_library.hpp"
#include "kpi/library/library_loader.hpp"
#include "kpi/score/target_cascade.hpp"
#include "kpi/score/unplanned_scores.hpp"

namespace kpi::app {
namespace {

// Each mapped field without a column in `file`, as a located diagnostic; and a warning when
// the file was taken for GB18030 but reads as another encoding (a cp1252 or Mac Roman export
// whose bytes happen to pair up would otherwise pass with its text garbled).
void check_columns(const library::Source& source, const std::string& file,
                   std::vector<Diagnostic>& problems, std::vector<Diagnostic>& warnings) {
  const auto reader = csv::Reader::open(file, engine::reader_options(source, false));
  const std::vector<csv::EncodingGuess>& guesses = reader->dialect().likely_encodings;
  if (!guesses.empty()) {
    warnings.push_back(
        {"data.encoding-guess",
         fmt::format("GB18030 was detected, but the non-ASCII bytes do not read as Chinese in it; "
                     "they read as {}: set encoding = \"{}\" in [sources.{}]",
                     csv::describe_guesses(guesses), guesses.front().name, source.name),
         {reader->file(), 0, 0}});
  }
  const std::vector<std::string>& header = reader->header().names;
  for (const library::Field& field : source.fields) {
    if (field.lookup) {
      continue;  // taken from a master table, not from a column
    }
    if (!engine::column_of(field, header)) {
      problems.push_back(engine::missing_column(source, field, reader->file(), header));
    }
  }
}

// The master tables that lookups read, read as a run reads them: a key given twice with
// different values would otherwise go unseen, the first row silently winning.
void check_master_keys(const library::Library& library,
                       const std::map<std::string, std::vector<std::string>>& data,
                       std::vector<Diagnostic>& problems) {
  const auto files_of = [&](const library::Source& master) {
    const auto overrides = data.find(master.name);
    return engine::source_files(
        master, library.path.parent_path(),
        overrides == data.end() ? std::vector<std::string>{} : overrides->second);
  };
  std::set<std::string> said;  // a master read for two sources says its problems once
  for (const library::Source& source : library.sources) {
    std::vector<bool> needed(source.fields.size(), false);
    for (std::size_t slot = 0; slot < source.fields.size(); ++slot) {
      needed[slot] = source.fields[slot].lookup.has_value();
    }
    if (std::find(needed.begin(), needed.end(), true) == needed.end()) {
      continue;
    }
    engine::DataQuality quality;
    try {
      (void)engine::load_lookups(library, source, needed, files_of, false, quality);
    } catch (const Error& error) {
      if (kind_of(error.diagnostic()) != ErrorKind::Data) {
        throw;
      }
      if (said.insert(render(error.diagnostic())).second) {
        problems.push_back(error.diagnostic());
      }
      continue;
    }
    for (const engine::DataProblem& problem : quality.problems()) {
      for (const Diagnostic& example : problem.first) {
        if (example.code == "data.duplicate-key" && said.insert(render(example)).second) {
          problems.push_back(example);
        }
      }
    }
  }
}

// One note per scorecard of the scores that the plan does not have, at its first row.
std::vector<Diagnostic> unplanned_score_notes(const std::vector<score::ManualScore>& scores,
                                              const score::Plan& plan) {
  std::vector<Diagnostic> notes;
  for (const score::UnplannedScores& group : score::unplanned_scores(scores, plan)) {
    const std::size_t rows = group.rows.size();
    notes.push_back(
        {"scores.unplanned",
         fmt::format(
             "scorecard \"{}\" is not in the plan ({}), so {} not used{}", group.scorecard,
             plan.file,
             rows == 1 ? std::string("its score is") : fmt::format("its {} scores are", rows),
             group.nearest.empty() ? "" : fmt::format(" (did you mean \"{}\"?)", group.nearest)),
         group.rows.front()->where});
  }
  return notes;
}

}  // namespace

CheckReport check_library(const CheckOptions& options) {
  const std::string& library_path = options.run.library_path;
  const auto& data = options.run.scan.data;
  const library::Library library = library::load_library(library_path);
  const library::CompiledLibrary compiled = library::compile_library(library);
  CheckReport report;
  for (const library::Source& source : library.sources) {
    const auto overrides = data.find(source.name);
    std::vector<std::string> files;
    try {
      files = engine::source_files(
          source, library.path.parent_path(),
          overrides == data.end() ? std::vector<std::string>{} : overrides->second);
      for (const std::string& file : files) {
        check_columns(source, file, report.data_problems, report.warnings);
      }
    } catch (const Error& error) {
      if (kind_of(error.diagnostic()) != ErrorKind::Data) {
        throw;
      }
      report.data_problems.push_back(error.diagnostic());
    }
    report.summary.push_back(fmt::format(
        "source {}: {} file{}, {} field{}", source.name, files.size(), files.size() == 1 ? "" : "s",
        source.fields.size(), source.fields.size() == 1 ? "" : "s"));
  }
  if (report.data_problems.empty()) {
    check_master_keys(library, data, report.data_problems);
  }
  const auto count = [](std::size_t n, std::string_view noun) {
    return fmt::format("{} {}{}", n, noun, n == 1 ? "" : "s");
  };
  const auto plan = find_plan(library, library_path, options.plan_path, options.run.scan.strict);
  if (plan) {
    report.summary.push_back(fmt::format("plan: {}", count(plan->rows.size(), "row")));
    report.warnings.insert(report.warnings.end(), plan->warnings.begin(), plan->warnings.end());
    // 指标分解: the children's targets against their parent's (a plan with a tree).
    std::vector<score::KpiInfo> kpis = kpi_infos(library);
    for (std::size_t k = 0; k < kpis.size(); ++k) {
      kpis[k].adds_up = sums_and_counts(library, compiled, k);
    }
    for (Diagnostic& warning : score::check_target_cascade(*plan, kpis)) {
      report.warnings.push_back(std::move(warning));
    }
  }
  const auto scores = find_scores(library, library_path, options.scores_path);
  if (!scores.empty()) {
    report.summary.push_back(fmt::format("scores: {}", count(scores.size(), "row")));
  }
  if (plan && !options.plan_path.empty() && !options.scores_path.empty()) {
    report.notes = unplanned_score_notes(scores, *plan);
  }
  report.summary.push_back(
      fmt::format("{}: {}, {}, {}", library_path, count(library.sources.size(), "source"),
                  count(compiled.measures.size(), "measure"), count(compiled.kpis.size(), "KPI")));
  return report;
}

}  // namespace kpi::app
