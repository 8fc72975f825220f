// SPDX-License-Identifier: MIT
// The pay file (奖金基数): each person's base bonus, which the grade's 绩效系数 multiplies.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "kpi/core/diagnostic.hpp"
#include "kpi/csv/reader.hpp"

namespace kpi::score {

/// One person's (or one scorecard's) base bonus.
struct PayRow {
  std::string person;           ///< a scorecard's entity (王丽), or a scorecard's name
  std::int64_t base_units = 0;  ///< the base bonus in millionths, 0 or more
  SourceLocation where;
};

/// Reads a pay CSV: a person column (姓名, 员工, 员工姓名, 对象, 考核对象, person, employee,
/// entity; or, for a scorecard without entities, 部门/岗位, 岗位, 部门, 岗位名称, scorecard) and a
/// base bonus column (奖金基数, 绩效奖金基数, 基数, base bonus, base), read as money ("¥5,000",
/// "0.5万"). Throws kpi::Error ("plan.invalid", exit code 3) located at the first bad cell: a
/// missing column, an empty person, an amount that is not a number or is negative, a person
/// given twice.
std::vector<PayRow> load_pay(const std::string& path);

/// The same from an open reader, for tests.
std::vector<PayRow> load_pay(csv::Reader& reader);

}  // namespace kpi::score
