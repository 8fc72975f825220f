// SPDX-License-Identifier: MIT
#include "kpi/csv/cell_error.hpp"

#include <fmt/format.h>

namespace kpi::csv {

Diagnostic bad_cell(const Reader& reader, const Record& record, std::size_t column,
                    std::string_view problem) {
  return {"data.bad-cell",
          fmt::format("column \"{}\": \"{}\" {}", reader.header().names.at(column),
                      record.fields[column], problem),
          {reader.file(), record.line, column + 1}};
}

}  // namespace kpi::csv
