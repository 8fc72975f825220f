// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <string_view>

#include "kpi/core/diagnostic.hpp"
#include "kpi/csv/reader.hpp"

namespace kpi::csv {

/// The diagnostic for a cell that is not of its column's type, located by file, line and field
/// number: `pos.csv:1024:13: column "实收金额": "12,3a" is not a number`. `problem` is what a
/// typed cell parser reports (NumberCell::problem, DateTimeCell::problem).
Diagnostic bad_cell(const Reader& reader, const Record& record, std::size_t column,
                    std::string_view problem);

}  // namespace kpi::csv
