// SPDX-License-Identifier: MIT
#include "kpi/score/scoring.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace kpi::score {
namespace {

constexpr long double kBasePoints = 60;
// Ratios of decimal figures are not exact in binary: 72000 ÷ 80000 must reach 90 %.
constexpr long double kTolerance = 1e-12L;

bool reaches(long double achievement, long double threshold) {
  return achievement + kTolerance >= threshold;
}

Status status_of(long double achievement, const ScoringOptions& options) {
  if (reaches(achievement, 1)) {
    return Status::Met;
  }
  return reaches(achievement, options.at_risk_from) ? Status::AtRisk : Status::Missed;
}

long double capped(long double achievement, long double cap) {
  return 100 * std::min(achievement, cap);
}

long double apply_rule(const ScoringRule& rule, long double achievement) {
  using Kind = ScoringRule::Kind;
  switch (rule.kind) {
    case Kind::CappedRatio:
      return capped(achievement, rule.cap);
    case Kind::Floor:
      return reaches(achievement, rule.threshold) ? capped(achievement, rule.cap) : 0;
    case Kind::Linear:
      if (achievement <= rule.from) return 0;
      if (achievement >= rule.to) return 100;
      return 100 * (achievement - rule.from) / (rule.to - rule.from);
    case Kind::Bands:
      for (const ScoringRule::Band& band : rule.bands) {
        if (reaches(achievement, band.threshold)) {
          return band.points;
        }
      }
      return 0;
    case Kind::PassFail:
      return reaches(achievement, 1) ? 100 : 0;
    case Kind::Deduct:  // scored from the count itself (deducted_points), not the achievement
      return 0;
  }
  return 0;
}

// 扣分制: 100 less `per` for each event counted, never below the rule's floor nor above 100.
long double deducted_points(const ScoringRule& rule, long double count) {
  return std::max(rule.least, 100 - rule.per * std::max<long double>(0, count));
}

// Achievement of `actual` against `target` (> 0) in the KPI's direction.
long double achievement_of(long double actual, long double target, library::Direction direction,
                           const ScoringOptions& options, long double cap) {
  if (direction != library::Direction::LowerIsBetter) {
    return actual / target;
  }
  if (options.inverse == InverseAchievement::TwoMinusRatio) {
    return 2 - actual / target;
  }
  return actual <= 0 ? cap : target / actual;
}

// 0 below the base, 60 at it, 100 at the target, the cap's points at the stretch.
long double two_tier_points(long double achievement, std::optional<long double> base_achievement,
                            std::optional<long double> stretch_achievement, long double cap) {
  if (achievement < 1) {
    if (!base_achievement || *base_achievement >= 1) {
      return 100 * achievement;
    }
    if (achievement < *base_achievement) {
      return 0;
    }
    return kBasePoints +
           (100 - kBasePoints) * (achievement - *base_achievement) / (1 - *base_achievement);
  }
  if (!stretch_achievement || *stretch_achievement <= 1) {
    return capped(achievement, cap);
  }
  if (achievement >= *stretch_achievement) {
    return 100 * cap;
  }
  return 100 + (100 * cap - 100) * (achievement - 1) / (*stretch_achievement - 1);
}

KpiScore pass_fail_without_ratio(long double actual, long double target,
                                 library::Direction direction) {
  const bool met =
      direction == library::Direction::LowerIsBetter ? actual <= target : actual >= target;
  KpiScore score;
  score.points = met ? 100 : 0;
  score.status = met ? Status::Met : Status::Missed;
  score.note =
      fmt::format("target is {}: no ratio, scored pass/fail", target == 0 ? "0" : "negative");
  return score;
}

// A number as the steps show it: up to six decimals, no trailing zeros.
std::string number(long double value) {
  std::string text = fmt::format("{:.6f}", static_cast<double>(value));
  while (text.back() == '0') {
    text.pop_back();
  }
  if (text.back() == '.') {
    text.pop_back();
  }
  return text == "-0" ? "0" : text;
}

std::string percent(long double fraction) { return number(fraction * 100) + " %"; }

std::string achievement_step(long double actual, long double target, library::Direction direction,
                             const ScoringOptions& options, long double cap,
                             long double achievement) {
  if (direction != library::Direction::LowerIsBetter) {
    return fmt::format("achievement = actual ÷ target = {} ÷ {} = {}", number(actual),
                       number(target), number(achievement));
  }
  if (options.inverse == InverseAchievement::TwoMinusRatio) {
    return fmt::format("achievement = 2 − actual ÷ target (lower is better) = 2 − {} ÷ {} = {}",
                       number(actual), number(target), number(achievement));
  }
  if (actual <= 0) {
    return fmt::format("achievement = the cap {} (lower is better, actual {} is 0 or below)",
                       number(cap), number(actual));
  }
  return fmt::format("achievement = target ÷ actual (lower is better) = {} ÷ {} = {}",
                     number(target), number(actual), number(achievement));
}

std::string rule_step(const ScoringRule& rule, long double achievement, long double points) {
  using Kind = ScoringRule::Kind;
  switch (rule.kind) {
    case Kind::CappedRatio:
      return fmt::format("points = 100 × min(achievement, cap {}) = 100 × min({}, {}) = {}",
                         percent(rule.cap), number(achievement), number(rule.cap), number(points));
    case Kind::Floor:
      if (!reaches(achievement, rule.threshold)) {
        return fmt::format("points = 0: achievement {} is below the floor {}", number(achievement),
                           percent(rule.threshold));
      }
      return fmt::format(
          "points = 100 × min(achievement, cap {}) above the floor {} = 100 × "
          "min({}, {}) = {}",
          percent(rule.cap), percent(rule.threshold), number(achievement), number(rule.cap),
          number(points));
    case Kind::Linear:
      return fmt::format(
          "points = 100 × (achievement − {}) ÷ ({} − {}), from 0 to 100 (linear {}..{}) = {}",
          number(rule.from), number(rule.to), number(rule.from), percent(rule.from),
          percent(rule.to), number(points));
    case Kind::Bands:
      for (const ScoringRule::Band& band : rule.bands) {
        if (reaches(achievement, band.threshold)) {
          return fmt::format("points = {}: achievement {} reaches the band {}", number(points),
                             number(achievement), percent(band.threshold));
        }
      }
      return fmt::format("points = 0: achievement {} reaches no band", number(achievement));
    case Kind::PassFail:
      return fmt::format("points = {} (pass/fail: achievement {} {} 100 %)", number(points),
                         number(achievement), reaches(achievement, 1) ? "≥" : "<");
    case Kind::Deduct:  // told by score_steps from the count
      break;
  }
  return "";
}

std::string status_step(Status status, const ScoringOptions& options) {
  switch (status) {
    case Status::Met:
      return "status = met (achievement ≥ 100 %)";
    case Status::AtRisk:
      return fmt::format("status = at risk (achievement from {} to 100 %)",
                         percent(options.at_risk_from));
    default:
      return fmt::format("status = {} (achievement below {})", status_name(status),
                         percent(options.at_risk_from));
  }
}
// The row with the default rule: a deduct row's achievement and status are the plain ones.
PlanRow plain_row(const PlanRow& row) {
  PlanRow plain = row;
  plain.rule.reset();
  plain.base.reset();
  plain.stretch.reset();
  return plain;
}

// 5 → "5", 2.5 → "2.5".
std::string plain(long double value) { return fmt::format("{}", static_cast<double>(value)); }

}  // namespace

ScoreSteps score_steps(std::optional<long double> actual, const PlanRow& row,
                       library::Direction direction, const ScoringOptions& options) {
  ScoreSteps result;
  result.score = score_kpi(actual, row, direction, options);
  const ScoringRule& row_rule = row.rule ? *row.rule : options.default_rule;
  if (actual && row_rule.kind == ScoringRule::Kind::Deduct) {
    result.steps.push_back(fmt::format("points = 100 − {} × {} events, not below {} = {}",
                                       number(row_rule.per), number(*actual),
                                       number(row_rule.least), number(*result.score.points)));
    result.steps.push_back(result.score.status == Status::Scored
                               ? std::string("status = scored (no target)")
                               : status_step(result.score.status, options));
    return result;
  }
  if (!actual || !row.target) {
    result.steps.push_back(fmt::format("no points: {}", result.score.note));
    return result;
  }
  const long double target = row.target->value;
  if (target <= 0) {
    result.steps.push_back(fmt::format(
        "target {} is not above 0: no ratio; pass/fail: actual {} {} target → {} points",
        number(target), number(*actual), direction == library::Direction::LowerIsBetter ? "≤" : "≥",
        number(*result.score.points)));
    return result;
  }
  const ScoringRule& rule = row.rule ? *row.rule : options.default_rule;
  const long double cap =
      rule.kind == ScoringRule::Kind::CappedRatio || rule.kind == ScoringRule::Kind::Floor
          ? rule.cap
          : options.default_rule.cap;
  const long double achievement = achievement_of(*actual, target, direction, options, cap);
  result.steps.push_back(achievement_step(*actual, target, direction, options, cap, achievement));
  long double points = 0;
  if (row.base || row.stretch) {
    const auto tier = [&](const std::optional<Target>& bound) -> std::optional<long double> {
      if (!bound || bound->value <= 0) {
        return std::nullopt;
      }
      return achievement_of(bound->value, target, direction, options, cap);
    };
    points = two_tier_points(achievement, tier(row.base), tier(row.stretch), cap);
    result.steps.push_back(fmt::format(
        "points on the two tiers (0 below 保底{}, 60 at it, 100 at the target, {} at 挑战{}), "
        "in straight lines = {}",
        row.base ? fmt::format(" {}", row.base->text) : "", number(100 * cap),
        row.stretch ? fmt::format(" {}", row.stretch->text) : "", number(points)));
  } else {
    points = apply_rule(rule, achievement);
    result.steps.push_back(rule_step(rule, achievement, points));
  }
  if (points < 0) {
    result.steps.push_back("points below 0 count 0");
  }
  result.steps.push_back(status_step(result.score.status, options));
  return result;
}

std::string_view status_name(Status status) {
  switch (status) {
    case Status::Met:
      return "met";
    case Status::AtRisk:
      return "at risk";
    case Status::Missed:
      return "missed";
    case Status::NoValue:
      return "no value";
    case Status::Scored:
      return "scored";
    case Status::Ahead:
      return "ahead";
    case Status::OnPace:
      return "on pace";
    case Status::Behind:
      return "behind";
  }
  return "no value";
}

KpiScore score_kpi(std::optional<long double> actual, const PlanRow& row,
                   library::Direction direction, const ScoringOptions& options) {
  KpiScore score;
  if (!actual) {
    score.note = "no value";
    return score;
  }
  const ScoringRule& rule = row.rule ? *row.rule : options.default_rule;
  if (rule.kind == ScoringRule::Kind::Deduct) {
    // The points come from the count; a target (often 0 complaints) still gives the status,
    // and without one the line is only scored.
    KpiScore deducted;
    deducted.status = Status::Scored;
    if (row.target) {
      deducted = row.target->value <= 0
                     ? pass_fail_without_ratio(*actual, row.target->value, direction)
                     : score_kpi(actual, plain_row(row), direction, options);
    }
    deducted.points = deducted_points(rule, *actual);
    deducted.note = fmt::format("deduct {} per event from 100", plain(rule.per));
    return deducted;
  }
  if (!row.target) {
    score.note = "no target";
    return score;
  }
  const long double target = row.target->value;
  if (target <= 0) {
    return pass_fail_without_ratio(*actual, target, direction);
  }
  const long double cap =
      rule.kind == ScoringRule::Kind::CappedRatio || rule.kind == ScoringRule::Kind::Floor
          ? rule.cap
          : options.default_rule.cap;
  const long double achievement = achievement_of(*actual, target, direction, options, cap);
  score.achievement = achievement;
  score.status = status_of(achievement, options);
  if (row.base || row.stretch) {
    const auto tier = [&](const std::optional<Target>& bound) -> std::optional<long double> {
      if (!bound || bound->value <= 0) {
        return std::nullopt;
      }
      return achievement_of(bound->value, target, direction, options, cap);
    };
    score.points = two_tier_points(achievement, tier(row.base), tier(row.stretch), cap);
  } else {
    score.points = apply_rule(rule, achievement);
  }
  score.points = std::max<long double>(0, *score.points);
  if (direction == library::Direction::LowerIsBetter && *actual <= 0 &&
      options.inverse == InverseAchievement::TargetOverActual) {
    score.note = "actual is 0 or below on a lower-is-better KPI: full marks";
  }
  return score;
}

KpiScore manual_score(std::optional<long double> points, std::optional<long double> target,
                      const ScoringOptions& options) {
  KpiScore score;
  if (!points) {
    score.note = "no score in the scores file";
    return score;
  }
  score.points = *points;
  // Points ÷ 100 against the ratio thresholds made a good 88 "missed" (issue 23): a score
  // stands only against a target the plan gives it.
  if (!target || *target <= 0) {
    score.status = Status::Scored;
    return score;
  }
  score.achievement = *points / *target;
  score.status = status_of(*score.achievement, options);
  return score;
}

ScorecardScore score_scorecard(const std::vector<WeightedKpi>& kpis, MissingValues missing) {
  ScorecardScore result;
  long double weighted = 0, scored_weight = 0, total_weight = 0;
  for (const WeightedKpi& kpi : kpis) {
    total_weight += kpi.weight;
    if (kpi.veto && kpi.score.status != Status::Met && kpi.score.status != Status::Scored &&
        kpi.score.status != Status::Ahead && kpi.score.status != Status::OnPace) {
      result.vetoed = true;
      result.notes.push_back(
          fmt::format("一票否决 veto: {} {}", kpi.kpi_name,
                      kpi.score.status == Status::NoValue ? "has no value" : "was missed"));
    }
    if (kpi.score.points) {
      weighted += kpi.weight * *kpi.score.points;
      scored_weight += kpi.weight;
    } else if (missing == MissingValues::ScoreZero) {
      scored_weight += kpi.weight;
      result.notes.push_back(fmt::format("{} has no value: scored 0", kpi.kpi_name));
    } else {
      result.notes.push_back(
          fmt::format("{} has no value: left out, other weights scaled to 100", kpi.kpi_name));
    }
  }
  // With weights adding up to 100, both reduce to Σ weight × points ÷ 100 when all have values.
  const long double divisor = missing == MissingValues::Renormalise ? scored_weight : total_weight;
  if (scored_weight > 0 && divisor > 0) {
    result.total = weighted / divisor;
  }
  if (result.vetoed) {
    result.total = 0;
  }
  return result;
}

}  // namespace kpi::score
