// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "kpi/core/diagnostic.hpp"
#include "kpi/expr/ast.hpp"
#include "kpi/library/aggregates.hpp"
#include "kpi/library/ratings.hpp"
#include "kpi/time/period.hpp"
#include "kpi/time/workdays.hpp"

namespace kpi::library {

/// How a mapped column's cells are read.
enum class FieldType { Text, Number, Money, Percent, Date, DateTime, Bool };

/// A field taken from a master table (a source without time) by key: the store's region, the
/// member's age band. `lookup = "stores.region"` with `key = "store"` finds the stores row whose
/// field `store` equals this row's field `store`.
struct Lookup {
  std::string source;  ///< the master source
  std::string field;   ///< the master's field to take
  std::string key;     ///< the field of this source, and of the master, to match on
};

/// One canonical field of a source: the header names that may hold it, tried in order (so one
/// library reads several export layouts), and its type.
struct Field {
  std::string name;
  std::vector<std::string> columns;
  FieldType type = FieldType::Text;
  std::string date_format;  ///< "%m/%d/%Y"; "" reads the year-first forms, or detects the order
  /// The decimal mark and thousands separator of a number, money or percent field; unset:
  /// its source's. A field's decimal comes with its own thousands (or the default for it).
  std::optional<char> decimal, thousands;
  SourceLocation where;
  std::optional<Lookup> lookup;  ///< set for a field from a master table; then no columns
};

/// One kind of export: where its files are and how its columns map to fields.
struct Source {
  std::string name;
  std::vector<std::string> files;  ///< paths or globs, relative to the library file
  std::string encoding;            ///< "" = detect
  std::optional<char> delimiter;   ///< unset = sniff
  std::optional<char> decimal;     ///< '.' or ','; unset = detected per file
  std::optional<char> thousands;   ///< ',', '.', ' ' or '\0' (none); unset = the decimal's default
  std::string time_field;          ///< the field that dates each row
  std::vector<Field> fields;
  SourceLocation where;

  const Field* find_field(std::string_view field_name) const;
};

/// An expression as written in the library, its syntax tree, and where the text starts.
struct Expression {
  std::string text;
  std::unique_ptr<expr::Node> tree;
  SourceLocation where;
};

/// An aggregate over one source: `sum = "amount"` with an optional row filter. `count = "*"`
/// counts rows; then `of` has no tree.
///
/// Per entity: with `per = "member"` and `having = "rows >= 2"`, only the rows of keys whose
/// own aggregates in the period pass `having` count (members with two or more purchases,
/// products whose sales exceed a bar).
struct Measure {
  std::string name;
  std::string source;
  Aggregate aggregate = Aggregate::Sum;
  Expression of;
  std::optional<Expression> filter;
  std::optional<Expression> per;
  std::optional<Expression> having;
  /// `no_rows = 0`: a period (or breakdown value) without rows in the source counts 0, not no
  /// value; for registers of rare events (complaints), where no row means none happened.
  bool zero_without_rows = false;
  SourceLocation where;
};

enum class Direction { HigherIsBetter, LowerIsBetter, Neutral };

/// A KPI: a formula over measures and other KPIs, with how to show it.
struct Kpi {
  std::string id;
  std::string name;
  Expression formula;
  std::string unit = "count";  ///< money, percent, count, days, score, or free text
  Direction direction = Direction::HigherIsBetter;
  int precision = 2;
  std::string by;            ///< default breakdown field; "" for none
  bool qualitative = false;  ///< scored by hand from a scores CSV; has no formula
  /// Whether a period in progress is held to the share of the target its days gone by call
  /// for (`pace = "prorate"`), to the share last year's same period had reached by the same
  /// day (`"last_year"`), or to the whole target (`"whole"`); Auto decides by the formula.
  enum class Pace { Auto, Prorate, Whole, LastYear };
  Pace pace = Pace::Auto;
  SourceLocation where;
};

/// A warning rule (预警) on a KPI, `[alerts.ID]`: it fires when the KPI's value leaves fixed
/// bounds, changes too much against the previous period or last year, or leaves its normal
/// range (the mean of its past periods ± a number of standard deviations).
struct Alert {
  enum class Rule { Bounds, Change, Normal };
  enum class ChangeFrom { Previous, LastYear };
  std::string id;
  std::string kpi;  ///< the KPI's id or display name
  std::string by;   ///< the breakdown, as a KPI's `by`; "" keeps the KPI's own
  Rule rule = Rule::Bounds;
  std::optional<long double> below;  ///< Bounds: fires under this (`below`, `outside`'s low)
  std::optional<long double> above;  ///< Bounds: fires over this (`above`, `outside`'s high)
  ChangeFrom change_from = ChangeFrom::Previous;  ///< Change
  long double change_beyond = 0;                  ///< Change: fires past ± this fraction
  int normal_periods = 12;                        ///< Normal: the past periods it reads
  long double sigma = 2;                          ///< Normal: the range's half-width, in σ
  int min_periods = 3;               ///< Normal: fewer past values than this is too little history
  std::string severity = "warning";  ///< warning or critical
  std::string message;               ///< said when it fires; optional
  SourceLocation where;
};

/// A KPI plan table written inside the library, as CSV text in `[plan] csv = """…"""`.
struct InlinePlan {
  std::string csv;
  SourceLocation where;  ///< the line of `csv = """`; the CSV's first line is the next one
};

/// How reports of this library are shown (`[report]`): what the renderers need to know that
/// the numbers do not say. Empty: not set, the command line or the locale decides.
struct ReportSettings {
  std::string lang;      ///< "zh" or "en"
  std::string currency;  ///< the symbol before money: "¥", "$", "HK$"
};

/// One band of `[grades]`: a scorecard whose total (as shown, to one decimal) is `from` or more,
/// and below the band above, gets `grade` and its 绩效系数 `coefficient`.
struct GradeBand {
  std::string grade;                   ///< "S", "A", "优秀"
  std::optional<long double> from;     ///< none: the last band, every total below the others
  std::int64_t coefficient_units = 0;  ///< 绩效系数 in millionths (1.2 is 1200000), exact
  SourceLocation where;
};

/// Forced distribution (强制分布): at most `at_most` of the graded scorecards of a group may get
/// one of `grades` (S and A at most 30 %); more is a warning naming the group.
struct GradeLimit {
  std::vector<std::string> grades;
  long double at_most = 1;  ///< a fraction: 0.3 for "30%"
  SourceLocation where;
};

/// `[grades]`: bands on a scorecard's total, highest first, the last without `from`.
struct Grades {
  std::vector<GradeBand> bands;
  std::optional<GradeLimit> limit;
  SourceLocation where;
};

/// `[areas]`: the weight range of a KPI area (考核维度, 指标类别) on a scorecard, such as seed
/// 002's 销售业绩 40–50 %. `scorecard` "" applies to every scorecard (`"定性指标" = "5%..10%"`),
/// otherwise to the one named (`[areas."销售部"]`), which wins.
struct AreaRange {
  std::string scorecard;
  std::string area;
  long double low = 0;   ///< percent points
  long double high = 0;  ///< percent points
  std::string text;      ///< as written: "40%..50%"
  SourceLocation where;
};

/// A whole KPI library, in the order it was written.
struct Library {
  std::filesystem::path path;
  time::Calendar calendar;
  /// [calendar] workdays and holidays: the days a period in progress counts as gone by.
  time::Workdays workdays;
  ReportSettings report;
  std::optional<InlinePlan> plan;
  std::optional<Grades> grades;    ///< `[grades]`: grade, coefficient and ranking in reports
  std::optional<Ratings> ratings;  ///< `[ratings]`: several raters of a qualitative KPI
  std::vector<AreaRange> areas;    ///< `[areas]`: weight ranges per KPI area
  std::vector<Source> sources;
  std::vector<Measure> measures;
  std::vector<Kpi> kpis;
  std::vector<Alert> alerts;

  const Source* find_source(std::string_view name) const;
  const Measure* find_measure(std::string_view name) const;
  const Kpi* find_kpi(std::string_view id) const;
};

}  // namespace kpi::library
