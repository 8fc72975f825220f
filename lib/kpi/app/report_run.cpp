// SPDX-License-Identifier: MIT
#include "kpi/app/report_run.hpp"

#include <fmt/format.h>

#include <cmath>
#include <filesystem>
#include <map>
#include <tuple>

#include "kpi/app/plan_source.hpp"
#include "kpi/engine/kpi_values.hpp"
#include "kpi/library/compiled_library.hpp"
#include "kpi/library/library_loader.hpp"

namespace kpi::app {
namespace {

using time::Period;
using time::PeriodKind;

constexpr std::string_view kEach = "each";

// How long a period is, to tell whether a cycle is longer than the reported period.
int length_rank(PeriodKind kind) {
  switch (kind) {
    case PeriodKind::Day:
      return 0;
    case PeriodKind::Week:
      return 1;
    case PeriodKind::Month:
    case PeriodKind::Range:
      return 2;
    case PeriodKind::Quarter:
      return 3;
    case PeriodKind::Year:
      return 4;
  }
  return 2;
}

// The period a KPI of `cycle` is measured over in a report for `period`, and the name of the
// whole cycle period it belongs to: the quarter or year that contains the period's end, cut
// at that end while it is not over ("2025-Q2 to date", named "2025-Q2").
std::pair<Period, std::string> cycle_period(const Period& period, score::Cycle cycle,
                                            const time::Calendar& calendar) {
  const PeriodKind kind = cycle == score::Cycle::Quarterly ? PeriodKind::Quarter
                          : cycle == score::Cycle::Yearly  ? PeriodKind::Year
                                                           : PeriodKind::Month;
  if (length_rank(kind) <= length_rank(period.kind)) {
    return {period, period.label};
  }
  const Period whole = time::period_containing(kind, period.last_day, calendar);
  if (whole.last_day <= period.last_day) {
    return {whole, whole.label};
  }
  Period to_date = time::range_period(whole.first_day, period.last_day);
  to_date.label = fmt::format("{} to date", whole.label);
  return {to_date, whole.label};
}

std::optional<long double> change(std::optional<long double> now, std::optional<long double> then) {
  if (!now || !then || *then == 0) {
    return std::nullopt;
  }
  return (*now - *then) / std::fabs(*then);
}

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
    for (score::Cycle cycle :
         {score::Cycle::Monthly, score::Cycle::Quarterly, score::Cycle::Yearly}) {
      const auto [period, name] = cycle_period(period_, cycle, library_.calendar);
      const auto same = std::find(periods_.begin(), periods_.end(), period);
      cycle_index_.push_back(static_cast<std::size_t>(same - periods_.begin()));
      if (same == periods_.end()) {
        periods_.push_back(period);
        period_names_.push_back(name);
      }
    }
  }

  void compute() {
    engine::ValuesRequest request;
    request.periods = periods_;
    request.by = options_.by;
    request.scan = options_.run.scan;
    request.with_changes = true;
    request.with_whole = true;
    values_ = engine::compute_values(compiled_, request);
    index_values();
  }

  std::size_t kpi_index(const std::string& id) const {
    return static_cast<std::size_t>(library_.find_kpi(id) - library_.kpis.data());
  }

  // Values by period, KPI and breakdown value ("" for the whole), looked up for every plan line.
  using ValueKey = std::tuple<std::size_t, std::size_t, std::string>;

  void index_values() {
    for (const engine::KpiValue& value : values_.rows) {
      // A broken-down row whose value is "" would stand for the whole; the whole row wins.
      values_by_key_.try_emplace(
          ValueKey{value.period, value.kpi, value.by_field.empty() ? "" : value.by_value}, &value);
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

  // A row with a 期间 applies in that period only: the reported one or its cycle's whole
  // period ("2025-Q2" for a quarterly KPI in a May report).
  bool applies(const score::PlanRow& row) const {
    return row.period.empty() || row.period == period_.label ||
           row.period == period_names_[period_of(row)];
  }

  // Of the rows for one KPI of a scorecard, the one that speaks most precisely: a named
  // entity before "each", a row for this period before an undated one.
  bool is_overridden(const score::PlanRow& row, const std::string& entity) const {
    const auto specificity = [&](const score::PlanRow& candidate) {
      return (candidate.entity == entity ? 2 : 0) + (candidate.period.empty() ? 0 : 1);
    };
    return std::any_of(plan_.rows.begin(), plan_.rows.end(), [&](const score::PlanRow& other) {
      return &other != &row && other.scorecard == row.scorecard && other.kpi == row.kpi &&
             matches(other, row.scorecard, entity) && applies(other) &&
             specificity(other) > specificity(row);
    });
  }

  static bool matches(const score::PlanRow& row, const std::string& scorecard,
                      const std::string& entity) {
    return row.scorecard == scorecard &&
           (row.entity == entity || (row.entity == kEach && !entity.empty()));
  }

  // Breakdown values that an "each" row of `scorecard` expands to.
  std::vector<std::string> entities_of(const std::string& scorecard) const {
    std::vector<std::string> entities;
    for (const score::PlanRow& row : plan_.rows) {
      if (row.scorecard != scorecard || row.entity != kEach || !applies(row)) {
        continue;
      }
      const std::size_t period = period_of(row);
      for (const engine::KpiValue& value : values_.rows) {
        if (value.period == period && value.kpi == kpi_index(row.kpi) && !value.by_field.empty() &&
            value.value.has_value() &&
            std::find(entities.begin(), entities.end(), value.by_value) == entities.end()) {
          entities.push_back(value.by_value);
        }
      }
    }
    std::sort(entities.begin(), entities.end());
    return entities;
  }

  void build_scorecards(report::Report& report) {
    // Scorecards in the order the plan first names them; "each" expands per breakdown value.
    std::vector<std::pair<std::string, std::string>> keys;
    const auto add_key = [&](const std::string& scorecard, const std::string& entity) {
      const auto key = std::pair(scorecard, entity);
      if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
        keys.push_back(key);
      }
    };
    for (const score::PlanRow& row : plan_.rows) {
      if (!applies(row)) {
        continue;
      }
      check_breakdown(row);
      if (row.entity == kEach) {
        for (const std::string& entity : entities_of(row.scorecard)) {
          add_key(row.scorecard, entity);
        }
      } else {
        add_key(row.scorecard, row.entity);
      }
    }
    for (const auto& [name, entity] : keys) {
      report.scorecards.push_back(build_scorecard(name, entity, report.warnings));
    }
    if (plan_.weight_scope == score::WeightScope::Plan) {
      report.plan_total = score::score_scorecard(all_weighted_, options_.missing);
    }
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

  report::Scorecard build_scorecard(const std::string& name, const std::string& entity,
                                    std::vector<std::string>& warnings) {
    report::Scorecard scorecard{name, entity, {}, {}};
    std::vector<score::WeightedKpi> weighted;
    for (const score::PlanRow& row : plan_.rows) {
      if (!matches(row, name, entity) || !applies(row) || is_overridden(row, entity)) {
        continue;
      }
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
    line.to_date = periods_[period].kind == PeriodKind::Range && period != 0;
    line.weight = row.weight;
    line.qualitative = definition.qualitative;
    if (row.target) {
      line.target = row.target->value;
      line.target_text = row.target->text;
    }
    score::ScoringOptions scoring;
    scoring.inverse = options_.inverse;
    if (definition.qualitative) {
      line.actual =
          score::find_score(scores_, row.scorecard, entity, row.kpi, period_names_[period]);
      if (!line.actual && period_names_[period] != period_.label) {
        line.actual = score::find_score(scores_, row.scorecard, entity, row.kpi, period_.label);
      }
      line.score = score::manual_score(line.actual, scoring);
      return line;
    }
    if (const engine::KpiValue* value = find_value(period, kpi, entity)) {
      line.actual = value->value;
      line.change_previous = change(value->value, value->previous);
      line.change_last_year = change(value->value, value->last_year);
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
  std::vector<Period> periods_;
  std::vector<std::string> period_names_;  // per period: its whole cycle period's name
  std::vector<std::size_t> cycle_index_;   // per Cycle: index into periods_
  engine::ValuesResult values_;
  std::map<ValueKey, const engine::KpiValue*> values_by_key_;
  std::vector<score::WeightedKpi> all_weighted_;  // every scored line, for a whole-plan total
};

}  // namespace

report::Report run_report(const ReportOptions& options) { return ReportBuilder(options).build(); }

}  // namespace kpi::app
