// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kpi/engine/data_quality.hpp"
#include "kpi/engine/kpi_values.hpp"
#include "kpi/library/library.hpp"
#include "kpi/report/labels.hpp"
#include "kpi/score/pacing.hpp"
#include "kpi/score/scoring.hpp"
#include "kpi/value/exact_units.hpp"

namespace kpi::report {

/// One KPI line of a scorecard: what it measured, against what, and what it earned.
struct KpiLine {
  std::string kpi;   ///< id
  std::string name;  ///< display name
  std::string unit;
  int precision = 2;
  std::string period;    ///< the period it was measured over: "2025-06", "2025-Q2 to date"
  bool to_date = false;  ///< a quarterly or yearly KPI measured before its period is over
  std::optional<long double> actual;
  std::optional<ExactUnits> actual_exact;  ///< `actual` exactly, when known (shown instead)
  std::optional<long double> target;
  std::string target_text;  ///< as the plan wrote it
  long double weight = 0;   ///< percent points
  score::KpiScore score;
  std::optional<long double> change_previous;   ///< (actual − previous) ÷ |previous|  (环比)
  std::optional<long double> change_last_year;  ///< (actual − last year) ÷ |last year| (同比)
  bool qualitative = false;
  bool raters = false;  ///< a qualitative score combined from several raters (score.note says)
  /// With --as-of (or a period in progress): where the KPI stands against the days gone by.
  std::optional<score::Pace> pace;
  /// Which way is good: colours a change (环比, 同比) green or red in xlsx and html.
  library::Direction direction = library::Direction::HigherIsBetter;
  /// The achievement above which no more points are earned (1.2 = 120 %), for a capped-ratio
  /// or floor rule; none for rules without one. Marked on the html bullet bars.
  std::optional<long double> cap;
};

/// What a scorecard's total leads to, with the library's `[grades]` (and a pay file).
struct Outcome {
  /// The group it is ranked in: the scorecard's name for a person or other entity (美容顾问 ·
  /// 王丽 ranks among 美容顾问), "" for a scorecard without one (ranked in the whole plan).
  std::string group;
  std::optional<std::string> grade;               ///< none without a total
  std::optional<std::int64_t> coefficient_units;  ///< 绩效系数, in millionths
  std::optional<int> rank;                        ///< 1, 2, 2, 4; none without a total
  std::optional<std::int64_t> base_units;         ///< 奖金基数 from the pay file
  std::optional<ExactUnits> bonus;                ///< base × coefficient, to the cent
};

struct Scorecard {
  std::string name;
  std::string entity;  ///< "" for the whole
  std::vector<KpiLine> kpis;
  score::ScorecardScore total;
  Outcome outcome{};  ///< filled when Report::graded
  /// In a plan's tree (Report::tree): the 上级 scorecard's name, "" for a root, and the depth
  /// (0 for a root). The report lists a parent before its children.
  std::string parent{};
  std::size_t depth = 0;
};

/// An alert of the library's [alerts] that fired for the report's period, as `kpi alerts`
/// lists it.
struct ReportAlert {
  std::string id;        ///< the alert's ID
  std::string severity;  ///< warning or critical
  std::string kpi_name;  ///< the KPI's display name
  std::string by;        ///< "store=SH01"; "" for the whole
  std::string value;     ///< the KPI's value, at its precision ("95.2%")
  std::optional<long double> raw_value;
  std::string expected;  ///< the bound or range it left, in words ("≥ 90.0%")
  std::string message;   ///< the alert's message, if it has one
  std::string json;      ///< the object `kpi alerts --format json` gives for it
};

/// A whole report: the neutral model every format renders.
struct Report {
  std::string period;
  std::optional<std::string> as_of;  ///< the day a period in progress is measured to
  std::string missing_values;        ///< how KPIs without a value were scored, in English words
  score::MissingValues missing = score::MissingValues::Renormalise;  ///< the same, for labels
  Presentation presentation;  ///< labels' language and the currency, for people's formats
  std::vector<Scorecard> scorecards;
  /// For a plan whose weights add up to 100 across all scorecards (one KPI per role, as in
  /// seed 000's table), the weighted total of the whole plan.
  std::optional<score::ScorecardScore> plan_total;
  bool graded = false;  ///< the library has `[grades]`: grade, coefficient and rank are shown
  bool paid = false;    ///< a pay file was given: base bonus and bonus are shown
  bool tree = false;    ///< the plan has a parent column: parent and level are shown
  std::vector<std::string> warnings;  ///< plan warnings, KPIs without values
  engine::DataQuality quality;
  /// With [alerts] in the library: the alerts that fired (perhaps none); none without any.
  std::optional<std::vector<ReportAlert>> alerts;
  /// With ReportOptions::emit_measures: the measures table the report's KPIs were read from.
  std::vector<engine::MeasureTableRow> measure_table;
};

}  // namespace kpi::report
