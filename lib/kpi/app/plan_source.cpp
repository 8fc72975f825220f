// SPDX-License-Identifier: MIT
#include "kpi/app/plan_source.hpp"

#include <filesystem>

#include "kpi/csv/reader.hpp"
#include "kpi/score/area_weights.hpp"

namespace kpi::app {
namespace {

std::string beside_library(const std::string& library_path, const char* name) {
  return (std::filesystem::path(library_path).parent_path() / name).string();
}

}  // namespace

std::vector<score::KpiInfo> kpi_infos(const library::Library& library) {
  std::vector<score::KpiInfo> infos;
  for (const library::Kpi& kpi : library.kpis) {
    infos.push_back({kpi.id, kpi.name, kpi.unit, kpi.qualitative,
                     kpi.direction == library::Direction::LowerIsBetter});
  }
  return infos;
}

namespace {

std::optional<score::Plan> load_found_plan(const library::Library& library,
                                           const std::string& library_path,
                                           const std::string& plan_path) {
  const auto infos = kpi_infos(library);
  if (!plan_path.empty()) {
    return score::load_plan(plan_path, infos, library.calendar);
  }
  if (library.plan) {
    csv::ReaderOptions options;
    options.line_offset = library.plan->where.line;
    const auto reader =
        csv::Reader::open(csv::ByteInput::from_string(library.plan->csv), library_path, options);
    return score::load_plan(*reader, infos, library.calendar);
  }
  const std::string beside = beside_library(library_path, "plan.csv");
  if (std::filesystem::exists(beside)) {
    return score::load_plan(beside, infos, library.calendar);
  }
  return std::nullopt;
}

}  // namespace

std::optional<score::Plan> find_plan(const library::Library& library,
                                     const std::string& library_path, const std::string& plan_path,
                                     bool strict) {
  std::optional<score::Plan> plan = load_found_plan(library, library_path, plan_path);
  if (plan) {
    for (Diagnostic& area : score::check_area_weights(*plan, library.areas)) {
      if (strict) {  // --strict: an area outside its weight range is a plan error (exit 3)
        area.code = "plan.invalid";
        throw Error(std::move(area));
      }
      plan->warnings.push_back(std::move(area));
    }
  }
  return plan;
}

std::vector<score::ManualScore> find_scores(const library::Library& library,
                                            const std::string& library_path,
                                            const std::string& scores_path) {
  const std::string path =
      scores_path.empty() ? beside_library(library_path, "scores.csv") : scores_path;
  if (scores_path.empty() && !std::filesystem::exists(path)) {
    return {};
  }
  return score::load_scores(path, kpi_infos(library), library.calendar,
                            library.ratings ? &*library.ratings : nullptr);
}

}  // namespace kpi::app
