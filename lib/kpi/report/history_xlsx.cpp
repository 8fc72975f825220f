// SPDX-License-Identifier: MIT
// kpi report --from --to as an Excel workbook: the scorecards' totals per period with native
// line charts of each scorecard's score, and each KPI's achievement per period, typed cells.
#include <fmt/format.h>

#include "kpi/report/history_labels.hpp"
#include "kpi/report/score_history.hpp"
#include "kpi/report/xlsx_book.hpp"
#include "kpi/report/xlsx_formats.hpp"

namespace kpi::report {
namespace {

// More lines than this in one chart are a tangle nobody reads: the next chart takes them.
constexpr std::size_t kLinesPerChart = 10;
constexpr std::size_t kChartRows = 16;  // a chart is about 15 default rows high

void write_totals(XlsxBook& book, const ScoreHistory& history,
                  const std::vector<HistoryScorecard>& scorecards) {
  const Labels& words = labels(history.presentation.lang);
  const HistoryLabels& titles = history_labels(history.presentation.lang);
  XlsxSheet& sheet = book.add_sheet(titles.totals);
  sheet.header(0, 0, words.scorecard);
  sheet.header(0, 1, words.entity);
  constexpr std::size_t kFirstPeriod = 2;
  for (std::size_t c = 0; c < history.reports.size(); ++c) {
    sheet.header(0, kFirstPeriod + c, history.reports[c].period);
  }
  for (std::size_t s = 0; s < scorecards.size(); ++s) {
    sheet.text(s + 1, 0, scorecards[s].name);
    sheet.text(s + 1, 1, scorecards[s].entity);
    const std::vector<std::optional<long double>> totals = scorecards[s].totals();
    for (std::size_t c = 0; c < totals.size(); ++c) {
      sheet.number(s + 1, kFirstPeriod + c, totals[c], kPointsFormat);
    }
  }
  sheet.header_row(scorecards.size(), kFirstPeriod + history.reports.size());
  sheet.fit_columns();
  // Below the table, a chart of the scores of up to kLinesPerChart scorecards each.
  for (std::size_t first = 0, chart = 0; first < scorecards.size();
       first += kLinesPerChart, ++chart) {
    std::vector<std::size_t> rows;
    std::vector<std::string> names;
    for (std::size_t s = first; s < std::min(first + kLinesPerChart, scorecards.size()); ++s) {
      rows.push_back(s + 1);
      names.push_back(scorecards[s].title());
    }
    sheet.line_chart(sheet, std::string(titles.totals), 0, rows, names, kFirstPeriod,
                     kFirstPeriod + history.reports.size() - 1, kPointsFormat,
                     scorecards.size() + 2 + chart * kChartRows, 0);
  }
}

void write_achievements(XlsxBook& book, const ScoreHistory& history,
                        const std::vector<HistoryScorecard>& scorecards) {
  const Labels& words = labels(history.presentation.lang);
  XlsxSheet& sheet = book.add_sheet(history_labels(history.presentation.lang).achievements);
  const std::string_view headers[] = {words.scorecard, words.entity, words.kpi, words.name};
  for (std::size_t column = 0; column < std::size(headers); ++column) {
    // "kpi" in English, as the csv's header.
    sheet.header(0, column,
                 column == 2 && history.presentation.lang == Lang::En ? "kpi" : headers[column]);
  }
  const std::size_t first_period = std::size(headers);
  for (std::size_t c = 0; c < history.reports.size(); ++c) {
    sheet.header(0, first_period + c, history.reports[c].period);
  }
  std::size_t row = 1;
  for (const HistoryScorecard& scorecard : scorecards) {
    for (const HistoryKpi& kpi : scorecard.kpis) {
      sheet.text(row, 0, scorecard.name);
      sheet.text(row, 1, scorecard.entity);
      sheet.text(row, 2, kpi.kpi);
      sheet.text(row, 3, kpi.name);
      for (std::size_t c = 0; c < kpi.lines.size(); ++c) {
        sheet.number(row, first_period + c,
                     kpi.lines[c] != nullptr ? kpi.lines[c]->score.achievement : std::nullopt,
                     kRatioFormat);
      }
      ++row;
    }
  }
  sheet.header_row(row - 1, first_period + history.reports.size());
  sheet.fit_columns();
}

}  // namespace

std::string render_history_xlsx(const ScoreHistory& history) {
  XlsxBook book;
  const std::vector<HistoryScorecard> scorecards = history_scorecards(history);
  write_totals(book, history, scorecards);
  write_achievements(book, history, scorecards);
  return book.finish();
}

}  // namespace kpi::report
