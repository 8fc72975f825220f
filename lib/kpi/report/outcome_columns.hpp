// SPDX-License-Identifier: MIT
// The columns a graded report adds for each scorecard (see report::Outcome): the group it is
// ranked in, its grade, 绩效系数 and rank, and with a pay file the base bonus and the bonus.
// Every format takes its headers and cells from here, after its own columns.
#pragma once

#include <string>
#include <vector>

#include "kpi/report/report.hpp"

namespace kpi::report {

/// Raw column names (csv, tsv, jsonl, json): parent, level when the plan is a tree (the parent's
/// name, "" for a root; 0 for a root), group, grade, coefficient, rank when the report is
/// graded, then base_bonus, bonus when it is paid. None for a flat report without grades.
std::vector<std::string> outcome_column_names(const Report& report);

/// The raw cells of a scorecard in outcome_column_names' order; numbers as digits ("1.2",
/// "6000"), "" for none.
std::vector<std::string> outcome_raw_cells(const Report& report, const Scorecard& scorecard);

/// Which raw outcome columns hold numbers (JSON numbers in jsonl and json).
bool is_numeric_outcome_column(const std::string& name);

/// The headers people read, in the report's language: 等级, 绩效系数, 排名, 奖金基数, 奖金 (the
/// group is not a column for people: the summary lists each group's scorecards together).
std::vector<std::string> outcome_headers(const Report& report);

/// The cells people read: grade, coefficient ("1.20"), rank, and money with the currency
/// ("¥6,000.00"); "—" for none.
std::vector<std::string> outcome_cells(const Report& report, const Scorecard& scorecard);

}  // namespace kpi::report
