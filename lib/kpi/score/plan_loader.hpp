// SPDX-License-Identifier: MIT
// The KPI plan table (KPI计划表): one row per KPI of a scorecard, as analysts keep it in Excel.
//
// Columns, Chinese or English (surrounding blanks ignored, English in any letter case); each
// column is the first of its names that the header has, other columns are ignored:
//   scorecard (required)  部门/岗位, 部门, 岗位, 岗位名称, 部门名称, scorecard, department, role,
//                         position, job
//   entity                对象, 考核对象, 姓名, 员工, 员工姓名, entity, employee, person
//   kpi (required)        KPI, 指标, KPI名称, 考核指标, KPI指标, 指标名称, KPI name, indicator,
//                         metric — a KPI id, or its display name
//   target                目标值, 目标, target, target value — "8万元", "≥90分", "35%"
//                         (see parse_target); optional with a deduction rule
//   weight (required)     权重, weight — "30%" or "30"
//   cycle                 考核周期, 周期, cycle, assessment cycle, frequency — 每月 (the
//                         default), 每季度, 每年, … (see parse_cycle)
//   rule                  评分规则, 规则, 计分方式, rule, scoring rule, scoring — see parse_rule
//   period                期间, 考核期间, period — empty for every period
//   base, stretch         保底, 保底目标, base; 挑战, 挑战目标, stretch — two-tier targets
//   veto                  一票否决, veto — 是/否, yes/no, true/false, 1/0, Y/N; empty is no
//   area                  考核维度, 指标类别, KPI指标类别, 关键绩效领域, 维度, area, category —
//                         the KPI area (empty repeats the one above in the same scorecard)
//
// A scorecard is the rows with the same 部门/岗位, 对象 and 期间. An empty 部门/岗位 cell repeats
// the one above it, because Excel exports merged cells that way; a row whose cells are all
// empty is skipped.
//
// Weights: either every scorecard's weights add up to 100 (WeightScope::Scorecard), or, when
// the plan has two or more scorecards, all rows' weights together add up to 100
// (WeightScope::Plan): the table is one plan whose weights are shares of one total. Seed 000's
// table is of the second kind: five roles with one KPI each, weighted 30/25/20/15/10. Any
// other sum is an error located at the scorecard's first row.
#pragma once

#include <span>
#include <string>

#include "kpi/csv/reader.hpp"
#include "kpi/score/plan.hpp"
#include "kpi/time/calendar.hpp"

namespace kpi::score {

/// What the plan loader needs to know of each library KPI.
struct KpiInfo {
  std::string id;
  std::string name;              ///< display name, accepted in place of the id
  std::string unit;              ///< "percent" targets are written "35%" or as 0–1 fractions
  bool qualitative = false;      ///< scored from a scores CSV: its target is a score, if any
  bool lower_is_better = false;  ///< direction = "lower": its 保底 lies above the target
  /// Sums and counts only (an amount or a count, not a rate or an average): its children's
  /// targets add up to a parent's (check_target_cascade). Filled by `kpi check`.
  bool adds_up = false;
};

/// Reads and checks a plan CSV (any encoding and delimiter the csv::Reader detects).
///
/// Throws kpi::Error with code "plan.invalid" (exit code 3) for the first error, located
/// `plan.csv:LINE:COLUMN: message` with COLUMN the 1-based field number: a missing required
/// column, an unknown KPI (with a did-you-mean over ids and names), a 期间 that is not a period
/// of `calendar` in any form time::parse_written_period reads, a missing target (a
/// qualitative KPI's is optional, a score above 0 up to 100, and it takes no base or
/// stretch), a target, base or stretch whose % does not fit the KPI's unit, an
/// unreadable weight, cycle, rule or veto cell, a duplicate row (same scorecard, entity, KPI and
/// period), weights that do not add up to 100, a record with the wrong number of fields, and
/// any error of the reader itself. More than 5 KPIs on one scorecard is a warning in
/// Plan::warnings.
///
/// Example:
///   部门/岗位,KPI,目标值,权重,考核周期
///   美容顾问,月度成交金额,8万元,30%,每月
///   → row {scorecard 美容顾问, kpi "sales" (resolved from its name), target 80000, weight 30}
Plan load_plan(const std::string& path, std::span<const KpiInfo> kpis,
               const time::Calendar& calendar = {});

/// The same from an open reader, for tests and plans given inline.
Plan load_plan(csv::Reader& reader, std::span<const KpiInfo> kpis,
               const time::Calendar& calendar = {});

}  // namespace kpi::score
