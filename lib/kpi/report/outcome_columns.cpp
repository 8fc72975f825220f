// SPDX-License-Identifier: MIT
#include "kpi/report/outcome_columns.hpp"

#include <fmt/format.h>

#include "kpi/report/number_format.hpp"
#include "kpi/report/unit_format.hpp"

namespace kpi::report {
namespace {

constexpr const char* kDash = "\xE2\x80\x94";

std::string raw_units(std::optional<ExactUnits> units) {
  return units ? format_raw_units(*units) : std::string();
}

// 1.2 shows 1.20 and 1 shows 1.00, as pay tables write coefficients; 1.125 keeps its digits.
std::string coefficient_text(std::int64_t units) {
  const std::string raw = format_raw_units(units);
  const std::size_t point = raw.find('.');
  return point != std::string::npos && raw.size() - point > 3 ? raw : format_fixed_units(units, 2);
}

}  // namespace

std::vector<std::string> outcome_column_names(const Report& report) {
  std::vector<std::string> names;
  if (report.tree) {
    names = {"parent", "level"};
  }
  if (report.graded) {
    names.insert(names.end(), {"group", "grade", "coefficient", "rank"});
  }
  if (report.paid) {
    names.insert(names.end(), {"base_bonus", "bonus"});
  }
  return names;
}

std::vector<std::string> outcome_raw_cells(const Report& report, const Scorecard& scorecard) {
  std::vector<std::string> cells;
  const Outcome& outcome = scorecard.outcome;
  if (report.tree) {
    cells = {scorecard.parent, std::to_string(scorecard.depth)};
  }
  if (report.graded) {
    cells.insert(cells.end(),
                 {outcome.group, outcome.grade.value_or(""),
                  outcome.coefficient_units ? raw_units(*outcome.coefficient_units) : "",
                  outcome.rank ? std::to_string(*outcome.rank) : ""});
  }
  if (report.paid) {
    cells.push_back(outcome.base_units ? raw_units(*outcome.base_units) : "");
    cells.push_back(raw_units(outcome.bonus));
  }
  return cells;
}

bool is_numeric_outcome_column(const std::string& name) {
  return name == "level" || name == "coefficient" || name == "rank" || name == "base_bonus" ||
         name == "bonus";
}

std::vector<std::string> outcome_headers(const Report& report) {
  const bool zh = report.presentation.lang == Lang::Zh;
  std::vector<std::string> headers;
  if (report.graded) {
    headers = {zh ? "等级" : "grade", zh ? "绩效系数" : "coefficient", zh ? "排名" : "rank"};
  }
  if (report.paid) {
    headers.push_back(zh ? "奖金基数" : "base bonus");
    headers.push_back(zh ? "奖金" : "bonus");
  }
  return headers;
}

std::vector<std::string> outcome_cells(const Report& report, const Scorecard& scorecard) {
  std::vector<std::string> cells;
  const Outcome& outcome = scorecard.outcome;
  const auto money = [&](std::optional<ExactUnits> units) {
    return units ? format_by_unit(static_cast<long double>(*units) / 1'000'000, "money", 2, units,
                                  report.presentation.currency)
                 : std::string(kDash);
  };
  if (report.graded) {
    cells = {outcome.grade.value_or(kDash),
             outcome.coefficient_units ? coefficient_text(*outcome.coefficient_units) : kDash,
             outcome.rank ? std::to_string(*outcome.rank) : kDash};
  }
  if (report.paid) {
    cells.push_back(
        money(outcome.base_units ? std::optional<ExactUnits>(*outcome.base_units) : std::nullopt));
    cells.push_back(money(outcome.bonus));
  }
  return cells;
}

}  // namespace kpi::report
