// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "kpi/library/library.hpp"
#include "kpi/score/plan.hpp"

namespace kpi::score {

/// Where a KPI stands against its target. Scored: a hand-given score with no target to stand
/// against, so neither met nor missed.
/// A KPI's standing: met, at risk or missed against its target; ahead, on pace or behind while
/// its period is open (see pacing.hpp); scored by hand without a target; or no value.
enum class Status { Met, AtRisk, Missed, NoValue, Scored, Ahead, OnPace, Behind };

std::string_view status_name(Status status);

struct ScoringOptions {
  ScoringRule default_rule;  ///< capped ratio at 120 % unless the plan says
  InverseAchievement inverse = InverseAchievement::TargetOverActual;
  long double at_risk_from = 0.9L;  ///< achievement from here up to 100 % is "at risk"
};

/// One KPI's result against one plan row.
struct KpiScore {
  std::optional<long double> achievement;  ///< 0.95 for 95 %; none without a usable ratio
  std::optional<long double> points;       ///< 0 up to the cap's points; none: not scored
  Status status = Status::NoValue;
  std::string note;  ///< why, when the plain rule did not apply ("target is 0: …")
};

/// Scores `actual` against the row's target.
///
/// Achievement is actual ÷ target when higher is better; when lower is better it is
/// target ÷ actual (or 2 − actual ÷ target, by option), and an actual of 0 or less earns the
/// cap. A target of 0 or below gives no ratio: the KPI is scored pass/fail (100 or 0) and the
/// note says so. A two-tier row (保底 base, 挑战 stretch) scores 0 below the base, 60 at the
/// base, 100 at the target and the cap's points at the stretch, in straight lines between.
/// Otherwise the row's rule, or the default rule, turns achievement into points; points never
/// go below 0. No actual value means no points and status NoValue.
KpiScore score_kpi(std::optional<long double> actual, const PlanRow& row,
                   library::Direction direction, const ScoringOptions& options);

/// score_kpi with its arithmetic in words, step by step (kpi explain --plan): the achievement
/// as the direction computes it, the points as the rule (or the two tiers) gives them, and the
/// status. `score` is score_kpi's result, computed with the same steps.
struct ScoreSteps {
  KpiScore score;
  std::vector<std::string> steps;
};
ScoreSteps score_steps(std::optional<long double> actual, const PlanRow& row,
                       library::Direction direction, const ScoringOptions& options);

/// A plan row that scores a KPI, with its score step by step (kpi explain --plan).
struct ExplainedPlanRow {
  const PlanRow* row = nullptr;
  ScoreSteps scored;
};

/// A qualitative KPI's score (0–100) from the scores CSV, as a KpiScore: the points are the
/// score. Against the plan's target (a score above 0) achievement is score ÷ target and the
/// status follows it; without a target there is no achievement, and the status is Scored.
KpiScore manual_score(std::optional<long double> points, std::optional<long double> target,
                      const ScoringOptions& options);

/// What to do with a KPI that has no value.
enum class MissingValues {
  Renormalise,  ///< leave it out and scale the other weights up to 100 (the default)
  ScoreZero,    ///< count it as 0 points
};

struct WeightedKpi {
  long double weight = 0;  ///< percent points
  KpiScore score;
  bool veto = false;
  std::string kpi_name;
};

struct ScorecardScore {
  std::optional<long double> total;  ///< none when no KPI has a value
  std::vector<std::string> notes;    ///< renormalisation, veto, …
  bool vetoed = false;
};

/// Σ weight × points ÷ Σ weight. A veto KPI that does not meet its target (or has no value)
/// zeroes the total; a hand-given score without a target (Scored) has none to miss.
ScorecardScore score_scorecard(const std::vector<WeightedKpi>& kpis, MissingValues missing);

}  // namespace kpi::score
