// SPDX-License-Identifier: MIT
// The report for people: aligned tables for a terminal, or Markdown.
#include <fmt/format.h>

#include <algorithm>

#include "kpi/report/escape.hpp"
#include "kpi/report/number_format.hpp"
#include "kpi/report/report_output.hpp"
#include "kpi/report/text_table.hpp"
#include "kpi/report/unit_format.hpp"

namespace kpi::report {

std::string render_text_report(const Report& report, bool markdown);

namespace {

using Table = std::vector<std::vector<std::string>>;

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

Table kpi_table(const Scorecard& scorecard, const std::string& report_period, bool paced) {
  Table table = {
      {"KPI", "actual", "target", "achievement", "weight", "score", "status", "环比", "同比"}};
  if (paced) {  // the target to date, actual ÷ it, and the run rate to the period's end
    table.front().insert(table.front().begin() + 3, {"expected", "pace", "projected"});
  }
  for (const KpiLine& line : scorecard.kpis) {
    std::string name = line.name;
    if (line.period != report_period) {
      name = fmt::format("{} ({})", line.name, line.period);  // a quarterly or yearly KPI
    }
    table.push_back(
        {name,
         format_by_unit(line.actual, line.qualitative ? "score" : line.unit,
                        line.qualitative ? 1 : line.precision, line.actual_exact),
         line.target_text.empty() ? std::string("\xE2\x80\x94") : line.target_text,
         format_percent(line.score.achievement), fmt::format("{}%", format_raw_number(line.weight)),
         line.score.points ? format_fixed(*line.score.points, 1) : std::string("\xE2\x80\x94"),
         std::string(score::status_name(line.score.status)), format_change(line.change_previous),
         format_change(line.change_last_year)});
    if (paced) {
      const auto shown = [&](std::optional<long double> value) {
        return format_by_unit(value, line.unit, line.precision);
      };
      const bool has = line.pace.has_value();
      table.back().insert(table.back().begin() + 3,
                          {has ? shown(line.pace->expected) : std::string("\xE2\x80\x94"),
                           has ? format_percent(line.pace->pace) : std::string("\xE2\x80\x94"),
                           has ? shown(line.pace->projection) : std::string("\xE2\x80\x94")});
    }
  }
  return table;
}

// KPI names to the left, figures to the right.
std::string aligned(const Table& table, const std::string& indent) {
  std::vector<Align> align(table.front().size(), Align::Right);
  align.front() = Align::Left;
  return render_text_table(table, align, indent);
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
  std::string text = markdown ? "\n## Data quality\n\n" : "\nData quality\n";
  const std::string bullet = markdown ? "- " : "  ";
  // One line per source; the json format lists every file.
  std::vector<engine::InputFile> sources;
  std::vector<std::size_t> file_counts;
  for (const engine::InputFile& input : report.quality.inputs()) {
    auto found = std::find_if(sources.begin(), sources.end(), [&](const engine::InputFile& known) {
      return known.source == input.source;
    });
    if (found == sources.end()) {
      sources.push_back({input.source, input.file, 0, 0, 0, {}});
      file_counts.push_back(0);
      found = sources.end() - 1;
    }
    found->records += input.records;
    found->skipped += input.skipped;
    found->left_out += input.left_out;
    ++file_counts[static_cast<std::size_t>(found - sources.begin())];
  }
  for (std::size_t i = 0; i < sources.size(); ++i) {
    const engine::InputFile& source = sources[i];
    const std::string files =
        file_counts[i] == 1 ? source.file : fmt::format("{} files", file_counts[i]);
    text += fmt::format("{}{} ({}): {} rows read, {} skipped, {} without a valid time\n", bullet,
                        escape_controls(source.source), escape_controls(files), source.records,
                        source.skipped, source.left_out);
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
  text += fmt::format("{}{}\n", bullet, report.missing_values);
  return text;
}

std::string summary(const Report& report, bool markdown) {
  Table table = {{"scorecard", "score"}};
  for (const Scorecard& scorecard : report.scorecards) {
    table.push_back({scorecard_title(scorecard), total_text(scorecard.total)});
  }
  if (report.plan_total) {
    table.push_back({"plan total (weights across scorecards)", total_text(*report.plan_total)});
  }
  return markdown ? fmt::format("\n## Summary\n\n{}", markdown_table(table))
                  : fmt::format("\nSummary\n{}", aligned(table, "  "));
}

}  // namespace

std::string render_text_report(const Report& report, bool markdown) {
  const std::string as_of = report.as_of ? fmt::format(" (as of {})", *report.as_of) : "";
  std::string text = markdown ? fmt::format("# KPI report {}{}\n", report.period, as_of)
                              : fmt::format("KPI report {}{}\n", report.period, as_of);
  for (const Scorecard& scorecard : report.scorecards) {
    const Table table = kpi_table(scorecard, report.period, report.as_of.has_value());
    if (markdown) {
      text += fmt::format("\n## {}\n\n{}\n**Total: {}**\n", scorecard_title(scorecard),
                          markdown_table(table), total_text(scorecard.total));
    } else {
      text += fmt::format("\n{}\n{}  total {}\n", scorecard_title(scorecard), aligned(table, "  "),
                          total_text(scorecard.total));
    }
    for (const std::string& note : scorecard.total.notes) {
      text += fmt::format("{}{}\n", markdown ? "- " : "  ", escape_controls(note));
    }
  }
  return text + quality_footer(report, markdown) + summary(report, markdown);
}

}  // namespace kpi::report
