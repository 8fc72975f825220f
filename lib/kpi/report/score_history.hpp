// SPDX-License-Identifier: MIT
// kpi report --from --to: the report of every period of a run, which the history formats
// pivot into scorecard × period totals and each KPI's achievement per period.
#pragma once

#include <string>
#include <vector>

#include "kpi/engine/data_quality.hpp"
#include "kpi/report/formats.hpp"
#include "kpi/report/report.hpp"

namespace kpi::report {

struct ScoreHistory {
  std::string from, to;         ///< the first and last period: "2025-01", "2025-12"
  std::string every;            ///< the step: month, quarter, …
  std::vector<Report> reports;  ///< one per period, in order; Report::period is its label
  Presentation presentation;
  std::vector<std::string> warnings;  ///< the plan's, then each period's, "2025-03: …"
  engine::DataQuality quality;        ///< of the one pass over the exports
};

}  // namespace kpi::report

namespace kpi::report {

/// One KPI line of a scorecard across the periods.
struct HistoryKpi {
  std::string kpi, name, unit;
  int precision = 2;
  std::vector<const KpiLine*> lines;  ///< per period; null where the plan has no such line
};

/// One scorecard across the periods: its totals and KPI lines.
struct HistoryScorecard {
  std::string name, entity;
  std::vector<const Scorecard*> periods;  ///< per period; null where it is not scored
  std::vector<HistoryKpi> kpis;           ///< in the order they first appear
  std::size_t depth = 0;                  ///< in a plan's tree: its level (Scorecard::depth)
  std::string title() const;              ///< "店长", "店长 · SH01"
  std::vector<std::optional<long double>> totals() const;  ///< per period; none when none
};

/// The scorecards of every period, each once (by name and entity), in the order they first
/// appear; a KPI line is matched by its KPI (a second line of the same KPI by its order).
/// Points into `history`.
std::vector<HistoryScorecard> history_scorecards(const ScoreHistory& history);

/// Renders a score history, one column per period:
/// - table, markdown: the scorecards' totals (scorecard × period), then per scorecard each KPI's
///   achievement per period; labels in the history's language;
/// - csv, tsv: columns scorecard, entity, kpi, name, measure, then one per period (headed by its
///   label): a row `total` per scorecard (kpi and name empty), and per KPI the rows
///   `kpi_period` (the period it was measured over: "2025-06", "2025-Q2 to date"), `actual`,
///   `target`, `achievement` and `score`; raw numbers, empty for none; `bom` first for Excel;
/// - json: {"schema_version": 1, "from", "to", "every", "periods": [labels…], "scorecards":
///   [{"name", "entity", "totals": […], "kpis": [{"kpi", "name", "unit", "kpi_period": […],
///   "actual": […], "target": […], "achievement": […], "score": […], "status": […]}…]}…]}, null for
///   none;
/// - jsonl: every period's `kpi report --format jsonl` rows, one after the other;
/// - xlsx: the totals with a native line chart of each scorecard's score, and the achievements;
/// - html: one page, a line chart of each scorecard's score and a table of achievements with a
///   sparkline per KPI.
std::string render_history(const ScoreHistory& history, Format format, bool bom = false);

std::string render_history_html(const ScoreHistory& history);
std::string render_history_xlsx(const ScoreHistory& history);

}  // namespace kpi::report
