// SPDX-License-Identifier: MIT
// libFuzzer target: the typed cell parsers on any text.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "kpi/value/cell_text.hpp"
#include "kpi/value/date_parser.hpp"
#include "kpi/value/number_parser.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const kpi::NumberCell number = kpi::parse_number(text);
  if (number.status == kpi::CellStatus::Value) {
    (void)number.value.to_string(2);
  }
  const kpi::DateTimeCell date = kpi::parse_date_time(text);
  if (date.status == kpi::CellStatus::Value) {
    (void)kpi::format_date_time(date.days, date.second_of_day);
  }
  const std::size_t split = size / 2;
  (void)kpi::parse_date_time(text.substr(0, split), text.substr(split));
  (void)kpi::parse_bool_token(kpi::trim_cell(text));
  (void)kpi::fold_full_width(text);
  return 0;
}
