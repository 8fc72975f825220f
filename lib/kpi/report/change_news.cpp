// SPDX-License-Identifier: MIT
#include "kpi/report/change_news.hpp"

#include "kpi/report/unit_format.hpp"

namespace kpi::report {

News change_news(std::optional<long double> change, library::Direction direction) {
  if (!change || direction == library::Direction::Neutral || format_change(change) == "0.0%") {
    return News::None;
  }
  const bool rise = *change > 0;
  return rise == (direction == library::Direction::HigherIsBetter) ? News::Good : News::Bad;
}

}  // namespace kpi::report
