// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kpi/core/diagnostic.hpp"
#include "kpi/time/period.hpp"

namespace kpi::score {

/// How often a KPI is assessed. A quarterly KPI in a monthly report is scored on its quarter
/// (to date, while the quarter is not over).
enum class Cycle { Monthly, Quarterly, Yearly, HalfMonthly, HalfYearly };
inline constexpr std::size_t kCycleCount = 5;

/// A target as the plan writes it: "8万元" (80000), "≥90分" (90), "35%" (0.35), "100%" (1).
struct Target {
  long double value = 0;
  bool written_as_percent = false;  ///< "35%": only right for a percent KPI
  std::string text;                 ///< as written, for the report
};

/// How achievement becomes points (0–100, or more up to a cap).
struct ScoringRule {
  enum class Kind {
    CappedRatio,  ///< points = 100 × min(achievement, cap)            (the default, cap 120 %)
    Floor,        ///< 0 below `threshold`, capped ratio above
    Linear,       ///< 0 at `from` or below, 100 at `to` or above, straight line between
    Bands,        ///< the points of the highest band whose threshold achievement reaches
    PassFail,     ///< 100 when achievement ≥ 100 %, else 0
    Deduct,       ///< 扣分制: 100 − `per` × the KPI's count of events, not below `least`
  };
  struct Band {
    long double threshold = 0;  ///< achievement, 1.0 = 100 %
    long double points = 0;
  };
  Kind kind = Kind::CappedRatio;
  long double cap = 1.2;
  long double threshold = 0;     ///< Floor
  long double from = 0, to = 1;  ///< Linear
  std::vector<Band> bands;       ///< Bands, highest threshold first
  long double per = 0;           ///< Deduct: points taken off per event
  long double least = 0;         ///< Deduct: the points a scorecard line never goes below
};

/// How lower-is-better KPIs turn into achievement.
enum class InverseAchievement {
  TargetOverActual,  ///< target ÷ actual (the default)
  TwoMinusRatio,     ///< 2 − actual ÷ target
};

/// One row of the KPI plan table (KPI计划表).
struct PlanRow {
  std::string scorecard;            ///< 部门/岗位: department or role
  std::string entity;               ///< 对象: "" for the whole, a breakdown value, or "each"
  std::string kpi;                  ///< a KPI id (or display name, resolved to the id)
  std::optional<Target> target;     ///< 目标值; optional for qualitative KPIs (a score)
  long double weight = 0;           ///< 权重, in percent points: 30 for "30%"
  Cycle cycle = Cycle::Monthly;     ///< 考核周期
  std::optional<ScoringRule> rule;  ///< 评分规则; none: the plan's default
  /// 期间: the one period the row applies to (read at load, see time::parse_written_period),
  /// or none for every period.
  std::optional<time::Period> period;
  std::optional<Target> base;     ///< 保底: base target of a two-tier KPI (60 points)
  std::optional<Target> stretch;  ///< 挑战: stretch target (the cap's points)
  bool veto = false;              ///< 一票否决: missing it zeroes the scorecard
  std::string area;               ///< 考核维度 / 指标类别: the KPI area, "" for none
  std::string parent;             ///< 上级: the scorecard this one rolls up into, "" for none
  SourceLocation where;           ///< the plan file and line
};

/// A plan row whose KPI cell is 下级 (children): the weighted mean of the children's totals
/// counts in its scorecard's total with `weight` (see docs/hierarchy.md). Its scorecard is a
/// whole one (no 对象), in every period.
struct ChildrenRow {
  std::string scorecard;
  std::string word;        ///< as written: 下级 or children
  long double weight = 0;  ///< percent points
  std::string parent;      ///< the scorecard's own 上级, "" for a root
  SourceLocation where;    ///< the plan file and line
};

/// The reserved words of the KPI cell that mean "the children's totals" (ChildrenRow).
inline constexpr std::string_view kChildrenWords[] = {"下级", "children"};

/// What the weights of a plan add up to 100 over (the loader decides; see load_plan).
enum class WeightScope {
  Scorecard,  ///< each scorecard (same 部门/岗位, 对象 and 期间) has weights adding up to 100
  Plan,       ///< all rows together add up to 100: one total, each row's weight a share of it
};

/// The whole plan, in file order.
struct Plan {
  std::string file;
  std::vector<PlanRow> rows;
  std::vector<Diagnostic> warnings;  ///< e.g. more than 5 KPIs on one scorecard
  /// What the weights add up to 100 over; the loader decides (see load_plan).
  WeightScope weight_scope = WeightScope::Scorecard;
  std::uint64_t area_field = 0;  ///< the 1-based field number of the area column; 0: none
  /// The 下级 rows, in file order (a scorecard has one at most).
  std::vector<ChildrenRow> children_rows;
  std::uint64_t parent_field = 0;  ///< the 1-based field number of the 上级 column; 0: none
  std::uint64_t target_field = 0;  ///< the 1-based field number of the target column; 0: none

  /// Whether the plan has a parent column: its scorecards form a tree (docs/hierarchy.md).
  bool is_tree() const { return parent_field != 0; }
};

}  // namespace kpi::score
