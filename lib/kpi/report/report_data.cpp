// SPDX-License-Identifier: MIT
// The report for programs: csv, tsv and jsonl rows, and the whole report as JSON.
#include <fmt/format.h>

#include <algorithm>

#include "kpi/report/escape.hpp"
#include "kpi/report/html_output.hpp"
#include "kpi/report/number_format.hpp"
#include "kpi/report/outcome_columns.hpp"
#include "kpi/report/png_output.hpp"
#include "kpi/report/report_output.hpp"
#include "kpi/report/xlsx_output.hpp"

namespace kpi::report {

std::string render_text_report(const Report& report, bool markdown,
                               const TerminalStyle& terminal = {});

namespace {

std::string raw(std::optional<long double> value) { return value ? format_raw_number(*value) : ""; }

std::string json_number(std::optional<long double> value) {
  return value ? format_raw_number(*value) : "null";
}

// A KPI line's actual value, exactly when it is known exactly; "" for none.
std::string raw_actual(const KpiLine& line) {
  return line.actual && line.actual_exact ? format_raw_units(*line.actual_exact) : raw(line.actual);
}

std::string json_string(std::string_view text) {
  std::string out;
  append_json_string(out, text);
  return out;
}

// The cells of one row, in kRowColumns order; numbers raw, "" for none.
std::vector<std::string> row_cells(const Report& report, const Scorecard& scorecard,
                                   const KpiLine& line) {
  return {report.period,
          scorecard.name,
          scorecard.entity,
          line.kpi,
          line.name,
          line.period,
          raw_actual(line),
          raw(line.target),
          raw(line.score.achievement),
          format_raw_number(line.weight),
          raw(line.score.points),
          std::string(score::status_name(line.score.status)),
          raw(line.change_previous),
          raw(line.change_last_year),
          line.unit,
          raw(scorecard.total.total),
          line.score.note};
}

// kPaceColumns of one row, raw; "" for none.
std::vector<std::string> pace_cells(const KpiLine& line) {
  if (!line.pace) {
    return {"", "", "", "", ""};
  }
  const score::Pace& pace = *line.pace;
  return {raw(pace.expected), raw(pace.pace), raw(pace.projection), raw(pace.needed_per_day),
          raw(pace.elapsed_share)};
}

// A row's cells, with kPaceColumns when the report is paced.
std::vector<std::string> all_cells(const Report& report, const Scorecard& scorecard,
                                   const KpiLine& line) {
  std::vector<std::string> cells = row_cells(report, scorecard, line);
  if (report.as_of) {
    for (std::string& cell : pace_cells(line)) {
      cells.push_back(std::move(cell));
    }
  }
  for (std::string& cell : outcome_raw_cells(report, scorecard)) {
    cells.push_back(std::move(cell));
  }
  return cells;
}

std::vector<std::string> column_names(const Report& report) {
  std::vector<std::string> names(std::begin(kRowColumns), std::end(kRowColumns));
  if (report.as_of) {
    names.insert(names.end(), std::begin(kPaceColumns), std::end(kPaceColumns));
  }
  for (std::string& name : outcome_column_names(report)) {
    names.push_back(std::move(name));
  }
  return names;
}

// Columns that hold numbers, which jsonl writes as JSON numbers.
bool is_numeric_column(const std::vector<std::string>& names, std::size_t column) {
  static constexpr std::size_t kNumeric[] = {6, 7, 8, 9, 10, 12, 13, 15};
  if (column < std::size(kRowColumns)) {
    return std::find(std::begin(kNumeric), std::end(kNumeric), column) != std::end(kNumeric);
  }
  const bool pace = std::find(std::begin(kPaceColumns), std::end(kPaceColumns), names[column]) !=
                    std::end(kPaceColumns);
  return pace || is_numeric_outcome_column(names[column]);
}

std::string delimited(const Report& report, char delimiter) {
  const std::vector<std::string> names = column_names(report);
  const auto numeric = [&](std::size_t column) { return is_numeric_column(names, column); };
  std::string text;
  const auto append_row = [&](const std::vector<std::string>& cells) {
    for (std::size_t c = 0; c < cells.size(); ++c) {
      // Text cells get a ' before a leading = + - @ (a formula to a spreadsheet); numbers
      // stay as they are: -5 is -5.
      append_delimited_cell(text, cells[c], numeric(c), delimiter);
      text += c + 1 < cells.size() ? delimiter : '\n';
    }
  };
  append_row(names);
  for (const Scorecard& scorecard : report.scorecards) {
    for (const KpiLine& line : scorecard.kpis) {
      append_row(all_cells(report, scorecard, line));
    }
  }
  return text;
}

std::string json_lines(const Report& report) {
  const std::vector<std::string> names = column_names(report);
  std::string text;
  for (const Scorecard& scorecard : report.scorecards) {
    for (const KpiLine& line : scorecard.kpis) {
      const std::vector<std::string> cells = all_cells(report, scorecard, line);
      text += '{';
      for (std::size_t c = 0; c < cells.size(); ++c) {
        text += c == 0 ? "" : ",";
        text += json_string(names[c]) + ":";
        text += is_numeric_column(names, c) ? (cells[c].empty() ? "null" : cells[c])
                                            : json_string(cells[c]);
      }
      text += "}\n";
    }
  }
  return text;
}

// ,"pace":{…} for a paced line; "" otherwise.
std::string json_pace(const KpiLine& line) {
  if (!line.pace) {
    return "";
  }
  const score::Pace& pace = *line.pace;
  return fmt::format(
      ",\"pace\":{{\"expected\":{},\"pace\":{},\"projection\":{},\"needed_per_day\":{},"
      "\"elapsed_share\":{},\"elapsed_by\":\"{}\",\"days_left\":{},\"prorated\":{}}}",
      json_number(pace.expected), json_number(pace.pace), json_number(pace.projection),
      json_number(pace.needed_per_day), json_number(pace.elapsed_share),
      pace.elapsed_by == score::ElapsedBy::WorkingDays ? "working_days"
      : pace.elapsed_by == score::ElapsedBy::LastYear  ? "last_year"
                                                       : "calendar_days",
      pace.days_left, pace.prorated ? "true" : "false");
}

std::string json_kpi(const KpiLine& line) {
  return fmt::format(
      "{{\"id\":{},\"name\":{},\"period\":{},\"to_date\":{},\"actual\":{},\"target\":{},"
      "\"target_text\":{},\"achievement\":{},\"weight\":{},\"score\":{},\"status\":{},"
      "\"unit\":{},\"change_previous\":{},\"change_last_year\":{},\"note\":{}{}}}",
      json_string(line.kpi), json_string(line.name), json_string(line.period),
      line.to_date ? "true" : "false", line.actual ? raw_actual(line) : "null",
      json_number(line.target), json_string(line.target_text), json_number(line.score.achievement),
      format_raw_number(line.weight), json_number(line.score.points),
      json_string(score::status_name(line.score.status)), json_string(line.unit),
      json_number(line.change_previous), json_number(line.change_last_year),
      json_string(line.score.note), json_pace(line));
}

// "group":…,"grade":…,… of a graded report (see outcome_columns.hpp), with a trailing comma;
// "" for a report without grades.
std::string json_outcome(const Report& report, const Scorecard& scorecard) {
  const std::vector<std::string> names = outcome_column_names(report);
  const std::vector<std::string> cells = outcome_raw_cells(report, scorecard);
  std::string text;
  for (std::size_t c = 0; c < names.size(); ++c) {
    const bool numeric = is_numeric_outcome_column(names[c]);
    text += fmt::format("{}:{},", json_string(names[c]),
                        cells[c].empty() ? "null"
                        : numeric        ? cells[c]
                                         : json_string(cells[c]));
  }
  return text;
}

template <typename Items, typename Render>
std::string json_array(const Items& items, Render render, const std::string& indent) {
  std::string text = "[";
  for (const auto& item : items) {
    text += text.size() == 1 ? "\n" : ",\n";
    text += indent + render(item);
  }
  return items.empty() ? text + "]" : fmt::format("{}\n{}]", text, indent.substr(2));
}

// \n  "alerts":[…], with [alerts] in the library: the objects of `kpi alerts --format json`.
std::string alerts_json(const Report& report) {
  if (!report.alerts) {
    return "";
  }
  return fmt::format(
      "\n  \"alerts\":{},",
      json_array(
          *report.alerts, [](const ReportAlert& alert) { return alert.json; }, "    "));
}

std::string json_report(const Report& report) {
  const auto scorecard_json = [&report](const Scorecard& scorecard) {
    return fmt::format(
        "{{\"name\":{},\"entity\":{},\"score\":{},{}\"vetoed\":{},\"notes\":{},\"kpis\":{}}}",
        json_string(scorecard.name),
        scorecard.entity.empty() ? "null" : json_string(scorecard.entity),
        json_number(scorecard.total.total), json_outcome(report, scorecard),
        scorecard.total.vetoed ? "true" : "false",
        json_array(scorecard.total.notes, json_string, "      "),
        json_array(scorecard.kpis, json_kpi, "      "));
  };
  const auto input_json = [](const engine::InputFile& input) {
    return fmt::format(
        "{{\"source\":{},\"file\":{},\"rows_read\":{},\"rows_skipped\":{},"
        "\"rows_without_time\":{}}}",
        input.measures_table ? "null" : json_string(input.source), json_string(input.file),
        input.records, input.skipped, input.left_out);
  };
  const auto problem_json = [](const engine::DataProblem& problem) {
    std::vector<std::string> first;
    for (const Diagnostic& example : problem.first) {
      first.push_back(render(example));
    }
    return fmt::format("{{\"source\":{},\"reason\":{},\"count\":{},\"first\":{}}}",
                       json_string(problem.source), json_string(problem.reason), problem.count,
                       json_array(first, json_string, "        "));
  };
  return fmt::format(
      "{{\n  \"period\":{},{}\n  \"missing_values\":{},\n  \"scorecards\":{},\n  "
      "\"plan_score\":{},\n"
      "  \"warnings\":{},{}\n  \"data_problems\":{},\n  \"inputs\":{}\n}}\n",
      json_string(report.period),
      report.as_of ? fmt::format("\n  \"as_of\":{},", json_string(*report.as_of)) : "",
      json_string(report.missing_values), json_array(report.scorecards, scorecard_json, "    "),
      report.plan_total ? json_number(report.plan_total->total) : "null",
      json_array(report.warnings, json_string, "    "), alerts_json(report),
      json_array(report.quality.problems(), problem_json, "    "),
      json_array(report.quality.inputs(), input_json, "    "));
}

}  // namespace

std::string render_report(const Report& report, ReportFormat format, bool bom,
                          const TerminalStyle& terminal) {
  switch (format) {
    case ReportFormat::Csv:
      return fmt::format("{}{}", bom ? "\xEF\xBB\xBF" : "", delimited(report, ','));
    case ReportFormat::Tsv:
      return delimited(report, '\t');
    case ReportFormat::Jsonl:
      return json_lines(report);
    case ReportFormat::Json:
      return json_report(report);
    case ReportFormat::Markdown:
      return render_text_report(report, true);
    case ReportFormat::Table:
      return render_text_report(report, false, terminal);
    case ReportFormat::Xlsx:
      return render_report_xlsx(report);
    case ReportFormat::Html:
      return render_report_html(report);
    case ReportFormat::Png:
      return render_report_png(report);
  }
  return {};
}

}  // namespace kpi::report
