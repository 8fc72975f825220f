// SPDX-License-Identifier: MIT
// The report for people: aligned tables for a terminal, or Markdown.
#include <fmt/format.h>

#include <algorithm>

#include "kpi/report/change_news.hpp"
#include "kpi/report/escape.hpp"
#include "kpi/report/html_charts.hpp"
#include "kpi/report/labels.hpp"
#include "kpi/report/number_format.hpp"
#include "kpi/report/outcome_columns.hpp"
#include "kpi/report/report_output.hpp"
#include "kpi/report/source_totals.hpp"
#include "kpi/report/text_table.hpp"
#include "kpi/report/unit_format.hpp"

namespace kpi::report {

std::string render_text_report(const Report& report, bool markdown,
                               const TerminalStyle& terminal = {});

namespace {

using Table = std::vector<std::vector<std::string>>;

// A table with its cells' tones and the columns a narrow terminal may leave out.
struct ToneTable {
  Table cells;
  std::vector<std::vector<Tone>> tones;
  std::vector<std::size_t> droppable;
};

// The status colours of the html page and the png card, in a terminal's three.
Tone status_tone(score::Status status) {
  const std::string_view name = status_class(status);
  return name == "met"       ? Tone::Good
         : name == "at-risk" ? Tone::Warning
         : name == "missed"  ? Tone::Bad
                             : Tone::Plain;
}

Tone change_tone(std::optional<long double> change, library::Direction direction) {
  const News news = change_news(change, direction);
  return news == News::Good ? Tone::Good : news == News::Bad ? Tone::Bad : Tone::Plain;
}

// Plan and data text (scorecard names, entities, notes) is shown with its control characters
// escaped, in tables (render_text_table) and everywhere else on a line of its own.
std::string scorecard_title(const Scorecard& scorecard) {
  return escape_controls(scorecard.entity.empty()
                             ? scorecard.name
                             : fmt::format("{} · {}", scorecard.name, scorecard.entity));
}

// A Markdown table cell: escaped controls, and | as \| so that it does not split the cell.
std::string markdown_cell(const std::string& cell) {
  std::string text;
  for (char c : escape_controls(cell)) {
    if (c == '|') {
      text += '\\';
    }
    text += c;
  }
  return text;
}

std::string total_text(const score::ScorecardScore& total) {
  return total.total ? format_fixed(*total.total, 1) : std::string("\xE2\x80\x94");
}

// A unit's word after the number ("2.4 天"); money, percent, count and score have none.
std::string unit_word(Lang lang, const std::string& unit) {
  return unit == "days" ? unit_label(lang, unit) : std::string();
}

ToneTable kpi_table(const Scorecard& scorecard, const Report& report) {
  const Labels& words = labels(report.presentation.lang);
  ToneTable toned;
  Table& table = toned.cells;
  table = {{std::string(words.kpi), std::string(words.actual), std::string(words.target),
            std::string(words.achievement), std::string(words.weight), std::string(words.score),
            std::string(words.status), std::string(words.change_previous),
            std::string(words.change_last_year)}};
  const bool paced = report.as_of.has_value();
  const std::size_t shift = paced ? 3 : 0;  // expected, pace and projected before achievement
  if (paced) {  // the target to date, actual ÷ it, and the run rate to the period's end
    table.front().insert(
        table.front().begin() + 3,
        {std::string(words.expected), std::string(words.pace), std::string(words.projected)});
  }
  for (const KpiLine& line : scorecard.kpis) {
    std::string name = line.name;
    if (line.period != report.period) {
      name = fmt::format("{} ({})", line.name, line.period);  // a quarterly or yearly KPI
    }
    table.push_back(
        {name,
         format_by_unit(line.actual, line.qualitative ? "score" : line.unit,
                        line.qualitative ? 1 : line.precision, line.actual_exact,
                        report.presentation.currency,
                        unit_word(report.presentation.lang, line.unit)),
         line.target_text.empty() ? std::string("\xE2\x80\x94") : line.target_text,
         format_percent(line.score.achievement), fmt::format("{}%", format_raw_number(line.weight)),
         line.score.points ? format_fixed(*line.score.points, 1) : std::string("\xE2\x80\x94"),
         std::string(status_label(report.presentation.lang, line.score.status)),
         format_change(line.change_previous), format_change(line.change_last_year)});
    if (paced) {
      const auto shown = [&](std::optional<long double> value) {
        return format_by_unit(value, line.unit, line.precision, std::nullopt,
                              report.presentation.currency);
      };
      const bool has = line.pace.has_value();
      table.back().insert(table.back().begin() + 3,
                          {has ? shown(line.pace->expected) : std::string("\xE2\x80\x94"),
                           has ? format_percent(line.pace->pace) : std::string("\xE2\x80\x94"),
                           has ? shown(line.pace->projection) : std::string("\xE2\x80\x94")});
    }
    const Tone status = status_tone(line.score.status);
    std::vector<Tone> tones(table.back().size(), Tone::Plain);
    tones[3 + shift] = status;
    tones[6 + shift] = status;
    tones[7 + shift] = change_tone(line.change_previous, line.direction);
    tones[8 + shift] = change_tone(line.change_last_year, line.direction);
    toned.tones.push_back(std::move(tones));
  }
  toned.tones.insert(toned.tones.begin(), std::vector<Tone>());  // the header
  // What a narrow terminal leaves out first: 同比, 环比, weight, target, score (and the pace's
  // projection and target to date before them).
  toned.droppable = {8 + shift, 7 + shift, 4 + shift, 2, 5 + shift};
  if (paced) {
    toned.droppable.insert(toned.droppable.begin(), {5, 3});
  }
  return toned;
}

TableLayout layout_of(const ToneTable& table, const std::string& indent,
                      const TerminalStyle& terminal, std::size_t left_out = 0) {
  TableLayout layout;
  layout.indent = indent;
  layout.tones = table.tones;
  layout.colour = terminal.colour;
  layout.width = terminal.width;
  layout.droppable = table.droppable;
  layout.left_out = left_out;
  return layout;
}

// KPI names to the left, figures to the right.
std::string aligned(const ToneTable& table, const TableLayout& layout) {
  std::vector<Align> align(table.cells.front().size(), Align::Right);
  align.front() = Align::Left;
  return render_text_table(table.cells, align, layout);
}

std::string total_shown(const score::ScorecardScore& total, const TerminalStyle& terminal) {
  return paint(total_text(total),
               terminal.colour ? status_tone(total_status(total.total)) : Tone::Plain);
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

std::string quality_footer(const Report& report, bool markdown) {
  const Labels& words = labels(report.presentation.lang);
  std::string text = markdown ? fmt::format("\n## {}\n\n", words.data_quality)
                              : fmt::format("\n{}\n", words.data_quality);
  const std::string bullet = markdown ? "- " : "  ";
  // One line per source; the json format lists every file.
  for (const SourceTotals& source : source_totals(report.quality)) {
    const engine::InputFile& totals = source.totals;
    const std::string files = source.file_count == 1
                                  ? totals.file
                                  : fmt::format(fmt::runtime(words.files), source.file_count);
    text += bullet;
    text +=
        totals.measures_table
            ? fmt::format(fmt::runtime(words.measures_line), escape_controls(files), totals.records)
            : fmt::format(fmt::runtime(words.source_line), escape_controls(totals.source),
                          escape_controls(files), totals.records, totals.skipped, totals.left_out);
    text += '\n';
  }
  for (const engine::DataProblem& problem : report.quality.problems()) {
    text += fmt::format("{}{}: {} {}\n", bullet, escape_controls(problem.source), problem.count,
                        escape_controls(problem.reason));
    for (const Diagnostic& example : problem.first) {
      text += fmt::format("{}  {}\n", markdown ? "  " : "  ", escape_controls(render(example)));
    }
  }
  for (const std::string& warning : report.warnings) {
    text += fmt::format("{}{}\n", bullet, escape_controls(warning));
  }
  text += fmt::format(
      "{}{}\n", bullet,
      report.missing == score::MissingValues::ScoreZero ? words.scored_zero : words.left_out);
  return text;
}

// The alerts of the library's [alerts] that fired: what `kpi alerts` lists, in the report.
std::string alerts_section(const Report& report, bool markdown) {
  if (!report.alerts) {
    return "";
  }
  const Labels& words = labels(report.presentation.lang);
  std::string text =
      markdown ? fmt::format("\n## {}\n\n", words.alerts) : fmt::format("\n{}\n", words.alerts);
  if (report.alerts->empty()) {
    return text + fmt::format("{}{}\n", markdown ? "" : "  ", words.no_alert);
  }
  Table table = {{std::string(words.alert), std::string(words.severity), std::string(words.kpi),
                  std::string(words.by), std::string(words.value),
                  std::string(words.expected_range), std::string(words.message)}};
  for (const ReportAlert& alert : *report.alerts) {
    table.push_back({escape_controls(alert.id), escape_controls(alert.severity),
                     escape_controls(alert.kpi_name), escape_controls(alert.by), alert.value,
                     alert.expected, escape_controls(alert.message)});
  }
  if (markdown) {
    return text + markdown_table(table);
  }
  return text + render_text_table(table,
                                  {Align::Left, Align::Left, Align::Left, Align::Left, Align::Right,
                                   Align::Left, Align::Left},
                                  "  ");
}

// A scorecard's depth in the plan's tree as indentation: two spaces a level in the terminal, an
// ideographic space (as wide) in Markdown, whose table cells lose their leading spaces.
std::string tree_indent(std::size_t depth, bool markdown) {
  std::string indent;
  for (std::size_t level = 0; level < depth; ++level) {
    indent += markdown ? "\u3000" : "  ";
  }
  return indent;
}

std::string summary(const Report& report, bool markdown, const TerminalStyle& terminal) {
  const Labels& words = labels(report.presentation.lang);
  ToneTable toned;
  Table& table = toned.cells;
  table = {{std::string(words.scorecard), std::string(words.score)}};
  for (std::string& header : outcome_headers(report)) {
    table.front().push_back(std::move(header));
  }
  toned.tones.emplace_back();
  const auto add = [&](std::string title, const score::ScorecardScore& total) {
    table.push_back({std::move(title), total_text(total)});
    toned.tones.push_back({Tone::Plain, status_tone(total_status(total.total))});
  };
  for (const Scorecard& scorecard : report.scorecards) {
    add(tree_indent(scorecard.depth, markdown) + scorecard_title(scorecard), scorecard.total);
    for (std::string& cell : outcome_cells(report, scorecard)) {
      table.back().push_back(std::move(cell));
    }
  }
  if (report.plan_total) {
    add(std::string(words.plan_total), *report.plan_total);
    table.back().resize(table.front().size());
  }
  return markdown ? fmt::format("\n## {}\n\n{}", words.summary, markdown_table(table))
                  : fmt::format("\n{}\n{}", words.summary,
                                aligned(toned, layout_of(toned, "  ", terminal)));
}

}  // namespace

std::string render_text_report(const Report& report, bool markdown, const TerminalStyle& terminal) {
  const Labels& words = labels(report.presentation.lang);
  std::string title = fmt::format(fmt::runtime(words.report_title), report.period);
  if (report.as_of) {
    title += as_of_suffix(report.presentation.lang, *report.as_of);
  }
  std::string text = markdown ? fmt::format("# {}\n", title) : fmt::format("{}\n", title);
  std::vector<ToneTable> tables;
  // Every scorecard's table leaves out the same columns on a narrow terminal: the most any of
  // them needs to.
  std::size_t left_out = 0;
  for (const Scorecard& scorecard : report.scorecards) {
    tables.push_back(kpi_table(scorecard, report));
    left_out = std::max(
        left_out, columns_left_out(tables.back().cells, layout_of(tables.back(), "  ", terminal)));
  }
  for (std::size_t s = 0; s < report.scorecards.size(); ++s) {
    const Scorecard& scorecard = report.scorecards[s];
    const ToneTable& table = tables[s];
    if (markdown) {
      text += fmt::format("\n## {}\n\n{}\n**{}**\n", scorecard_title(scorecard),
                          markdown_table(table.cells),
                          fmt::format(fmt::runtime(words.total_line), total_text(scorecard.total)));
    } else {
      text += fmt::format("\n{}\n{}  {} {}\n", scorecard_title(scorecard),
                          aligned(table, layout_of(table, "  ", terminal, left_out)), words.total,
                          total_shown(scorecard.total, terminal));
    }
    for (const std::string& note : scorecard.total.notes) {
      text += fmt::format("{}{}\n", markdown ? "- " : "  ", escape_controls(note));
    }
  }
  return text + alerts_section(report, markdown) + quality_footer(report, markdown) +
         summary(report, markdown, terminal);
}

}  // namespace kpi::report
