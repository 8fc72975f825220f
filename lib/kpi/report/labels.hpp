// SPDX-License-Identifier: MIT
// The words a report shows people, in each language --lang offers. Labels are data: the
// renderers look them up here, so a new language is one more table, and machine formats (csv,
// tsv, json, jsonl) never read them: their keys and values are a contract and stay English.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "kpi/score/scoring.hpp"

namespace kpi::report {

enum class Lang { En, Zh };

/// How a run shows its numbers to people: the labels' language and the symbol before money.
struct Presentation {
  Lang lang = Lang::En;
  std::string currency;  ///< the symbol before money ("¥", "$"), or "" for none
};

/// Every label of the table, markdown, xlsx and html renderers. Format strings take fmt's {}.
struct Labels {
  std::string_view report_title;  ///< "KPI report {}": the period
  std::string_view kpi, actual, target, achievement, weight, score, status, change_previous,
      change_last_year;
  /// A paced report's columns (--as-of): the target to date, actual ÷ it, the period's end at
  /// the run rate so far.
  std::string_view expected, pace, projected;
  std::string_view total;         ///< beside a scorecard's total
  std::string_view total_line;    ///< markdown: "Total: {}"
  std::string_view data_quality;  ///< section title
  std::string_view summary;       ///< section title
  std::string_view alerts;        ///< section title: the alerts that fired
  std::string_view no_alert;      ///< said in it when none fired
  std::string_view alert, severity, expected_range, message;  ///< its columns
  std::string_view scorecard;                                 ///< column of the summary
  std::string_view plan_total;     ///< the row of a plan whose weights span scorecards
  std::string_view source_line;    ///< "{source} ({file}): {read} rows read, …"
  std::string_view files;          ///< "{} files"
  std::string_view measures_line;  ///< "measures table ({file}): {read} rows read" (--measures)
  std::string_view left_out;       ///< KPIs without a value, renormalised
  std::string_view scored_zero;    ///< KPIs without a value, scored 0
  std::string_view met, at_risk, missed, no_value;
  // kpi values
  std::string_view name, period, by, value, unit;
  // xlsx sheets and their columns
  std::string_view measures_table;  ///< the source column of the measures table's row
  std::string_view entity, values_sheet, source, file, rows_read, rows_skipped, rows_without_time,
      problem, occurrences, first_place, notes, chart_title;
  // unit words
  std::string_view money, percent, count, days, points;
};

const Labels& labels(Lang lang);

/// The label of a status: "at risk", "预警".
std::string_view status_label(Lang lang, score::Status status);

/// After a report's title, the day a paced report is measured to: " (as of 2025-06-15)",
/// "（截至 2025-06-15）".
std::string as_of_suffix(Lang lang, std::string_view day);

/// A unit for people: the library's unit words (money, percent, count, days, score) in the
/// language; any other unit ("元/㎡", "人次") as written.
std::string unit_label(Lang lang, const std::string& unit);

/// "zh" or "en", as --lang and `[report] lang` take them; none for anything else.
std::optional<Lang> find_lang(std::string_view name);

/// The language of the locale, by POSIX precedence: the first of LC_ALL, LC_MESSAGES and LANG
/// that is set and not empty decides; zh_* (zh_CN.UTF-8, zh_TW) is Chinese, anything else, or
/// none set, English. Takes the variables' values (null when unset), so it reads no
/// environment itself.
Lang lang_from_locale(const char* lc_all, const char* lc_messages, const char* lang);

}  // namespace kpi::report
