// SPDX-License-Identifier: MIT
#include <fmt/format.h>

#include <map>
#include <utility>

#include "kpi/report/score_history.hpp"

namespace kpi::report {

std::string HistoryScorecard::title() const {
  return entity.empty() ? name : fmt::format("{} · {}", name, entity);
}

std::vector<std::optional<long double>> HistoryScorecard::totals() const {
  std::vector<std::optional<long double>> values;
  for (const Scorecard* scorecard : periods) {
    values.push_back(scorecard != nullptr ? scorecard->total.total : std::nullopt);
  }
  return values;
}

std::vector<HistoryScorecard> history_scorecards(const ScoreHistory& history) {
  const std::size_t columns = history.reports.size();
  std::vector<HistoryScorecard> scorecards;
  std::map<std::pair<std::string, std::string>, std::size_t> index;
  for (std::size_t period = 0; period < columns; ++period) {
    for (const Scorecard& scorecard : history.reports[period].scorecards) {
      const auto [at, added] =
          index.try_emplace({scorecard.name, scorecard.entity}, scorecards.size());
      if (added) {
        scorecards.push_back({scorecard.name,
                              scorecard.entity,
                              std::vector<const Scorecard*>(columns, nullptr),
                              {},
                              scorecard.depth});
      }
      HistoryScorecard& row = scorecards[at->second];
      row.periods[period] = &scorecard;
      // The n-th line of a KPI in this period matches the n-th line of it in the history.
      std::map<std::string, std::size_t> seen;
      for (const KpiLine& line : scorecard.kpis) {
        std::size_t nth = seen[line.kpi]++;
        auto kpi = row.kpis.begin();
        for (; kpi != row.kpis.end(); ++kpi) {
          if (kpi->kpi == line.kpi && nth-- == 0) {
            break;
          }
        }
        if (kpi == row.kpis.end()) {
          row.kpis.push_back({line.kpi, line.name, line.unit, line.precision,
                              std::vector<const KpiLine*>(columns, nullptr)});
          kpi = row.kpis.end() - 1;
        }
        kpi->lines[period] = &line;
      }
    }
  }
  return scorecards;
}

}  // namespace kpi::report
