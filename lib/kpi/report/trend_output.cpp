// SPDX-License-Identifier: MIT
#include "kpi/report/trend_output.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "kpi/core/diagnostic.hpp"
#include "kpi/library/breakdown.hpp"
#include "kpi/report/escape.hpp"
#include "kpi/report/history_labels.hpp"
#include "kpi/report/text_table.hpp"
#include "kpi/value/date_parser.hpp"

namespace kpi::report {
namespace {

bool any_breakdown(const Trend& trend) {
  return std::any_of(trend.lines.begin(), trend.lines.end(),
                     [](const TrendLine& line) { return !line.by_field.empty(); });
}

// kpi, name, [by], unit, then the periods: the people's table (table and markdown).
std::vector<std::vector<std::string>> people_table(const Trend& trend) {
  const Labels& words = labels(trend.presentation.lang);
  const bool by = any_breakdown(trend);
  const bool shared = !trend_shared_field(trend).empty();
  std::vector<std::string> header = {
      trend.presentation.lang == Lang::En ? std::string("kpi") : std::string(words.kpi),
      std::string(words.name)};
  if (by) {
    header.push_back(trend_by_header(trend, words.by));
  }
  header.emplace_back(words.unit);
  for (const time::Period& period : trend.periods) {
    header.push_back(period.label);
  }
  std::vector<std::vector<std::string>> rows = {header};
  for (const TrendLine& line : trend.lines) {
    std::vector<std::string>& row = rows.emplace_back();
    row = {line.kpi, line.name};
    if (by) {
      row.push_back(trend_by_cell(line, shared));
    }
    row.push_back(unit_label(trend.presentation.lang, line.unit));
    for (std::size_t column = 0; column < trend.periods.size(); ++column) {
      row.push_back(trend_cell_text(line, column));
    }
  }
  return rows;
}

std::string render_table(const Trend& trend) {
  const std::vector<std::vector<std::string>> rows = people_table(trend);
  std::vector<Align> align(rows.front().size(), Align::Right);
  std::fill_n(align.begin(), rows.front().size() - trend.periods.size(), Align::Left);
  return render_text_table(rows, align);
}

// A Markdown table cell: escaped controls, and | as \| so that it does not split the cell.
std::string markdown_cell(const std::string& cell) {
  std::string text;
  for (const char c : escape_controls(cell)) {
    text += c == '|' ? "\\|" : std::string(1, c);
  }
  return text;
}

std::string render_markdown(const Trend& trend) {
  const HistoryLabels& words = history_labels(trend.presentation.lang);
  std::string text =
      fmt::format("## {}\n\n", fmt::format(fmt::runtime(words.trend_title), trend.from, trend.to));
  if (trend.as_of) {
    text += fmt::format("{}\n\n", fmt::format(fmt::runtime(words.as_of), *trend.as_of));
  }
  const std::vector<std::vector<std::string>> rows = people_table(trend);
  const std::size_t text_columns = rows.front().size() - trend.periods.size();
  for (std::size_t r = 0; r < rows.size(); ++r) {
    text += "|";
    for (const std::string& cell : rows[r]) {
      text += fmt::format(" {} |", markdown_cell(cell));
    }
    text += "\n";
    if (r == 0) {
      text += "|";
      for (std::size_t c = 0; c < rows[r].size(); ++c) {
        text += c < text_columns ? " --- |" : " ---: |";
      }
      text += "\n";
    }
  }
  return text;
}

std::string delimited(const Trend& trend, char delimiter) {
  std::string text;
  std::string by = trend_by_header(trend, "by");
  if (by.empty()) {
    by = "by";  // the column is there without a breakdown too: csv columns are a contract
  }
  const bool shared = !trend_shared_field(trend).empty();
  for (const std::string_view name : {std::string_view("kpi"), std::string_view("name"),
                                      std::string_view(by), std::string_view("unit")}) {
    append_delimited_cell(text, name, false, delimiter);
    text += delimiter;
  }
  for (std::size_t column = 0; column < trend.periods.size(); ++column) {
    append_delimited_cell(text, trend.periods[column].label, false, delimiter);
    text += column + 1 < trend.periods.size() ? delimiter : '\n';
  }
  for (const TrendLine& line : trend.lines) {
    for (const std::string& cell : {line.kpi, line.name, trend_by_cell(line, shared), line.unit}) {
      append_delimited_cell(text, cell, false, delimiter);
      text += delimiter;
    }
    for (std::size_t column = 0; column < trend.periods.size(); ++column) {
      append_delimited_cell(text, trend_cell_raw(line, column), true, delimiter);
      text += column + 1 < trend.periods.size() ? delimiter : '\n';
    }
  }
  return text;
}

void append_json_by(std::string& text, const TrendLine& line) {
  text += "{";
  const std::vector<std::string> fields = library::breakdown_fields(line.by_field);
  for (std::size_t i = 0; i < fields.size() && i < line.by_values.size(); ++i) {
    text += i == 0 ? "" : ",";
    append_json_string(text, fields[i]);
    text += ':';
    append_json_string(text, line.by_values[i]);
  }
  text += "}";
}

std::string render_json(const Trend& trend) {
  std::string text = "{\"schema_version\":1,\"from\":";
  append_json_string(text, trend.from);
  text += ",\"to\":";
  append_json_string(text, trend.to);
  text += ",\"every\":";
  append_json_string(text, trend.every);
  text += ",\"as_of\":";
  if (trend.as_of) {
    append_json_string(text, *trend.as_of);
  } else {
    text += "null";
  }
  text += ",\n\"periods\":[";
  for (std::size_t column = 0; column < trend.periods.size(); ++column) {
    const time::Period& period = trend.periods[column];
    text += column == 0 ? "\n{\"period\":" : ",\n{\"period\":";
    append_json_string(text, period.label);
    text += fmt::format(",\"first_day\":\"{}\",\"last_day\":\"{}\"}}",
                        format_date(period.first_day), format_date(period.last_day));
  }
  text += "],\n\"kpis\":[";
  for (std::size_t l = 0; l < trend.lines.size(); ++l) {
    const TrendLine& line = trend.lines[l];
    text += l == 0 ? "\n{\"kpi\":" : ",\n{\"kpi\":";
    append_json_string(text, line.kpi);
    text += ",\"name\":";
    append_json_string(text, line.name);
    text += ",\"by\":";
    append_json_by(text, line);
    text += ",\"unit\":";
    append_json_string(text, line.unit);
    text += ",\"values\":[";
    for (std::size_t column = 0; column < trend.periods.size(); ++column) {
      const std::string raw = trend_cell_raw(line, column);
      text += column == 0 ? "" : ",";
      text += raw.empty() ? "null" : raw;
    }
    text += "]}";
  }
  text += "]}\n";
  return text;
}

std::string render_json_lines(const Trend& trend) {
  std::string text;
  for (const TrendLine& line : trend.lines) {
    for (std::size_t column = 0; column < trend.periods.size(); ++column) {
      text += "{\"kpi\":";
      append_json_string(text, line.kpi);
      text += ",\"name\":";
      append_json_string(text, line.name);
      text += ",\"period\":";
      append_json_string(text, trend.periods[column].label);
      text += ",\"by\":";
      append_json_by(text, line);
      const std::string raw = trend_cell_raw(line, column);
      text += ",\"value\":";
      text += raw.empty() ? "null" : raw;
      text += ",\"unit\":";
      append_json_string(text, line.unit);
      text += "}\n";
    }
  }
  return text;
}

}  // namespace

std::string trend_shared_field(const Trend& trend) {
  std::string field;
  for (const TrendLine& line : trend.lines) {
    if (line.by_field.empty()) {
      continue;
    }
    if (!field.empty() && field != line.by_field) {
      return "";
    }
    field = line.by_field;
  }
  return field;
}

std::string trend_by_header(const Trend& trend, std::string_view by) {
  if (!any_breakdown(trend)) {
    return "";
  }
  const std::string field = trend_shared_field(trend);
  return field.empty() ? std::string(by) : field;
}

std::string trend_by_cell(const TrendLine& line, bool shared) {
  if (line.by_field.empty() || shared) {
    return line.by_value;
  }
  const std::vector<std::string> fields = library::breakdown_fields(line.by_field);
  std::string text;
  for (std::size_t i = 0; i < fields.size() && i < line.by_values.size(); ++i) {
    text += fmt::format("{}{}={}", i == 0 ? "" : ", ", fields[i], line.by_values[i]);
  }
  return text;
}

std::string render_trend(const Trend& trend, Format format, bool bom) {
  switch (format) {
    case Format::Csv:
    case Format::Tsv: {
      std::string text = bom ? "\xEF\xBB\xBF" : "";
      text += delimited(trend, format == Format::Csv ? ',' : '\t');
      return text;
    }
    case Format::Json:
      return render_json(trend);
    case Format::Jsonl:
      return render_json_lines(trend);
    case Format::Markdown:
      return render_markdown(trend);
    case Format::Xlsx:
      return render_trend_xlsx(trend);
    case Format::Html:
      return render_trend_html(trend);
    case Format::Png:  // one period's card: a history's lines are html's and xlsx's
      throw Error({"usage.png-history",
                   "--format png draws one period's card; for kpi trend use --format html or xlsx",
                   {}});
    case Format::Table:
      break;
  }
  return render_table(trend);
}

}  // namespace kpi::report
