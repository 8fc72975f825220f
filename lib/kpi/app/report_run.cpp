// SPDX-License-Identifier: MIT
#include "kpi/app/report_run.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <array>
#include <filesystem>
#include <map>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "kpi/app/plan_source.hpp"
#include "kpi/engine/kpi_values.hpp"
#include "kpi/library/compiled_library.hpp"
#include "kpi/library/library_loader.hpp"
#include "kpi/score/plan_resolution.hpp"
#include "kpi/time/written_period.hpp"

namespace kpi::app {
namespace {

using time::Period;

class ReportBuilder {
 public:
  explicit ReportBuilder(const ReportOptions& options) : options_(options) {}

  report::Report build() {
    library_ = library::load_library(options_.run.library_path);
    compiled_ = library::compile_library(library_);
    std::optional<score::Plan> plan =
        find_plan(library_, options_.run.library_path, options_.plan_path);
    if (!plan) {
      throw Error({"plan.invalid",
                   "no KPI plan: give --plan plan.csv, put plan.csv beside the library, or add "
                   "a [plan] to it",
                   {options_.run.library_path}});
    }
    plan_ = std::move(*plan);
    scores_ = find_scores(library_, options_.run.library_path, options_.scores_path);
    period_ = time::parse_period(options_.period, library_.calendar,
                                 options_.run.today.value_or(time::system_today()));
    plan_periods();
    compute();
    report::Report report;
    report.period = period_.label;
    report.missing_values = options_.missing == score::MissingValues::Renormalise
                                ? "KPIs without a value are left out and the other weights "
                                  "scaled to 100"
                                : "KPIs without a value score 0";
    report.missing = options_.missing;
    report.presentation = choose_presentation(library_, options_.presentation);
    for (const Diagnostic& warning : plan_.warnings) {
      report.warnings.push_back(render(warning));
    }
    build_scorecards(report);
    report.quality = std::move(values_.quality);
    return report;
  }

 private:
  // The distinct periods the plan's cycles need, computed together in one pass.
  void plan_periods() {
    for (score::Cycle cycle : {score::Cycle::Monthly, score::Cycle::Quarterly, score::Cycle::Yearly,
                               score::Cycle::HalfMonthly, score::Cycle::HalfYearly}) {
      const score::CyclePeriod cycle_period =
          score::cycle_period(period_, cycle, library_.calendar);
      cycles_[static_cast<std::size_t>(cycle)] = cycle_period;
      const auto same = std::find(periods_.begin(), periods_.end(), cycle_period.measured);
      cycle_index_.push_back(static_cast<std::size_t>(same - periods_.begin()));
      if (same == periods_.end()) {
        periods_.push_back(cycle_period.measured);
        whole_periods_.push_back(cycle_period.whole);
        // The first period is the report's own (its monthly cycle): never marked to date.
        to_date_.push_back(cycle_period.to_date && periods_.size() > 1);
      }
    }
  }

  void compute() {
    engine::ValuesRequest request;
    request.periods = periods_;
    request.by = options_.by;
    request.scan = options_.run.scan;
    request.today = options_.run.today.value_or(time::system_today());
    // Only the plan's KPIs: a source no plan row reads is not read (nor needed).
    for (const score::PlanRow& row : plan_.rows) {
      const std::size_t kpi = kpi_index(row.kpi);
      if (std::find(request.kpis.begin(), request.kpis.end(), kpi) == request.kpis.end()) {
        request.kpis.push_back(kpi);
      }
    }
    request.with_changes = true;
    request.with_whole = true;
    values_ = engine::compute_values(compiled_, request);
    index_values();
  }

  // Looked up for every plan line of every entity: found once per name (find_kpi is a search).
  std::size_t kpi_index(const std::string& id) const {
    const auto [at, added] = kpi_indices_.try_emplace(id, 0);
    if (added) {
      at->second = static_cast<std::size_t>(library_.find_kpi(id) - library_.kpis.data());
    }
    return at->second;
  }

  // Values by period, KPI and breakdown value ("" for the whole), looked up for every plan line.
  using ValueKey = std::tuple<std::size_t, std::size_t, std::string>;

  void index_values() {
    for (const engine::KpiValue& value : values_.rows) {
      // A broken-down row whose value is "" would stand for the whole; the whole row wins.
      values_by_key_.try_emplace(
          ValueKey{value.period, value.kpi, value.by_field.empty() ? "" : value.by_value}, &value);
      if (!value.by_field.empty() && value.value.has_value()) {
        EntitiesWithValues& entities = entities_by_kpi_[{value.period, value.kpi}];
        if (entities.seen.insert(value.by_value).second) {
          entities.in_order.push_back(value.by_value);
        }
      }
    }
  }

  const engine::KpiValue* find_value(std::size_t period, std::size_t kpi,
                                     const std::string& entity) const {
    const auto found = values_by_key_.find(ValueKey{period, kpi, entity});
    return found == values_by_key_.end() ? nullptr : found->second;
  }

  std::size_t period_of(const score::PlanRow& row) const {
    return cycle_index_[static_cast<std::size_t>(row.cycle)];
  }

  // Breakdown values that have a value of `row`'s KPI in its period: what `each` expands to,
  // in the order of the values (indexed once: a scan per `each` row was quadratic, D11).
  std::vector<std::string> entities_with_values(const score::PlanRow& row) const {
    const auto found = entities_by_kpi_.find({period_of(row), kpi_index(row.kpi)});
    return found == entities_by_kpi_.end() ? std::vector<std::string>{} : found->second.in_order;
  }

  void build_scorecards(report::Report& report) {
    const score::PlanResolution resolution(plan_, period_, cycles_);
    if (!resolution.any_applies()) {
      report.warnings.push_back(no_row_applies());
    }
    for (const score::PlanRow& row : plan_.rows) {
      if (resolution.applies(row)) {
        check_breakdown(row);
      }
    }
    const auto keys =
        resolution.scorecards([&](const score::PlanRow& row) { return entities_with_values(row); });
    for (const score::ScorecardKey& key : keys) {
      report.scorecards.push_back(build_scorecard(resolution, key, report.warnings));
    }
    if (plan_.weight_scope == score::WeightScope::Plan) {
      report.plan_total = score::score_scorecard(all_weighted_, options_.missing);
    }
  }

  // Said when every row of the plan names another 期间: the report is empty.
  std::string no_row_applies() const {
    std::vector<std::string> periods;
    for (const score::PlanRow& row : plan_.rows) {
      if (row.period &&
          std::find(periods.begin(), periods.end(), row.period->label) == periods.end()) {
        periods.push_back(row.period->label);
      }
    }
    return fmt::format("no row of the plan applies to {}: its rows are for {}", period_.label,
                       fmt::join(periods, ", "));
  }

  void check_breakdown(const score::PlanRow& row) const {
    if (row.entity.empty() || !options_.by.empty() || !library_.find_kpi(row.kpi)->by.empty()) {
      return;
    }
    throw Error({"plan.invalid",
                 fmt::format("entity \"{}\" needs a breakdown: run with --by FIELD, or give KPI "
                             "\"{}\" a `by` field in the library",
                             row.entity, row.kpi),
                 row.where});
  }

  report::Scorecard build_scorecard(const score::PlanResolution& resolution,
                                    const score::ScorecardKey& key,
                                    std::vector<std::string>& warnings) {
    const auto& [name, entity] = key;
    report::Scorecard scorecard{name, entity, {}, {}};
    std::vector<score::WeightedKpi> weighted;
    for (const score::PlanRow* plan_row : resolution.rows_of(key)) {
      const score::PlanRow& row = *plan_row;
      report::KpiLine line = kpi_line(row, entity);
      if (!line.score.points) {
        const bool plain = line.score.note == "no value";
        warnings.push_back(fmt::format(
            "{}{}{}: {} has no value{}{}{}", name, entity.empty() ? "" : " · ", entity, line.name,
            plain ? "" : " (", plain ? "" : line.score.note, plain ? "" : ")"));
      }
      weighted.push_back({row.weight, line.score, row.veto, line.name});
      all_weighted_.push_back(weighted.back());
      scorecard.kpis.push_back(std::move(line));
    }
    scorecard.total = score::score_scorecard(weighted, options_.missing);
    return scorecard;
  }

  report::KpiLine kpi_line(const score::PlanRow& row, const std::string& entity) const {
    const std::size_t kpi = kpi_index(row.kpi);
    const library::Kpi& definition = library_.kpis[kpi];
    const std::size_t period = period_of(row);
    report::KpiLine line;
    line.kpi = definition.id;
    line.name = definition.name;
    line.unit = definition.unit;
    line.precision = definition.precision;
    line.period = periods_[period].label;
    line.to_date = to_date_[period];
    line.weight = row.weight;
    line.qualitative = definition.qualitative;
    line.direction = definition.direction;
    if (row.target) {
      line.target = row.target->value;
      line.target_text = row.target->text;
    }
    score::ScoringOptions scoring;
    scoring.inverse = options_.inverse;
    const score::ScoringRule& rule = row.rule ? *row.rule : scoring.default_rule;
    if (rule.kind == score::ScoringRule::Kind::CappedRatio ||
        rule.kind == score::ScoringRule::Kind::Floor) {
      line.cap = rule.cap;
    }
    if (definition.qualitative) {
      line.actual =
          score::find_score(scores_, row.scorecard, entity, row.kpi, whole_periods_[period]);
      if (!line.actual && !time::same_days(whole_periods_[period], period_)) {
        line.actual = score::find_score(scores_, row.scorecard, entity, row.kpi, period_);
      }
      line.score = score::manual_score(line.actual, scoring);
      return line;
    }
    if (const engine::KpiValue* value = find_value(period, kpi, entity)) {
      line.actual = value->value;
      line.change_previous = score::relative_change(value->value, value->previous);
      line.change_last_year = score::relative_change(value->value, value->last_year);
    }
    line.score = score::score_kpi(line.actual, row, definition.direction, scoring);
    return line;
  }

  const ReportOptions& options_;
  library::Library library_;
  library::CompiledLibrary compiled_;
  score::Plan plan_;
  std::vector<score::ManualScore> scores_;
  Period period_;
  std::array<score::CyclePeriod, score::kCycleCount> cycles_;  // per Cycle
  std::vector<Period> periods_;                                // the distinct periods measured
  std::vector<Period> whole_periods_;                          // per period: its whole cycle period
  std::vector<bool> to_date_;             // per period: a cycle period cut at the end
  std::vector<std::size_t> cycle_index_;  // per Cycle: index into periods_
  engine::ValuesResult values_;
  std::map<ValueKey, const engine::KpiValue*> values_by_key_;
  struct EntitiesWithValues {
    std::vector<std::string> in_order;
    std::unordered_set<std::string> seen;
  };
  std::map<std::pair<std::size_t, std::size_t>, EntitiesWithValues> entities_by_kpi_;
  mutable std::unordered_map<std::string, std::size_t> kpi_indices_;
  std::vector<score::WeightedKpi> all_weighted_;  // every scored line, for a whole-plan total
};

}  // namespace

report::Report run_report(const ReportOptions& options) { return ReportBuilder(options).build(); }

}  // namespace kpi::app
