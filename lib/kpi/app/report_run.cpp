// SPDX-License-Identifier: MIT
#include "kpi/app/report_run.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <map>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "kpi/alerts/alert_check.hpp"
#include "kpi/app/kpi_additivity.hpp"
#include "kpi/app/plan_source.hpp"
#include "kpi/app/trend_run.hpp"
#include "kpi/engine/kpi_values.hpp"
#include "kpi/engine/measure_table.hpp"
#include "kpi/library/compiled_library.hpp"
#include "kpi/library/library_loader.hpp"
#include "kpi/report/alerts_output.hpp"
#include "kpi/score/grades.hpp"
#include "kpi/score/pacing.hpp"
#include "kpi/score/pay_loader.hpp"
#include "kpi/score/plan_resolution.hpp"
#include "kpi/score/plan_tree.hpp"
#include "kpi/score/rollup.hpp"
#include "kpi/score/unplanned_scores.hpp"
#include "kpi/time/period_sequence.hpp"
#include "kpi/time/written_period.hpp"
#include "kpi/value/date_parser.hpp"

namespace kpi::app {
namespace {

using time::Period;

class ReportBuilder {
  // One report period's state, kept while the pass computes all of them.
  struct PeriodState {
    Period period;
    std::optional<std::int32_t> as_of;
    std::array<score::CyclePeriod, score::kCycleCount> cycles;
    std::vector<std::size_t> cycle_index;
  };

 public:
  explicit ReportBuilder(const ReportOptions& options) : options_(options) {}

  report::Report build() {
    load();
    const std::int32_t today = options_.run.today.value_or(time::system_today());
    std::vector<report::Report> reports =
        build_periods({time::parse_period(options_.period, library_.calendar, today)}, today);
    std::vector<std::string> warnings;
    for (const Diagnostic& warning : plan_.warnings) {
      warnings.push_back(render(warning));
    }
    reports.front().warnings.insert(reports.front().warnings.begin(), warnings.begin(),
                                    warnings.end());
    reports.front().quality = std::move(values_.quality);
    if (!library_.alerts.empty()) {
      check_alerts(reports.front(), today);
    }
    reports.front().measure_table = std::move(values_.measure_table);
    return std::move(reports.front());
  }

  // A report per period of --from, --to and --every, all computed in one pass.
  report::ScoreHistory build_history() {
    load();
    if (options_.as_of) {
      throw Error({"usage.as-of",
                   "--as-of measures one period to a day: give it with --period, not with --from "
                   "and --to",
                   {}});
    }
    const std::int32_t today = options_.run.today.value_or(time::system_today());
    const TrendPeriods range =
        trend_periods(options_.from, options_.to, options_.every, library_.calendar, today);
    report::ScoreHistory history;
    history.reports = build_periods(range.periods, today, true);
    history.from = range.periods.front().label;
    history.to = range.periods.back().label;
    history.every = std::string(time::step_name(range.step));
    history.presentation =
        choose_presentation(library_, options_.presentation, values_.quality.inputs());
    for (const Diagnostic& warning : plan_.warnings) {
      history.warnings.push_back(render(warning));
    }
    for (report::Report& report : history.reports) {
      for (const std::string& warning : report.warnings) {
        history.warnings.push_back(fmt::format("{}: {}", report.period, warning));
      }
    }
    history.quality = std::move(values_.quality);
    return history;
  }

 private:
  void load() {
    library_ = library::load_library(options_.run.library_path);
    compiled_ = library::compile_library(library_);
    std::optional<score::Plan> plan = find_plan(library_, options_.run.library_path,
                                                options_.plan_path, options_.run.scan.strict);
    if (!plan) {
      throw Error({"plan.invalid",
                   "no KPI plan: give --plan plan.csv, put plan.csv beside the library, or add "
                   "a [plan] to it",
                   {options_.run.library_path}});
    }
    plan_ = std::move(*plan);
    scores_ = find_scores(library_, options_.run.library_path, options_.scores_path);
    unplanned_ = score::unplanned_scores(scores_, plan_);
  }

  // The reports of `report_periods`: the periods every plan cycle of each needs, computed
  // together in one pass, then each period's scorecards. In a history (`history`), a period in
  // which a source has no rows is said in a warning rather than an error: the months of a year
  // still to come, the months before an export began.
  std::vector<report::Report> build_periods(const std::vector<Period>& report_periods,
                                            std::int32_t today, bool history = false) {
    std::vector<PeriodState> states;
    for (const Period& period : report_periods) {
      period_ = period;
      as_of_ = as_of_day(today);
      cycle_index_.clear();
      plan_periods();
      last_year_periods();
      states.push_back({period_, as_of_, cycles_, cycle_index_});
    }
    compute(states);
    std::vector<report::Report> reports;
    for (const PeriodState& state : states) {
      period_ = state.period;
      as_of_ = state.as_of;
      cycles_ = state.cycles;
      cycle_index_ = state.cycle_index;
      all_weighted_.clear();
      std::vector<std::string> empty;
      if (!options_.allow_empty) {
        check_rows_in_period(history ? &empty : nullptr);
      }
      reports.push_back(build_report());
      reports.back().warnings.insert(reports.back().warnings.begin(), empty.begin(), empty.end());
    }
    return reports;
  }

  report::Report build_report() {
    report::Report report;
    report.period = period_.label;
    if (as_of_) {
      report.as_of = format_date(*as_of_);
    }
    report.missing_values = options_.missing == score::MissingValues::Renormalise
                                ? "KPIs without a value are left out and the other weights "
                                  "scaled to 100"
                                : "KPIs without a value score 0";
    report.missing = options_.missing;
    report.presentation =
        choose_presentation(library_, options_.presentation, values_.quality.inputs());
    build_scorecards(report);
    grade_scorecards(report);
    return report;
  }

  // The library's alerts for the report's period, as `kpi alerts --period P --as-of D` checks
  // them (a pass of its own over the sources they read, the exports even with --measures);
  // those that cannot be judged are warnings.
  void check_alerts(report::Report& report, std::int32_t today) const {
    const alerts::AlertResults results =
        alerts::check_alerts(compiled_, period_, options_.run.scan, today, as_of_);
    report.alerts = report::report_alerts(library_, results, period_);
    // The files the alerts read and the scorecards did not: all of them with --measures, since
    // the alerts are checked from the exports.
    report.quality.add_unlisted_sources(results.quality);
    for (const report::StatusLine& line : report::unjudged_alert_lines(library_, results)) {
      report.warnings.push_back(line.text);
    }
  }

  // The day the report measures to: --as-of, which must fall in the period; else today while
  // the period is in progress (and not on its last day, when it is whole).
  std::optional<std::int32_t> as_of_day(std::int32_t today) const {
    if (!options_.as_of) {
      return period_.contains(today) && today < period_.last_day ? std::optional(today)
                                                                 : std::nullopt;
    }
    const std::int32_t day = *options_.as_of;
    check_as_of(period_, day);
    return day < period_.last_day ? std::optional(day) : std::nullopt;
  }

  // A cycle's period measured up to as_of_: "2025-Q2 to 2025-06-15".
  score::CyclePeriod up_to_as_of(score::CyclePeriod cycle) const {
    if (!as_of_ || cycle.measured.last_day <= *as_of_ || cycle.measured.first_day > *as_of_) {
      return cycle;
    }
    cycle.measured = time::up_to(cycle.whole, *as_of_);
    cycle.to_date = true;
    return cycle;
  }

  // The distinct periods the plan's cycles need, computed together in one pass.
  void plan_periods() {
    for (score::Cycle cycle : {score::Cycle::Monthly, score::Cycle::Quarterly, score::Cycle::Yearly,
                               score::Cycle::HalfMonthly, score::Cycle::HalfYearly}) {
      const score::CyclePeriod cycle_period =
          up_to_as_of(score::cycle_period(period_, cycle, library_.calendar));
      cycles_[static_cast<std::size_t>(cycle)] = cycle_period;
      // Only the cycles of the plan's rows are computed (and the report's own month, whose
      // rows decide whether its exports arrived): a monthly plan reads no year of history.
      const bool planned =
          std::any_of(plan_.rows.begin(), plan_.rows.end(),
                      [&](const score::PlanRow& row) { return row.cycle == cycle; });
      if (!planned && cycle != score::Cycle::Monthly) {
        cycle_index_.push_back(kNotComputed);
        continue;
      }
      const auto same = std::find(periods_.begin(), periods_.end(), cycle_period.measured);
      cycle_index_.push_back(static_cast<std::size_t>(same - periods_.begin()));
      if (same == periods_.end()) {
        periods_.push_back(cycle_period.measured);
        whole_periods_.push_back(cycle_period.whole);
        // The report's own period (its monthly cycle) is never marked to date.
        to_date_.push_back(cycle_period.to_date &&
                           (cycle != score::Cycle::Monthly || as_of_.has_value()));
      }
    }
  }

  // For KPIs paced by last year's profile: last year's whole period of each period measured to
  // date, computed in the same pass (last year's same days to date come with its 同比).
  void last_year_periods() {
    last_year_whole_.assign(periods_.size(), std::nullopt);
    const bool any = std::any_of(plan_.rows.begin(), plan_.rows.end(), [&](const auto& row) {
      return library_.kpis[kpi_index(row.kpi)].pace == library::Kpi::Pace::LastYear;
    });
    if (!as_of_ || !any) {
      return;
    }
    const std::size_t measured = periods_.size();
    for (std::size_t p = 0; p < measured; ++p) {
      if (!to_date_[p]) {
        continue;
      }
      const Period last_year = time::same_period_last_year(whole_periods_[p], library_.calendar);
      const auto same = std::find(periods_.begin(), periods_.end(), last_year);
      last_year_whole_[p] = static_cast<std::size_t>(same - periods_.begin());
      if (same == periods_.end()) {
        periods_.push_back(last_year);
        whole_periods_.push_back(last_year);
        to_date_.push_back(false);
      }
    }
  }

  void compute(const std::vector<PeriodState>& states) {
    engine::ValuesRequest request;
    request.periods = periods_;
    request.whole_periods = whole_periods_;  // days_in_period() of a period measured to a day
    request.by = options_.by;
    request.scan = options_.run.scan;
    request.measure_table = options_.measure_table;
    request.emit_measures = options_.emit_measures;
    request.today = options_.run.today.value_or(time::system_today());
    // Only the plan's KPIs: a source no plan row reads is not read (nor needed).
    for (const score::PlanRow& row : plan_.rows) {
      const std::size_t kpi = kpi_index(row.kpi);
      if (std::find(request.kpis.begin(), request.kpis.end(), kpi) == request.kpis.end()) {
        request.kpis.push_back(kpi);
      }
    }
    // Each plan row's KPI in its own cycle's period of each report, not in every period.
    for (const PeriodState& state : states) {
      for (const score::PlanRow& row : plan_.rows) {
        const std::size_t period = state.cycle_index[static_cast<std::size_t>(row.cycle)];
        request.kpi_periods.emplace_back(period, kpi_index(row.kpi));
        // and last year's whole period, for a KPI paced by last year's profile
        if (period < last_year_whole_.size() && last_year_whole_[period]) {
          request.kpi_periods.emplace_back(*last_year_whole_[period], kpi_index(row.kpi));
        }
      }
    }
    request.with_changes = true;
    request.with_whole = true;
    values_ = engine::compute_values(compiled_, request);
    index_values();
  }

  // A cron job must not "succeed" on a month whose export never arrived: every KPI would be —.
  // With `warnings`, that is said there instead of thrown.
  void check_rows_in_period(std::vector<std::string>* warnings) const {
    const auto same = std::find_if(periods_.begin(), periods_.end(), [&](const time::Period& p) {
      return time::same_days(p, period_);
    });
    const auto index =
        static_cast<std::size_t>(same == periods_.end() ? 0 : same - periods_.begin());
    for (const engine::SourceRows& counted : values_.rows_in_periods) {
      if (counted.rows[index] > 0) {
        continue;
      }
      const library::Source& source = library_.sources[counted.source];
      // A register of rare events (complaints) may have none in a month: its measures say so
      // with no_rows = 0.
      const bool rare_events = std::any_of(library_.measures.begin(), library_.measures.end(),
                                           [&](const library::Measure& m) {
                                             return m.source == source.name && m.zero_without_rows;
                                           });
      if (rare_events) {
        continue;
      }
      if (!options_.measure_table.empty()) {
        throw Error({"data.empty-period",
                     fmt::format("the measures table has no row of source \"{}\" in {} (no {} "
                                 "for the period): was it computed for this period? "
                                 "--allow-empty reports the period anyway",
                                 source.name, period_.label, engine::source_rows_name(source.name)),
                     {options_.measure_table}});
      }
      std::size_t files = 0;
      for (const engine::InputFile& input : values_.quality.inputs()) {
        files += input.source == source.name ? 1 : 0;
      }
      if (warnings != nullptr) {
        warnings->push_back(
            fmt::format("no row of source \"{}\" falls in the period: its KPIs have no value there",
                        source.name));
        continue;
      }
      throw Error({"data.empty-period",
                   fmt::format("no row of source \"{}\" falls in {} ({} file{} read): its export "
                               "for the period may be missing; --allow-empty reports the period "
                               "anyway",
                               source.name, period_.label, files, files == 1 ? "" : "s"),
                   {}});
    }
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
    if (plan_.is_tree()) {
      build_tree(report, resolution, keys);
    } else {
      for (const score::ScorecardKey& key : keys) {
        report.scorecards.push_back(build_scorecard(resolution, key, report.warnings));
      }
    }
    if (plan_.weight_scope == score::WeightScope::Plan) {
      report.plan_total = score::score_scorecard(all_weighted_, options_.missing);
    }
  }

  // A plan with a parent column: its scorecards (and those made of 下级 rows only) in the
  // tree's order, each child scored before its parent, whose 下级 line is the mean of their
  // totals (docs/hierarchy.md).
  void build_tree(report::Report& report, const score::PlanResolution& resolution,
                  std::vector<score::ScorecardKey> keys) {
    report.tree = true;
    for (const score::ChildrenRow& row : plan_.children_rows) {
      const score::ScorecardKey key{row.scorecard, ""};
      if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
        keys.push_back(key);
      }
    }
    // Parents are whole scorecards: found by name among the keys (an `each` row may expand to
    // thousands of entities, so not by a search per key).
    std::map<std::string, std::size_t> wholes;
    for (std::size_t k = 0; k < keys.size(); ++k) {
      if (keys[k].second.empty()) {
        wholes.emplace(keys[k].first, k);
      }
    }
    std::vector<std::string> parents;
    std::vector<score::TreeNode> nodes;
    std::vector<std::vector<std::size_t>> children_of(keys.size());
    for (std::size_t k = 0; k < keys.size(); ++k) {
      parents.push_back(score::parent_of(plan_, keys[k].first, keys[k].second));
      const auto parent = parents.back().empty() ? wholes.end() : wholes.find(parents.back());
      nodes.push_back({parent == wholes.end() ? std::nullopt : std::optional(parent->second)});
      if (parent != wholes.end()) {
        children_of[parent->second].push_back(k);
      }
    }
    const score::TreeOrder tree = score::tree_order(nodes);
    std::vector<report::Scorecard> built(keys.size());
    std::vector<std::vector<std::string>> warnings(keys.size());
    for (auto node = tree.order.rbegin(); node != tree.order.rend(); ++node) {
      std::optional<report::KpiLine> children;
      if (const score::ChildrenRow* row = score::children_row_of(plan_, keys[*node].first);
          row != nullptr && keys[*node].second.empty()) {
        std::vector<std::optional<long double>> totals;
        for (const std::size_t child : children_of[*node]) {
          totals.push_back(built[child].total.total);
        }
        children = children_line(*row, totals);
      }
      built[*node] = build_scorecard(resolution, keys[*node], warnings[*node], children);
      built[*node].parent = parents[*node];
      built[*node].depth = tree.depth[*node];
    }
    for (const std::size_t node : tree.order) {
      report.scorecards.push_back(std::move(built[node]));
      report.warnings.insert(report.warnings.end(), warnings[node].begin(), warnings[node].end());
    }
  }

  // The 下级 line of a scorecard: the mean of its children's totals, as a line of its own.
  report::KpiLine children_line(const score::ChildrenRow& row,
                                const std::vector<std::optional<long double>>& totals) const {
    report::KpiLine line;
    line.kpi = row.word;
    line.name = row.word;
    line.unit = "score";
    line.precision = 1;
    line.period = period_.label;
    line.weight = row.weight;
    line.qualitative = true;
    line.score = score::children_score(totals);
    line.actual = line.score.points;
    return line;
  }

  // With [grades]: each scorecard's grade, 绩效系数 and rank within its group, the forced
  // distribution checked per group, and with a pay file the bonus (base × coefficient).
  void grade_scorecards(report::Report& report) const {
    if (!options_.pay_path.empty() && !library_.grades) {
      throw Error({"library.invalid",
                   "a pay file needs [grades] in the library: the bonus is the base bonus times "
                   "the grade's coefficient",
                   {options_.run.library_path}});
    }
    if (!library_.grades) {
      return;
    }
    const library::Grades& grades = *library_.grades;
    report.graded = true;
    std::vector<std::optional<long double>> totals;
    std::vector<std::string> groups;
    std::vector<std::optional<std::string>> grade_names;
    for (report::Scorecard& scorecard : report.scorecards) {
      report::Outcome& outcome = scorecard.outcome;
      // In a tree, a scorecard ranks among its parent's children (the roots together).
      outcome.group = report.tree                ? scorecard.parent
                      : scorecard.entity.empty() ? ""
                                                 : scorecard.name;
      if (scorecard.total.total) {
        const library::GradeBand& band = score::grade_of(grades, *scorecard.total.total);
        outcome.grade = band.grade;
        outcome.coefficient_units = band.coefficient_units;
      }
      totals.push_back(scorecard.total.total);
      groups.push_back(outcome.group);
      grade_names.push_back(outcome.grade);
    }
    const std::vector<std::optional<int>> ranks = score::rank_within_groups(totals, groups);
    for (std::size_t i = 0; i < ranks.size(); ++i) {
      report.scorecards[i].outcome.rank = ranks[i];
    }
    if (grades.limit) {
      for (const score::DistributionBreach& breach :
           score::check_distribution(*grades.limit, grade_names, groups)) {
        report.warnings.push_back(render(Diagnostic{
            "grades.distribution",
            fmt::format("{}: {} of {} scorecards graded {} ({}), more than the {} allowed",
                        breach.group.empty() ? "the plan's scorecards" : breach.group,
                        breach.limited, breach.graded, fmt::join(grades.limit->grades, " or "),
                        percent_text(static_cast<long double>(breach.limited) / breach.graded),
                        percent_text(grades.limit->at_most)),
            grades.limit->where}));
      }
    }
    if (!options_.pay_path.empty()) {
      pay_scorecards(report);
    }
  }

  // The bonus of each scorecard that has a grade and a base bonus: a person's row matches a
  // scorecard's entity, or the name of a scorecard without one.
  void pay_scorecards(report::Report& report) const {
    report.paid = true;
    for (const score::PayRow& row : score::load_pay(options_.pay_path)) {
      bool matched = false;
      for (report::Scorecard& scorecard : report.scorecards) {
        const std::string& person = scorecard.entity.empty() ? scorecard.name : scorecard.entity;
        if (person != row.person) {
          continue;
        }
        matched = true;
        report::Outcome& outcome = scorecard.outcome;
        outcome.base_units = row.base_units;
        if (outcome.coefficient_units) {
          outcome.bonus = score::bonus_units(row.base_units, *outcome.coefficient_units);
        }
      }
      if (!matched) {
        report.warnings.push_back(render(Diagnostic{
            "pay.unmatched",
            fmt::format("\"{}\" has a base bonus but no scorecard in this report", row.person),
            row.where}));
      }
    }
  }

  static std::string percent_text(long double share) {
    return fmt::format("{:.1f}%", static_cast<double>(share * 100));
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
                                    std::vector<std::string>& warnings,
                                    std::optional<report::KpiLine> children = std::nullopt) {
    const auto& [name, entity] = key;
    report::Scorecard scorecard{name, entity, {}, {}, {}, {}, 0};
    std::vector<score::WeightedKpi> weighted;
    std::vector<const score::PlanRow*> rows = resolution.rows_of(key);
    if (children) {
      rows.push_back(nullptr);  // the 下级 line, after the scorecard's own KPIs
    }
    for (const score::PlanRow* plan_row : rows) {
      if (plan_row == nullptr) {
        if (!children->score.points) {
          warnings.push_back(
              fmt::format("{}: {} has no value ({})", name, children->name, children->score.note));
        }
        weighted.push_back({children->weight, children->score, false, children->name});
        scorecard.kpis.push_back(std::move(*children));
        continue;
      }
      const score::PlanRow& row = *plan_row;
      report::KpiLine line = kpi_line(row, entity);
      if (line.pace && line.pace->prorated && !line.pace->expected) {
        warnings.push_back(no_profile(name, entity, line, period_of(row)));
      }
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
    for (const report::KpiLine& line : scorecard.kpis) {
      if (line.raters) {  // who scored a qualitative KPI, and who did not
        scorecard.total.notes.push_back(fmt::format("{}: {}", line.name, line.score.note));
      }
    }
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
      const library::Ratings* ratings = library_.ratings ? &*library_.ratings : nullptr;
      score::CombinedScore combined = score::combine_scores(scores_, row.scorecard, entity, row.kpi,
                                                            whole_periods_[period], ratings);
      if (!combined.points && !time::same_days(whole_periods_[period], period_)) {
        combined = score::combine_scores(scores_, row.scorecard, entity, row.kpi, period_, ratings);
      }
      line.actual = combined.points;
      line.score = score::manual_score(
          line.actual, row.target ? std::optional(row.target->value) : std::nullopt, scoring);
      if (!line.actual) {
        line.score.note = missing_score_note(row, entity, period);
      } else if (!combined.note.empty()) {
        line.score.note = combined.note;
        line.raters = true;
      }
      return line;
    }
    if (const engine::KpiValue* value = find_value(period, kpi, entity)) {
      line.actual = value->value;
      line.actual_exact = value->exact;
      line.change_previous = score::relative_change(value->value, value->previous);
      line.change_last_year = score::relative_change(value->value, value->last_year);
    }
    line.score = score::score_kpi(line.actual, row, definition.direction, scoring);
    if (as_of_ && line.to_date && row.target) {
      line.pace = pace(line, kpi, period, entity);
      line.score.status = line.pace->status;
    }
    return line;
  }

  // Where a line stands against the days gone by, or last year's profile of them.
  score::Pace pace(const report::KpiLine& line, std::size_t kpi, std::size_t period,
                   const std::string& entity) const {
    const score::Elapsed days =
        score::elapsed_days(whole_periods_[period], *as_of_, library_.workdays);
    if (library_.kpis[kpi].pace != library::Kpi::Pace::LastYear) {
      return score::pace_of(line.actual, *line.target, days, adds_up_over_time(kpi),
                            line.score.status);
    }
    const engine::KpiValue* to_date = find_value(period, kpi, entity);
    const engine::KpiValue* whole = find_value(*last_year_whole_[period], kpi, entity);
    const std::optional<score::Elapsed> profile = score::elapsed_last_year(
        to_date ? to_date->last_year : std::nullopt, whole ? whole->value : std::nullopt, days);
    if (profile) {
      return score::pace_of(line.actual, *line.target, *profile, true, line.score.status);
    }
    // Too little history: no target to date is guessed (no_profile says why).
    score::Pace none;
    none.elapsed_by = score::ElapsedBy::LastYear;
    none.days_left = days.days_left;
    none.prorated = true;
    none.status = line.score.status;
    return none;
  }

  // Said for a line paced by last year's profile that last year's values cannot give.
  std::string no_profile(const std::string& scorecard, const std::string& entity,
                         const report::KpiLine& line, std::size_t period) const {
    const Period& last_year = periods_[*last_year_whole_[period]];
    return fmt::format(
        "{}{}{}: {} is not paced: pace = \"last_year\" needs its value in {} up to {} and a "
        "value above 0 for the whole of {} (too little history)",
        scorecard, entity.empty() ? "" : " · ", entity, line.name, last_year.label,
        format_date(time::add_years(*as_of_, -1)), last_year.label);
  }

  // Whether a KPI's target is pro-rated by the days gone by: an amount or a count that adds up
  // (sums and counts, and sums and differences of them), higher being better. A rate, an
  // average or a lower-is-better KPI is held to its whole target.
  // `pace` in the library decides when given.
  bool adds_up_over_time(std::size_t kpi) const {
    const library::Kpi& definition = library_.kpis[kpi];
    if (definition.pace != library::Kpi::Pace::Auto) {
      return definition.pace != library::Kpi::Pace::Whole;
    }
    return definition.direction == library::Direction::HigherIsBetter &&
           definition.unit != "percent" && sums_and_counts(library_, compiled_, kpi);
  }

  // A score that the file gives this KPI under a scorecard the plan does not have is most
  // likely the one meant (a misspelt 部门/岗位): the note names it rather than say there is
  // none.
  std::string missing_score_note(const score::PlanRow& row, const std::string& entity,
                                 std::size_t period) const {
    score::UnplannedScore found =
        score::find_unplanned_score(unplanned_, entity, row.kpi, whole_periods_[period]);
    if (!found.row && !time::same_days(whole_periods_[period], period_)) {
      found = score::find_unplanned_score(unplanned_, entity, row.kpi, period_);
    }
    if (!found.row) {
      return "no score in the scores file";
    }
    const std::string& nearest = found.group->nearest;
    return fmt::format(
        "no score in the scores file for {}; {}:{} gives one to \"{}\", a scorecard the plan "
        "does not have{}",
        row.scorecard, found.row->where.file, found.row->where.line, found.group->scorecard,
        nearest.empty() ? "" : fmt::format(": did you mean \"{}\"?", nearest));
  }

  const ReportOptions& options_;
  library::Library library_;
  library::CompiledLibrary compiled_;
  score::Plan plan_;
  std::vector<score::ManualScore> scores_;
  std::vector<score::UnplannedScores> unplanned_;  // points into scores_
  Period period_;
  std::array<score::CyclePeriod, score::kCycleCount> cycles_;  // per Cycle
  std::optional<std::int32_t> as_of_;     // the day a period in progress is measured to
  std::vector<Period> periods_;           // the distinct periods measured
  std::vector<Period> whole_periods_;     // per period: its whole cycle period
  std::vector<bool> to_date_;             // per period: a cycle period cut at the end
  std::vector<std::size_t> cycle_index_;  // per Cycle: index into periods_, or kNotComputed
  static constexpr std::size_t kNotComputed = static_cast<std::size_t>(-1);  // no row's cycle
  // per period measured to date, with pace = "last_year": last year's whole period
  std::vector<std::optional<std::size_t>> last_year_whole_;
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

report::ScoreHistory run_report_history(const ReportOptions& options) {
  return ReportBuilder(options).build_history();
}

}  // namespace kpi::app
