// SPDX-License-Identifier: MIT
// kpi report --from --to for people (table, markdown) and programs (csv, tsv, json, jsonl).
#include <fmt/format.h>

#include <algorithm>

#include "kpi/core/diagnostic.hpp"
#include "kpi/report/escape.hpp"
#include "kpi/report/history_labels.hpp"
#include "kpi/report/number_format.hpp"
#include "kpi/report/report_output.hpp"
#include "kpi/report/score_history.hpp"
#include "kpi/report/text_table.hpp"
#include "kpi/report/unit_format.hpp"

namespace kpi::report {
namespace {

using Table = std::vector<std::vector<std::string>>;

constexpr const char* kDash = "\xE2\x80\x94";  // —

std::string total_text(const std::optional<long double>& total) {
  return total ? format_fixed(*total, 1) : std::string(kDash);
}

std::vector<std::string> header(const ScoreHistory& history, std::string first) {
  std::vector<std::string> row = {std::move(first)};
  for (const Report& report : history.reports) {
    row.push_back(report.period);
  }
  return row;
}

// In a plan's tree, each level is indented: two spaces in the terminal, an ideographic space
// (as wide) in Markdown, whose table cells lose their leading spaces.
Table totals_table(const ScoreHistory& history, const std::vector<HistoryScorecard>& scorecards,
                   bool markdown) {
  const Labels& words = labels(history.presentation.lang);
  Table table = {header(history, std::string(words.scorecard))};
  for (const HistoryScorecard& scorecard : scorecards) {
    std::string title;
    for (std::size_t level = 0; level < scorecard.depth; ++level) {
      title += markdown ? "\u3000" : "  ";
    }
    std::vector<std::string>& row = table.emplace_back(1, title + scorecard.title());
    for (const std::optional<long double>& total : scorecard.totals()) {
      row.push_back(total_text(total));
    }
  }
  return table;
}

Table achievement_table(const ScoreHistory& history, const HistoryScorecard& scorecard) {
  const Labels& words = labels(history.presentation.lang);
  Table table = {header(history, std::string(words.kpi))};
  for (const HistoryKpi& kpi : scorecard.kpis) {
    std::vector<std::string>& row = table.emplace_back(1, kpi.name);
    for (const KpiLine* line : kpi.lines) {
      row.push_back(line != nullptr ? format_percent(line->score.achievement) : kDash);
    }
  }
  return table;
}

std::string title_of(const ScoreHistory& history) {
  return fmt::format(fmt::runtime(history_labels(history.presentation.lang).history_title),
                     history.from, history.to);
}

std::string aligned(const Table& table) {
  std::vector<Align> align(table.front().size(), Align::Right);
  align.front() = Align::Left;
  return render_text_table(table, align, "  ");
}

std::string render_table(const ScoreHistory& history) {
  const HistoryLabels& words = history_labels(history.presentation.lang);
  const std::vector<HistoryScorecard> scorecards = history_scorecards(history);
  std::string text = fmt::format("{}\n\n{}\n", title_of(history), words.totals);
  text += aligned(totals_table(history, scorecards, false));
  for (const HistoryScorecard& scorecard : scorecards) {
    text += fmt::format("\n{}: {}\n", escape_controls(scorecard.title()), words.achievements);
    text += aligned(achievement_table(history, scorecard));
  }
  return text;
}

// A Markdown table cell: escaped controls, and | as \| so that it does not split the cell.
std::string markdown_cell(const std::string& cell) {
  std::string text;
  for (const char c : escape_controls(cell)) {
    text += c == '|' ? "\\|" : std::string(1, c);
  }
  return text;
}

std::string markdown_table(const Table& table) {
  std::string text;
  for (std::size_t r = 0; r < table.size(); ++r) {
    text += "|";
    for (const std::string& cell : table[r]) {
      text += fmt::format(" {} |", markdown_cell(cell));
    }
    text += "\n";
    if (r == 0) {
      text += "|";
      for (std::size_t c = 0; c < table[r].size(); ++c) {
        text += c == 0 ? " --- |" : " ---: |";
      }
      text += "\n";
    }
  }
  return text;
}

std::string render_markdown(const ScoreHistory& history) {
  const HistoryLabels& words = history_labels(history.presentation.lang);
  const std::vector<HistoryScorecard> scorecards = history_scorecards(history);
  std::string text =
      fmt::format("## {}\n\n### {}\n\n", markdown_cell(title_of(history)), words.totals);
  text += markdown_table(totals_table(history, scorecards, true));
  for (const HistoryScorecard& scorecard : scorecards) {
    text += fmt::format("\n### {}: {}\n\n", markdown_cell(scorecard.title()), words.achievements);
    text += markdown_table(achievement_table(history, scorecard));
  }
  return text;
}

std::string raw(const std::optional<long double>& value) {
  return value ? format_raw_number(*value) : std::string();
}

// The raw actual of a line: exactly, when it is known exactly.
std::string raw_actual(const KpiLine& line) {
  if (!line.actual) {
    return "";
  }
  return line.actual_exact ? format_raw_units(*line.actual_exact) : format_raw_number(*line.actual);
}

std::string delimited(const ScoreHistory& history, char delimiter) {
  std::string text;
  const auto append_row = [&](const std::vector<std::string>& texts,
                              const std::vector<std::string>& numbers) {
    for (const std::string& cell : texts) {
      append_delimited_cell(text, cell, false, delimiter);
      text += delimiter;
    }
    for (std::size_t c = 0; c < numbers.size(); ++c) {
      append_delimited_cell(text, numbers[c], true, delimiter);
      text += c + 1 < numbers.size() ? delimiter : '\n';
    }
  };
  std::vector<std::string> periods;
  for (const Report& report : history.reports) {
    periods.push_back(report.period);
  }
  for (const std::string_view name : {"scorecard", "entity", "kpi", "name", "measure"}) {
    append_delimited_cell(text, name, false, delimiter);
    text += delimiter;
  }
  for (std::size_t c = 0; c < periods.size(); ++c) {
    append_delimited_cell(text, periods[c], false, delimiter);
    text += c + 1 < periods.size() ? delimiter : '\n';
  }
  for (const HistoryScorecard& scorecard : history_scorecards(history)) {
    std::vector<std::string> totals;
    for (const std::optional<long double>& total : scorecard.totals()) {
      totals.push_back(raw(total));
    }
    append_row({scorecard.name, scorecard.entity, "", "", "total"}, totals);
    for (const HistoryKpi& kpi : scorecard.kpis) {
      const auto measure = [&](const char* name, auto of) {
        std::vector<std::string> cells;
        for (const KpiLine* line : kpi.lines) {
          cells.push_back(line != nullptr ? of(*line) : std::string());
        }
        append_row({scorecard.name, scorecard.entity, kpi.kpi, kpi.name, name}, cells);
      };
      // The period the KPI was measured over: the report's, or its quarter to date.
      measure("kpi_period", [](const KpiLine& line) { return line.period; });
      measure("actual", [](const KpiLine& line) { return raw_actual(line); });
      measure("target", [](const KpiLine& line) { return raw(line.target); });
      measure("achievement", [](const KpiLine& line) { return raw(line.score.achievement); });
      measure("score", [](const KpiLine& line) { return raw(line.score.points); });
    }
  }
  return text;
}

std::string json_number(const std::string& raw_number) {
  return raw_number.empty() ? "null" : raw_number;
}

std::string render_json(const ScoreHistory& history) {
  std::string text = "{\"schema_version\":1,\"from\":";
  append_json_string(text, history.from);
  text += ",\"to\":";
  append_json_string(text, history.to);
  text += ",\"every\":";
  append_json_string(text, history.every);
  text += ",\"periods\":[";
  for (std::size_t c = 0; c < history.reports.size(); ++c) {
    text += c == 0 ? "" : ",";
    append_json_string(text, history.reports[c].period);
  }
  text += "],\n\"scorecards\":[";
  const std::vector<HistoryScorecard> scorecards = history_scorecards(history);
  for (std::size_t s = 0; s < scorecards.size(); ++s) {
    const HistoryScorecard& scorecard = scorecards[s];
    text += s == 0 ? "\n{\"name\":" : ",\n{\"name\":";
    append_json_string(text, scorecard.name);
    text += ",\"entity\":";
    if (scorecard.entity.empty()) {
      text += "null";  // the whole, as the report's json writes it
    } else {
      append_json_string(text, scorecard.entity);
    }
    text += ",\"totals\":[";
    const std::vector<std::optional<long double>> totals = scorecard.totals();
    for (std::size_t c = 0; c < totals.size(); ++c) {
      text += c == 0 ? "" : ",";
      text += json_number(raw(totals[c]));
    }
    text += "],\"kpis\":[";
    for (std::size_t k = 0; k < scorecard.kpis.size(); ++k) {
      const HistoryKpi& kpi = scorecard.kpis[k];
      text += k == 0 ? "\n{\"kpi\":" : ",\n{\"kpi\":";
      append_json_string(text, kpi.kpi);
      text += ",\"name\":";
      append_json_string(text, kpi.name);
      text += ",\"unit\":";
      append_json_string(text, kpi.unit);
      const auto series = [&](const char* name, auto of) {
        text += fmt::format(",\"{}\":[", name);
        for (std::size_t c = 0; c < kpi.lines.size(); ++c) {
          text += c == 0 ? "" : ",";
          text += kpi.lines[c] != nullptr ? of(*kpi.lines[c]) : std::string("null");
        }
        text += "]";
      };
      series("kpi_period", [](const KpiLine& line) {
        std::string period;
        append_json_string(period, line.period);
        return period;
      });
      series("actual", [](const KpiLine& line) { return json_number(raw_actual(line)); });
      series("target", [](const KpiLine& line) { return json_number(raw(line.target)); });
      series("achievement",
             [](const KpiLine& line) { return json_number(raw(line.score.achievement)); });
      series("score", [](const KpiLine& line) { return json_number(raw(line.score.points)); });
      series("status", [](const KpiLine& line) {
        std::string status;
        append_json_string(status, score::status_name(line.score.status));
        return status;
      });
      text += "}";
    }
    text += "]}";
  }
  text += "]}\n";
  return text;
}

std::string render_json_lines(const ScoreHistory& history) {
  std::string text;
  for (const Report& report : history.reports) {
    text += render_report(report, Format::Jsonl);
  }
  return text;
}

}  // namespace

std::string render_history(const ScoreHistory& history, Format format, bool bom) {
  switch (format) {
    case Format::Csv:
    case Format::Tsv: {
      std::string text = bom ? "\xEF\xBB\xBF" : "";
      text += delimited(history, format == Format::Csv ? ',' : '\t');
      return text;
    }
    case Format::Json:
      return render_json(history);
    case Format::Jsonl:
      return render_json_lines(history);
    case Format::Markdown:
      return render_markdown(history);
    case Format::Xlsx:
      return render_history_xlsx(history);
    case Format::Html:
      return render_history_html(history);
    case Format::Png:  // one period's card: a history's lines are html's and xlsx's
      throw Error({"usage.png-history",
                   "--format png draws one period's card; for a score history (--from, --to) use "
                   "--format html or xlsx",
                   {}});
    case Format::Table:
      break;
  }
  return render_table(history);
}

}  // namespace kpi::report
