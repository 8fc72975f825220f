// SPDX-License-Identifier: MIT
// The report as an Excel workbook: a summary sheet, a sheet per scorecard with its chart, and a
// data-quality sheet. Cells hold numbers (money, fractions, counts) with number formats, so that
// an analyst can sum and chart them; an empty cell is a missing value.
#include <fmt/format.h>

#include "kpi/report/escape.hpp"
#include "kpi/report/outcome_columns.hpp"
#include "kpi/report/xlsx_book.hpp"
#include "kpi/report/xlsx_formats.hpp"
#include "kpi/report/xlsx_output.hpp"

namespace kpi::report {
namespace {

// The columns of a scorecard's sheet.
enum Column : std::size_t {
  kName,
  kPeriod,
  kActual,
  kTarget,
  kAchievement,
  kWeight,
  kScore,
  kStatus,
  kChangePrevious,
  kChangeLastYear,
  kUnit,
  kColumns,
  // A paced report's (--as-of), after the others: the target to date, actual ÷ it, and the
  // period's end at the run rate so far.
  kExpected = kColumns,
  kPace,
  kProjected,
  kPacedColumns
};

std::string scorecard_title(const Scorecard& scorecard) {
  return scorecard.entity.empty() ? scorecard.name
                                  : fmt::format("{} · {}", scorecard.name, scorecard.entity);
}

void write_headers(XlsxSheet& sheet, const std::vector<std::string_view>& headers) {
  for (std::size_t column = 0; column < headers.size(); ++column) {
    sheet.header(0, column, headers[column]);
  }
}

void write_kpi_row(XlsxSheet& sheet, std::size_t row, const KpiLine& line, const Report& report) {
  const Presentation& shown = report.presentation;
  // A qualitative KPI's actual is a hand score, whatever the KPI's unit.
  const std::string value_format =
      line.qualitative ? std::string(kPointsFormat)
                       : unit_number_format(line.unit, line.precision, shown.currency);
  sheet.text(row, kName, line.name);
  sheet.text(row, kPeriod, line.period);
  sheet.number(row, kActual, line.actual, value_format, line.actual_exact);
  sheet.number(row, kTarget, line.target, value_format);
  sheet.number(row, kAchievement, line.score.achievement, kRatioFormat);
  sheet.number(row, kWeight, line.weight / 100, weight_format(line.weight));
  sheet.number(row, kScore, line.score.points, kPointsFormat);
  sheet.text(row, kStatus, status_label(shown.lang, line.score.status));
  sheet.number(row, kChangePrevious, line.change_previous, kChangeFormat);
  sheet.number(row, kChangeLastYear, line.change_last_year, kChangeFormat);
  sheet.text(row, kUnit, unit_label(shown.lang, line.qualitative ? "score" : line.unit));
  if (line.pace) {
    sheet.number(row, kExpected, line.pace->expected, value_format);
    sheet.number(row, kPace, line.pace->pace, kRatioFormat);
    sheet.number(row, kProjected, line.pace->projection, value_format);
  }
  // A rise is good news only when higher is better: +27 % complaints is red.
  if (line.direction != library::Direction::Neutral) {
    const bool higher = line.direction == library::Direction::HigherIsBetter;
    for (const std::size_t column : {kChangePrevious, kChangeLastYear}) {
      sheet.tone_by_sign(row, column, higher ? Tone::Good : Tone::Bad,
                         higher ? Tone::Bad : Tone::Good);
    }
  }
}

// Achievement and status coloured by the status, which scoring set with the KPI's direction;
// in a paced report, ahead and on pace are good news and behind a warning, as in the table.
void tone_statuses(XlsxSheet& sheet, std::size_t last_row, Lang lang, bool paced) {
  std::vector<std::pair<score::Status, Tone>> tones{{score::Status::Met, Tone::Good},
                                                    {score::Status::AtRisk, Tone::Warning},
                                                    {score::Status::Missed, Tone::Bad}};
  if (paced) {
    tones.insert(tones.end(), {{score::Status::Ahead, Tone::Good},
                               {score::Status::OnPace, Tone::Good},
                               {score::Status::Behind, Tone::Warning}});
  }
  for (const auto& [status, tone] : tones) {
    for (const std::size_t column : {kAchievement, kStatus}) {
      sheet.tone_when_text(1, last_row, column, column, kStatus, status_label(lang, status), tone);
    }
  }
}

void scorecard_sheet(XlsxBook& book, const Scorecard& scorecard, const Report& report) {
  const Labels& words = labels(report.presentation.lang);
  XlsxSheet& sheet = book.add_sheet(scorecard_title(scorecard));
  std::vector<std::string_view> headers{
      words.kpi,    words.period, words.actual, words.target,          words.achievement,
      words.weight, words.score,  words.status, words.change_previous, words.change_last_year,
      words.unit};
  const bool paced = report.as_of.has_value();
  if (paced) {
    headers.insert(headers.end(), {words.expected, words.pace, words.projected});
  }
  const std::size_t columns = paced ? kPacedColumns : kColumns;
  write_headers(sheet, headers);
  std::size_t row = 1;
  for (const KpiLine& line : scorecard.kpis) {
    write_kpi_row(sheet, row++, line, report);
  }
  const std::size_t last_kpi_row = row - 1;
  sheet.header_row(last_kpi_row, columns);
  if (!scorecard.kpis.empty()) {
    tone_statuses(sheet, last_kpi_row, report.presentation.lang, paced);
    sheet.bar_chart(fmt::format(fmt::runtime(words.chart_title), scorecard_title(scorecard)), 1,
                    last_kpi_row, kName, kAchievement, "0%", 1, columns + 1);
  }
  // The total below the table, apart from the filtered rows.
  ++row;
  sheet.text(row, kName, words.total);
  sheet.number(row, kScore, scorecard.total.total, kPointsFormat);
  for (const std::string& note : scorecard.total.notes) {
    sheet.text(++row, kName, note);
  }
  sheet.fit_columns();
}

// Grade, 绩效系数 and rank (and base bonus and bonus with a pay file) from column 3 on, as
// numbers where they are numbers.
void outcome_cells_xlsx(XlsxSheet& sheet, std::size_t row, const Report& report,
                        const Scorecard& scorecard) {
  const Outcome& outcome = scorecard.outcome;
  const auto units = [](std::optional<ExactUnits> value) -> std::optional<long double> {
    return value ? std::optional(static_cast<long double>(*value) / 1'000'000) : std::nullopt;
  };
  std::size_t column = 3;
  if (report.graded) {
    if (outcome.grade) {
      sheet.text(row, column, *outcome.grade);
    }
    sheet.number(
        row, column + 1,
        units(outcome.coefficient_units ? std::optional<ExactUnits>(*outcome.coefficient_units)
                                        : std::nullopt),
        "0.00");
    sheet.number(row, column + 2,
                 outcome.rank ? std::optional<long double>(*outcome.rank) : std::nullopt, "0");
    column += 3;
  }
  if (report.paid) {
    const std::string money = unit_number_format("money", 2, report.presentation.currency);
    sheet.number(
        row, column,
        units(outcome.base_units ? std::optional<ExactUnits>(*outcome.base_units) : std::nullopt),
        money);
    sheet.number(row, column + 1, units(outcome.bonus), money);
  }
}

void summary_sheet(XlsxBook& book, const Report& report) {
  const Labels& words = labels(report.presentation.lang);
  XlsxSheet& sheet = book.add_sheet(words.summary);
  const std::vector<std::string> outcome = outcome_headers(report);
  std::vector<std::string_view> headers = {words.scorecard, words.entity, words.score};
  headers.insert(headers.end(), outcome.begin(), outcome.end());
  // In a tree: each scorecard's level (0 for a root) and its parent, after the outcome.
  const std::size_t tree_column = headers.size();
  const bool zh = report.presentation.lang == Lang::Zh;
  if (report.tree) {
    headers.insert(headers.end(), {zh ? "层级" : "level", zh ? "上级" : "parent"});
  }
  write_headers(sheet, headers);
  std::size_t row = 1;
  for (const Scorecard& scorecard : report.scorecards) {
    sheet.text(row, 0, scorecard.name);
    if (!scorecard.entity.empty()) {
      sheet.text(row, 1, scorecard.entity);
    }
    sheet.number(row, 2, scorecard.total.total, kPointsFormat);
    if (report.tree) {
      sheet.number(row, tree_column, static_cast<long double>(scorecard.depth), "0");
      if (!scorecard.parent.empty()) {
        sheet.text(row, tree_column + 1, scorecard.parent);
      }
    }
    outcome_cells_xlsx(sheet, row++, report, scorecard);
  }
  sheet.header_row(row - 1, headers.size());
  if (!report.scorecards.empty()) {
    sheet.bar_chart(fmt::format("{} {}", words.summary, report.period), 1, row - 1, 0, 2,
                    kPointsFormat, 1, headers.size() + 1);
  }
  if (report.plan_total) {
    sheet.text(++row, 0, words.plan_total);
    sheet.number(row, 2, report.plan_total->total, kPointsFormat);
  }
  sheet.fit_columns();
}

// The alerts that fired, one row each, as `kpi alerts` lists them.
void alerts_sheet(XlsxBook& book, const Report& report) {
  const Labels& words = labels(report.presentation.lang);
  XlsxSheet& sheet = book.add_sheet(words.alerts);
  write_headers(sheet, {words.alert, words.severity, words.kpi, words.by, words.value,
                        words.expected_range, words.message});
  std::size_t row = 1;
  for (const ReportAlert& alert : *report.alerts) {
    sheet.text(row, 0, alert.id);
    sheet.text(row, 1, alert.severity);
    sheet.text(row, 2, alert.kpi_name);
    sheet.text(row, 3, alert.by);
    sheet.number(row, 4, alert.raw_value, "General");
    sheet.text(row, 5, alert.expected);
    sheet.text(row++, 6, alert.message);
  }
  if (report.alerts->empty()) {
    sheet.text(row, 0, words.no_alert);
  } else {
    sheet.header_row(row - 1, 7);
  }
  sheet.fit_columns();
}

// Every file read, then each problem with its count and first place, then the notes.
void quality_sheet(XlsxBook& book, const Report& report) {
  const Labels& words = labels(report.presentation.lang);
  XlsxSheet& sheet = book.add_sheet(words.data_quality);
  write_headers(sheet, {words.source, words.file, words.rows_read, words.rows_skipped,
                        words.rows_without_time});
  std::size_t row = 1;
  for (const engine::InputFile& input : report.quality.inputs()) {
    sheet.text(row, 0,
               input.measures_table ? words.measures_table : std::string_view(input.source));
    sheet.text(row, 1, input.file);
    sheet.number(row, 2, static_cast<long double>(input.records), kCountFormat);
    sheet.number(row, 3, static_cast<long double>(input.skipped), kCountFormat);
    sheet.number(row++, 4, static_cast<long double>(input.left_out), kCountFormat);
  }
  sheet.header_row(row - 1, 5);
  if (!report.quality.problems().empty()) {
    ++row;
    const std::string_view headers[] = {words.source, words.problem, words.occurrences,
                                        words.first_place};
    for (std::size_t column = 0; column < std::size(headers); ++column) {
      sheet.header(row, column, headers[column]);
    }
    for (const engine::DataProblem& problem : report.quality.problems()) {
      ++row;
      sheet.text(row, 0, problem.source);
      sheet.text(row, 1, problem.reason);
      sheet.number(row, 2, static_cast<long double>(problem.count), kCountFormat);
      if (!problem.first.empty()) {
        sheet.text(row, 3, render(problem.first.front()));
      }
    }
  }
  ++row;
  sheet.text(++row, 0, words.notes);
  for (const std::string& warning : report.warnings) {
    sheet.text(++row, 0, warning);
  }
  sheet.text(
      ++row, 0,
      report.missing == score::MissingValues::ScoreZero ? words.scored_zero : words.left_out);
  sheet.fit_columns();
}

}  // namespace

std::string render_report_xlsx(const Report& report) {
  XlsxBook book;
  summary_sheet(book, report);
  for (const Scorecard& scorecard : report.scorecards) {
    scorecard_sheet(book, scorecard, report);
  }
  if (report.alerts) {
    alerts_sheet(book, report);
  }
  quality_sheet(book, report);
  return book.finish();
}

}  // namespace kpi::report
