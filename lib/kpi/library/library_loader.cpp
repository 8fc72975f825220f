// SPDX-License-Identifier: MIT
// The only file that sees toml++: it turns the TOML document into the Library model, with a
// located message for every key or value that is not what the format expects.
#include "kpi/library/library_loader.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>

#include "kpi/core/did_you_mean.hpp"
#include "kpi/csv/decoder.hpp"
#include "kpi/csv/dialect.hpp"
#include "kpi/expr/parser.hpp"
#include "kpi/library/breakdown.hpp"
#include "kpi/library/whole_counts.hpp"
#include "kpi/time/workdays.hpp"
#include "kpi/value/number_parser.hpp"

namespace kpi::library {
namespace {

struct Context {
  std::string file;

  SourceLocation at(const toml::source_region& region) const {
    return {file, region.begin.line, region.begin.column};
  }
  [[noreturn]] void fail(const toml::source_region& region, std::string message) const {
    throw Error({"library.invalid", std::move(message), at(region)});
  }
};

// Rejects keys the format does not know, so that a typo ("fliter") is not silently ignored.
void check_keys(const Context& context, const toml::table& table, std::string_view where,
                const std::vector<std::string>& known) {
  for (const auto& [key, node] : table) {
    if (std::find(known.begin(), known.end(), key.str()) == known.end()) {
      context.fail(key.source(), fmt::format("unknown key \"{}\" in {}{}", key.str(), where,
                                             did_you_mean(key.str(), known)));
    }
  }
}

const toml::table& as_table(const Context& context, const toml::node& node, std::string_view what) {
  if (const toml::table* table = node.as_table()) {
    return *table;
  }
  context.fail(node.source(), fmt::format("{} must be a table", what));
}

std::string as_string(const Context& context, const toml::node& node, std::string_view what) {
  if (const auto value = node.value<std::string>()) {
    return *value;
  }
  context.fail(node.source(), fmt::format("{} must be a string", what));
}

// A string, or an array of strings: `files = "a.csv"` or `files = ["a.csv", "b.csv"]`.
std::vector<std::string> as_strings(const Context& context, const toml::node& node,
                                    std::string_view what) {
  if (const toml::array* array = node.as_array()) {
    std::vector<std::string> strings;
    for (const toml::node& item : *array) {
      strings.push_back(as_string(context, item, what));
    }
    if (strings.empty()) {
      context.fail(node.source(), fmt::format("{} must not be empty", what));
    }
    return strings;
  }
  return {as_string(context, node, fmt::format("{} (or a list of strings)", what))};
}

// A KPI's `by`: one field, or several (`by = ["store", "channel"]`, or "store,channel"), each
// named once; kept in the written form "store,channel".
std::string parse_breakdown(const Context& context, const toml::node& node) {
  std::vector<std::string> fields;
  for (const std::string& item : as_strings(context, node, "by")) {
    for (std::string& field : breakdown_fields(item)) {
      fields.push_back(std::move(field));
    }
  }
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (fields[i].empty()) {
      context.fail(node.source(), "by: a breakdown field name is empty");
    }
    if (std::find(fields.begin(), fields.begin() + static_cast<std::ptrdiff_t>(i), fields[i]) !=
        fields.begin() + static_cast<std::ptrdiff_t>(i)) {
      context.fail(node.source(), fmt::format("by: \"{}\" is named twice", fields[i]));
    }
  }
  return breakdown_name(fields);
}

// Orders the entries of a TOML table as they appear in the file: toml++ keeps them sorted.
std::vector<std::pair<const toml::key*, const toml::node*>> in_file_order(
    const toml::table& table) {
  std::vector<std::pair<const toml::key*, const toml::node*>> entries;
  for (const auto& [key, node] : table) {
    entries.emplace_back(&key, &node);
  }
  std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
    return std::pair(a.first->source().begin.line, a.first->source().begin.column) <
           std::pair(b.first->source().begin.line, b.first->source().begin.column);
  });
  return entries;
}

Expression parse_expression(const Context& context, const toml::node& node, std::string_view what) {
  Expression expression{as_string(context, node, what), nullptr, context.at(node.source())};
  try {
    expression.tree = expr::parse(expression.text);
  } catch (const expr::SyntaxError& error) {
    // The expression starts one column after the opening quote of the TOML string.
    SourceLocation where = expression.where;
    where.column += 1 + characters_in(expression.text, error.where().offset);
    throw Error({"library.syntax", fmt::format("{}: {}", what, error.what()), where});
  }
  return expression;
}

FieldType parse_field_type(const Context& context, const toml::node& node) {
  static const std::vector<std::string> kNames = {"text", "number",   "money", "percent",
                                                  "date", "datetime", "bool"};
  const std::string name = as_string(context, node, "type");
  const auto found = std::find(kNames.begin(), kNames.end(), name);
  if (found == kNames.end()) {
    context.fail(node.source(), fmt::format("unknown type \"{}\"; expected one of text, number, "
                                            "money, percent, date, datetime, bool{}",
                                            name, did_you_mean(name, kNames)));
  }
  return static_cast<FieldType>(found - kNames.begin());
}

// lookup = "stores.region", key = "store"
Lookup parse_lookup(const Context& context, const std::string& field, const toml::node& lookup,
                    const toml::node* key) {
  const std::string text = as_string(context, lookup, "lookup");
  const std::size_t dot = text.find('.');
  if (dot == std::string::npos || dot == 0 || dot + 1 == text.size() || key == nullptr) {
    context.fail(lookup.source(),
                 fmt::format("field \"{}\": a lookup reads lookup = \"SOURCE.FIELD\" with key = "
                             "\"FIELD\", e.g. lookup = \"stores.region\", key = \"store\"",
                             field));
  }
  return {text.substr(0, dot), text.substr(dot + 1), as_string(context, *key, "key")};
}

// decimal = "," and thousands = "." (or " ", or "" for none).
std::optional<char> parse_mark(const Context& context, const toml::table& table,
                               std::string_view key, std::string_view what) {
  const toml::node* node = table.get(key);
  if (node == nullptr) {
    return std::nullopt;
  }
  const std::string text = as_string(context, *node, key);
  if (key == "decimal" && (text == "." || text == ",")) {
    return text[0];
  }
  if (key == "thousands" && (text == "," || text == "." || text == " " || text.empty())) {
    return text.empty() ? '\0' : text[0];
  }
  context.fail(node->source(),
               key == "decimal"
                   ? fmt::format("{}: decimal \"{}\" is not \".\" or \",\"", what, text)
                   : fmt::format("{}: thousands \"{}\" is not \",\", \".\", \" \" or \"\" "
                                 "(none)",
                                 what, text));
}

// The number marks of a source or field: thousands only with a decimal, and never the same.
void check_marks(const Context& context, const toml::table& table, std::string_view what,
                 std::optional<char> decimal, std::optional<char> thousands) {
  if (thousands && !decimal) {
    context.fail(table.get("thousands")->source(),
                 fmt::format("{}: thousands goes with a decimal: decimal = \",\" with thousands "
                             "= \".\", or decimal = \".\" with thousands = \" \"",
                             what));
  }
  if (decimal && thousands && *decimal == *thousands) {
    context.fail(table.get("thousands")->source(),
                 fmt::format("{}: decimal and thousands are both \"{}\"", what, *decimal));
  }
}

Field parse_field(const Context& context, const Source& source, const toml::key& key,
                  const toml::node& node) {
  Field field{std::string(key.str()),   {}, FieldType::Text, {}, {}, {},
              context.at(key.source()), {}};
  if (const toml::table* table = node.as_table()) {
    const std::string what = fmt::format("field \"{}\"", field.name);
    check_keys(context, *table, what,
               {"column", "type", "format", "decimal", "thousands", "lookup", "key"});
    if (const toml::node* lookup = table->get("lookup")) {
      field.lookup = parse_lookup(context, field.name, *lookup, table->get("key"));
      return field;
    }
    const toml::node* column = table->get("column");
    if (column == nullptr) {
      context.fail(node.source(), fmt::format("field \"{}\" needs a column", field.name));
    }
    field.columns = as_strings(context, *column, "column");
    if (const toml::node* type = table->get("type")) {
      field.type = parse_field_type(context, *type);
    }
    if (const toml::node* format = table->get("format")) {
      field.date_format = as_string(context, *format, "format");
      if (field.type != FieldType::Date && field.type != FieldType::DateTime) {
        context.fail(format->source(), fmt::format("field \"{}\": a format needs type date or "
                                                   "datetime",
                                                   field.name));
      }
    }
    field.decimal = parse_mark(context, *table, "decimal", what);
    field.thousands = parse_mark(context, *table, "thousands", what);
    if ((field.decimal || field.thousands) && field.type != FieldType::Number &&
        field.type != FieldType::Money && field.type != FieldType::Percent) {
      const toml::node* mark = table->get(field.decimal ? "decimal" : "thousands");
      context.fail(mark->source(), fmt::format("{}: {} is for numbers: it needs type number, "
                                               "money or percent",
                                               what, field.decimal ? "decimal" : "thousands"));
    }
    check_marks(context, *table, what, field.decimal ? field.decimal : source.decimal,
                field.thousands);
    return field;
  }
  field.columns = as_strings(context, node, fmt::format("field \"{}\"", field.name));
  return field;
}

std::optional<char> parse_delimiter(const Context& context, const toml::node& node) {
  const std::string text = as_string(context, node, "delimiter");
  if (text == "auto") {
    return std::nullopt;
  }
  const std::optional<char> delimiter = csv::delimiter_of(text);
  if (!delimiter) {
    context.fail(node.source(), fmt::format("delimiter \"{}\" is not one of \",\" \";\" \"|\" "
                                            "\"tab\" \"auto\"",
                                            text));
  }
  return delimiter;
}

Source parse_source(const Context& context, const toml::key& key, const toml::node& node) {
  const std::string what = fmt::format("source \"{}\"", key.str());
  const toml::table& table = as_table(context, node, what);
  check_keys(context, table, what,
             {"files", "encoding", "delimiter", "decimal", "thousands", "time", "fields"});
  Source source;
  source.name = std::string(key.str());
  source.where = context.at(key.source());
  const toml::node* files = table.get("files");
  const toml::node* fields = table.get("fields");
  if (files == nullptr || fields == nullptr) {
    context.fail(key.source(), fmt::format("{} needs `files` and a `fields` table", what));
  }
  source.files = as_strings(context, *files, "files");
  if (const toml::node* encoding = table.get("encoding")) {
    source.encoding = as_string(context, *encoding, "encoding");
    source.encoding = source.encoding == "auto" ? "" : source.encoding;
    if (!source.encoding.empty() && !csv::is_known_encoding(source.encoding)) {
      context.fail(encoding->source(),
                   fmt::format("{}: unknown encoding \"{}\" (try auto, UTF-8, UTF-16LE, "
                               "UTF-16BE, GB18030 or any name `iconv --list` shows)",
                               what, source.encoding));
    }
  }
  if (const toml::node* delimiter = table.get("delimiter")) {
    source.delimiter = parse_delimiter(context, *delimiter);
  }
  source.decimal = parse_mark(context, table, "decimal", what);
  source.thousands = parse_mark(context, table, "thousands", what);
  check_marks(context, table, what, source.decimal, source.thousands);
  for (const auto& [field_key, field_node] : in_file_order(as_table(context, *fields, "fields"))) {
    source.fields.push_back(parse_field(context, source, *field_key, *field_node));
  }
  if (const toml::node* time = table.get("time")) {
    source.time_field = as_string(context, *time, "time");
    const Field* field = source.find_field(source.time_field);
    if (field == nullptr ||
        (field->type != FieldType::Date && field->type != FieldType::DateTime)) {
      context.fail(time->source(),
                   fmt::format("time field \"{}\" must be a mapped field of type date or datetime",
                               source.time_field));
    }
  }
  return source;
}

Measure parse_measure(const Context& context, const toml::key& key, const toml::node& node) {
  const std::string what = fmt::format("measure \"{}\"", key.str());
  const toml::table& table = as_table(context, node, what);
  std::vector<std::string> known = {"source", "filter", "per", "having", "no_rows"};
  for (const AggregateInfo& aggregate : aggregates()) {
    known.emplace_back(aggregate.name);
  }
  check_keys(context, table, what, known);
  Measure measure;
  measure.name = std::string(key.str());
  measure.where = context.at(key.source());
  const toml::node* source = table.get("source");
  if (source == nullptr) {
    context.fail(key.source(), fmt::format("{} needs a source", what));
  }
  measure.source = as_string(context, *source, "source");
  int aggregates = 0;
  for (const AggregateInfo& aggregate : library::aggregates()) {
    if (const toml::node* of = table.get(aggregate.name)) {
      ++aggregates;
      measure.aggregate = aggregate.aggregate;
      const bool all_rows =
          measure.aggregate == Aggregate::Count && of->value<std::string>() == "*";
      measure.of = all_rows ? Expression{"*", nullptr, context.at(of->source())}
                            : parse_expression(context, *of, std::string(aggregate.name));
    }
  }
  if (aggregates != 1) {
    context.fail(key.source(), fmt::format("{} needs exactly one of {}", what, aggregate_names()));
  }
  if (const toml::node* filter = table.get("filter")) {
    measure.filter = parse_expression(context, *filter, "filter");
  }
  if (const toml::node* per = table.get("per")) {
    measure.per = parse_expression(context, *per, "per");
  }
  if (const toml::node* having = table.get("having")) {
    measure.having = parse_expression(context, *having, "having");
  }
  if (const toml::node* no_rows = table.get("no_rows")) {
    const std::optional<std::int64_t> zero = no_rows->value<std::int64_t>();
    if (!zero || *zero != 0 || !info(measure.aggregate).zero_without_values || measure.per) {
      context.fail(no_rows->source(),
                   fmt::format("{}: no_rows can only be 0, on a sum, count or count_distinct "
                               "without per (without it, no rows is no value)",
                               what));
    }
    measure.zero_without_rows = true;
  }
  if (measure.having && !measure.per) {
    context.fail(key.source(), fmt::format("{}: `having` judges the keys of `per`: per = "
                                           "\"member\", having = \"rows >= 2\"",
                                           what));
  }
  return measure;
}

Direction parse_direction(const Context& context, const toml::node& node) {
  const std::string text = as_string(context, node, "direction");
  if (text == "higher") return Direction::HigherIsBetter;
  if (text == "lower") return Direction::LowerIsBetter;
  if (text == "none") return Direction::Neutral;
  context.fail(node.source(),
               fmt::format("direction \"{}\" is not one of \"higher\", \"lower\", \"none\"", text));
}

Kpi parse_kpi(const Context& context, const toml::key& key, const toml::node& node) {
  const std::string what = fmt::format("KPI \"{}\"", key.str());
  const toml::table& table = as_table(context, node, what);
  check_keys(context, table, what,
             {"name", "formula", "unit", "direction", "precision", "by", "qualitative", "pace"});
  Kpi kpi;
  kpi.id = std::string(key.str());
  kpi.name = kpi.id;
  kpi.where = context.at(key.source());
  const toml::node* formula = table.get("formula");
  if (const toml::node* qualitative = table.get("qualitative")) {
    const auto flag = qualitative->value<bool>();
    if (!flag) {
      context.fail(qualitative->source(), "qualitative must be true or false");
    }
    kpi.qualitative = *flag;
    kpi.unit = "score";
  }
  if ((formula == nullptr) != kpi.qualitative) {
    context.fail(key.source(), fmt::format("{} needs a formula, or `qualitative = true` (and no "
                                           "formula) when it is scored by hand",
                                           what));
  }
  if (formula != nullptr) {
    kpi.formula = parse_expression(context, *formula, "formula");
  }
  if (const toml::node* name = table.get("name")) kpi.name = as_string(context, *name, "name");
  if (const toml::node* unit = table.get("unit")) kpi.unit = as_string(context, *unit, "unit");
  if (const toml::node* by = table.get("by")) kpi.by = parse_breakdown(context, *by);
  if (const toml::node* pace = table.get("pace")) {
    const std::string text = as_string(context, *pace, "pace");
    if (text != "prorate" && text != "whole" && text != "last_year") {
      context.fail(pace->source(),
                   fmt::format("pace \"{}\" is not \"prorate\" (the target to date is the share "
                               "of the days gone by), \"last_year\" (the share last year's same "
                               "period had reached by the same day) or \"whole\" (the whole "
                               "target)",
                               text));
    }
    kpi.pace = text == "prorate"     ? Kpi::Pace::Prorate
               : text == "last_year" ? Kpi::Pace::LastYear
                                     : Kpi::Pace::Whole;
  }
  if (const toml::node* direction = table.get("direction")) {
    kpi.direction = parse_direction(context, *direction);
  }
  if (const toml::node* precision = table.get("precision")) {
    const auto digits = precision->value<std::int64_t>();
    if (!digits || *digits < 0 || *digits > 6) {
      context.fail(precision->source(), "precision must be a whole number from 0 to 6");
    }
    kpi.precision = static_cast<int>(*digits);
  }
  return kpi;
}

// A number in an alert: 100000, 0.35, or text such as "35%" or "1,250.5".
long double as_amount(const Context& context, const toml::node& node, std::string_view what) {
  if (const auto integer = node.value_exact<std::int64_t>()) {
    return static_cast<long double>(*integer);
  }
  if (const auto real = node.value_exact<double>()) {
    return *real;
  }
  if (const auto text = node.value_exact<std::string>()) {
    const NumberCell cell = parse_number(*text);
    if (cell.status == CellStatus::Value) {
      return static_cast<long double>(cell.value.units()) / Decimal::kUnitsPerOne;
    }
  }
  context.fail(node.source(),
               fmt::format("{} must be a number such as 100000, 0.35 or \"35%\"", what));
}

std::int64_t as_count(const Context& context, const toml::node& node, std::string_view what,
                      std::int64_t low, std::int64_t high) {
  const auto count = node.value_exact<std::int64_t>();
  if (!count || *count < low || *count > high) {
    context.fail(node.source(),
                 fmt::format("{} must be a whole number from {} to {}", what, low, high));
  }
  return *count;
}

void parse_alert_change(const Context& context, const toml::node& node, Alert& alert) {
  const toml::table& table = as_table(context, node, "change");
  check_keys(context, table, "change", {"from", "beyond"});
  if (const toml::node* from = table.get("from")) {
    const std::string text = as_string(context, *from, "change.from");
    if (text != "previous" && text != "last_year") {
      context.fail(from->source(),
                   fmt::format("change.from \"{}\" is not \"previous\" or \"last_year\"", text));
    }
    alert.change_from =
        text == "previous" ? Alert::ChangeFrom::Previous : Alert::ChangeFrom::LastYear;
  }
  const toml::node* beyond = table.get("beyond");
  if (beyond == nullptr) {
    context.fail(node.source(), "change needs `beyond`, the change that fires it: \"20%\"");
  }
  alert.change_beyond = as_amount(context, *beyond, "change.beyond");
  if (alert.change_beyond <= 0) {
    context.fail(beyond->source(), "change.beyond must be above 0: \"20%\" fires past ±20 %");
  }
}

void parse_alert_normal(const Context& context, const toml::node& node, Alert& alert) {
  const toml::table& table = as_table(context, node, "normal");
  check_keys(context, table, "normal", {"periods", "sigma", "min_periods"});
  if (const toml::node* periods = table.get("periods")) {
    alert.normal_periods = static_cast<int>(as_count(context, *periods, "normal.periods", 2, 120));
  }
  alert.min_periods = std::min(alert.min_periods, alert.normal_periods);
  if (const toml::node* sigma = table.get("sigma")) {
    alert.sigma = as_amount(context, *sigma, "normal.sigma");
    if (alert.sigma <= 0) {
      context.fail(sigma->source(), "normal.sigma must be above 0");
    }
  }
  if (const toml::node* least = table.get("min_periods")) {
    alert.min_periods =
        static_cast<int>(as_count(context, *least, "normal.min_periods", 2, alert.normal_periods));
  }
}

Alert parse_alert(const Context& context, const toml::key& key, const toml::node& node) {
  const toml::table& table = as_table(context, node, fmt::format("alert \"{}\"", key.str()));
  const std::string what = fmt::format("alert \"{}\"", key.str());
  check_keys(context, table, what,
             {"kpi", "by", "below", "above", "outside", "change", "normal", "severity", "message"});
  Alert alert;
  alert.id = std::string(key.str());
  alert.where = context.at(key.source());
  const toml::node* kpi = table.get("kpi");
  if (kpi == nullptr) {
    context.fail(key.source(), fmt::format("{} needs the KPI it watches: kpi = \"sales\"", what));
  }
  alert.kpi = as_string(context, *kpi, "kpi");
  if (const toml::node* by = table.get("by")) alert.by = parse_breakdown(context, *by);
  const bool bounds = table.contains("below") || table.contains("above");
  const int rules = (bounds ? 1 : 0) + (table.contains("outside") ? 1 : 0) +
                    (table.contains("change") ? 1 : 0) + (table.contains("normal") ? 1 : 0);
  if (rules != 1) {
    context.fail(key.source(),
                 fmt::format("{} needs one rule: below and/or above, outside = [low, high], "
                             "change = {{ from = \"previous\", beyond = \"20%\" }} or "
                             "normal = {{ periods = 12, sigma = 2 }} (write two alerts for two)",
                             what));
  }
  if (const toml::node* below = table.get("below")) {
    alert.below = as_amount(context, *below, "below");
  }
  if (const toml::node* above = table.get("above")) {
    alert.above = as_amount(context, *above, "above");
  }
  if (const toml::node* outside = table.get("outside")) {
    const toml::array* range = outside->as_array();
    if (range == nullptr || range->size() != 2) {
      context.fail(outside->source(), "outside must be [low, high]: outside = [\"90%\", \"110%\"]");
    }
    alert.below = as_amount(context, *range->get(0), "outside's low");
    alert.above = as_amount(context, *range->get(1), "outside's high");
  }
  if (alert.below && alert.above && *alert.above < *alert.below) {
    context.fail(key.source(), fmt::format("{}: the high bound is below the low one", what));
  }
  if (const toml::node* change = table.get("change")) {
    alert.rule = Alert::Rule::Change;
    parse_alert_change(context, *change, alert);
  }
  if (const toml::node* normal = table.get("normal")) {
    alert.rule = Alert::Rule::Normal;
    parse_alert_normal(context, *normal, alert);
  }
  if (const toml::node* severity = table.get("severity")) {
    alert.severity = as_string(context, *severity, "severity");
    if (alert.severity != "warning" && alert.severity != "critical") {
      context.fail(severity->source(), fmt::format("severity \"{}\" is not \"warning\" or "
                                                   "\"critical\"",
                                                   alert.severity));
    }
  }
  if (const toml::node* message = table.get("message")) {
    alert.message = as_string(context, *message, "message");
  }
  return alert;
}

// The holidays file of [calendar], relative to the library's folder.
void read_holidays_file(const Context& context, const toml::node& node,
                        const std::filesystem::path& library_path, time::Workdays& workdays) {
  const std::string name = as_string(context, node, "holidays");
  const std::filesystem::path path = library_path.parent_path() / name;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    context.fail(node.source(),
                 fmt::format("cannot open the holidays file \"{}\"{}; its path is relative to "
                             "the library's folder",
                             name, path == name ? "" : fmt::format(" ({})", path.string())));
  }
  std::ostringstream text;
  text << in.rdbuf();
  time::read_holidays(text.str(), path.string(), workdays);
}

void parse_calendar(const Context& context, const toml::node& node, Library& library) {
  const toml::table& table = as_table(context, node, "calendar");
  check_keys(context, table, "calendar", {"month_start_day", "workdays", "holidays"});
  if (const toml::node* start = table.get("month_start_day")) {
    const auto day = start->value<std::int64_t>();
    if (!day || *day < 1 || *day > 28) {
      context.fail(start->source(), "month_start_day must be a day from 1 to 28");
    }
    library.calendar.month_start_day = static_cast<int>(*day);
  }
  if (const toml::node* workdays = table.get("workdays")) {
    const time::WorkweekParse week =
        time::parse_workweek(as_string(context, *workdays, "workdays"));
    if (!week.error.empty()) {
      context.fail(workdays->source(), week.error);
    }
    library.workdays.week = week.week;
  }
  if (const toml::node* holidays = table.get("holidays")) {
    read_holidays_file(context, *holidays, library.path, library.workdays);
  }
}

ReportSettings parse_report(const Context& context, const toml::node& node) {
  const toml::table& table = as_table(context, node, "report");
  check_keys(context, table, "report", {"lang", "currency"});
  ReportSettings settings;
  if (const toml::node* lang = table.get("lang")) {
    settings.lang = as_string(context, *lang, "lang");
    if (settings.lang != "zh" && settings.lang != "en") {
      context.fail(lang->source(),
                   fmt::format("lang must be \"zh\" or \"en\", not \"{}\"", settings.lang));
    }
  }
  if (const toml::node* currency = table.get("currency")) {
    settings.currency = as_string(context, *currency, "currency");
    // A symbol goes before every amount, in a table cell and in an Excel number format: a
    // line break or a quote there would break both.
    if (settings.currency.empty() || settings.currency.size() > 16 ||
        settings.currency.find_first_of("\"\\\n\r\t;") != std::string::npos) {
      context.fail(currency->source(),
                   "currency must be a short symbol such as \"¥\", \"$\" or \"HK$\"");
    }
  }
  return settings;
}

// [grades]: bands = [{ grade = "S", from = 110, coefficient = 1.5 }, …, { grade = "D",
// coefficient = 0.5 }], and optionally limit = { grades = ["S", "A"], at_most = "30%" }.
GradeBand parse_grade_band(const Context& context, const toml::node& node) {
  const toml::table& table = as_table(context, node, "a band of grades");
  check_keys(context, table, "a band of grades", {"grade", "from", "coefficient"});
  GradeBand band;
  band.where = context.at(node.source());
  const toml::node* grade = table.get("grade");
  const toml::node* coefficient = table.get("coefficient");
  if (grade == nullptr || coefficient == nullptr) {
    context.fail(node.source(),
                 "a band of grades needs grade and coefficient (and from, except "
                 "the last): { grade = \"A\", from = 100, coefficient = 1.2 }");
  }
  band.grade = as_string(context, *grade, "grade");
  if (band.grade.empty()) {
    context.fail(grade->source(), "grade must not be empty");
  }
  if (const toml::node* from = table.get("from")) {
    band.from = as_amount(context, *from, "from");
  }
  const long double factor = as_amount(context, *coefficient, "coefficient");
  if (factor < 0 || factor > 1000) {
    context.fail(coefficient->source(), "coefficient must be from 0 to 1000 (1.2 for 120 %)");
  }
  band.coefficient_units = std::llround(factor * Decimal::kUnitsPerOne);
  return band;
}

GradeLimit parse_grade_limit(const Context& context, const toml::node& node, const Grades& grades) {
  const toml::table& table = as_table(context, node, "limit");
  check_keys(context, table, "limit", {"grades", "at_most"});
  GradeLimit limit;
  limit.where = context.at(node.source());
  const toml::node* names = table.get("grades");
  const toml::node* at_most = table.get("at_most");
  if (names == nullptr || at_most == nullptr) {
    context.fail(node.source(),
                 "limit needs grades and at_most: { grades = [\"S\", \"A\"], at_most = \"30%\" }");
  }
  limit.grades = as_strings(context, *names, "grades");
  for (const std::string& name : limit.grades) {
    const bool known = std::any_of(grades.bands.begin(), grades.bands.end(),
                                   [&](const GradeBand& band) { return band.grade == name; });
    if (!known) {
      std::vector<std::string> all;
      for (const GradeBand& band : grades.bands) {
        all.push_back(band.grade);
      }
      context.fail(names->source(), fmt::format("limit: \"{}\" is not a grade of the bands{}", name,
                                                did_you_mean(name, all)));
    }
  }
  limit.at_most = as_amount(context, *at_most, "at_most");
  if (limit.at_most < 0 || limit.at_most > 1) {
    context.fail(at_most->source(), "at_most must be a share from 0% to 100%, such as \"30%\"");
  }
  return limit;
}

Grades parse_grades(const Context& context, const toml::node& node) {
  const toml::table& table = as_table(context, node, "grades");
  check_keys(context, table, "grades", {"bands", "limit"});
  Grades grades;
  grades.where = context.at(node.source());
  const toml::array* bands = table.get("bands") ? table.get("bands")->as_array() : nullptr;
  if (bands == nullptr || bands->empty()) {
    context.fail(node.source(),
                 "grades needs bands = [{ grade = \"S\", from = 110, coefficient "
                 "= 1.5 }, …, { grade = \"D\", coefficient = 0.5 }]");
  }
  for (const toml::node& item : *bands) {
    grades.bands.push_back(parse_grade_band(context, item));
  }
  for (std::size_t i = 0; i < grades.bands.size(); ++i) {
    const GradeBand& band = grades.bands[i];
    const bool last = i + 1 == grades.bands.size();
    const toml::node& item = *bands->get(i);
    if (!last && !band.from) {
      context.fail(item.source(), fmt::format("band \"{}\" needs from (the lowest total of the "
                                              "band); only the last band takes every total below",
                                              band.grade));
    }
    if (last && band.from) {
      context.fail(item.source(), fmt::format("the last band \"{}\" takes every total below the "
                                              "others: write it without from",
                                              band.grade));
    }
    if (i > 0 && band.from && *band.from >= *grades.bands[i - 1].from) {
      context.fail(item.source(), fmt::format("band \"{}\" starts at {}, not below band \"{}\" "
                                              "({}): write the bands from the highest down",
                                              band.grade, static_cast<double>(*band.from),
                                              grades.bands[i - 1].grade,
                                              static_cast<double>(*grades.bands[i - 1].from)));
    }
    for (std::size_t j = 0; j < i; ++j) {
      if (grades.bands[j].grade == band.grade) {
        context.fail(item.source(), fmt::format("grade \"{}\" is given twice", band.grade));
      }
    }
  }
  if (const toml::node* limit = table.get("limit")) {
    grades.limit = parse_grade_limit(context, *limit, grades);
  }
  return grades;
}

// [ratings]: weights = { "自评" = 20, "上级" = 50, "同事" = 30 } (adding up to 100), and points =
// { "优" = 95, "良" = 85 } over the default grade words.
Ratings parse_ratings(const Context& context, const toml::node& node) {
  const toml::table& table = as_table(context, node, "ratings");
  check_keys(context, table, "ratings", {"weights", "points"});
  Ratings ratings;
  ratings.where = context.at(node.source());
  if (const toml::node* weights = table.get("weights")) {
    long double sum = 0;
    for (const auto& [key, value] : in_file_order(as_table(context, *weights, "weights"))) {
      const std::optional<std::string> kind = rater_kind(key->str());
      if (!kind) {
        context.fail(key->source(), fmt::format("\"{}\" is not a rater kind; expected {}",
                                                key->str(), rater_kinds_text()));
      }
      for (const auto& [earlier, weight] : ratings.weights) {
        if (earlier == *kind) {
          context.fail(key->source(), fmt::format("rater kind {} is given twice", *kind));
        }
      }
      const long double weight = as_amount(context, *value, "a rater's weight");
      if (weight < 0) {
        context.fail(value->source(), "a rater's weight must be 0 or more");
      }
      ratings.weights.emplace_back(*kind, weight);
      sum += weight;
    }
    if (sum < 100 - 1e-9L || sum > 100 + 1e-9L) {
      context.fail(weights->source(), fmt::format("the raters' weights add up to {}, not 100",
                                                  static_cast<double>(sum)));
    }
  }
  if (const toml::node* points = table.get("points")) {
    for (const auto& [key, value] : in_file_order(as_table(context, *points, "points"))) {
      const long double worth = as_amount(context, *value, "a grade's points");
      if (worth < 0 || worth > 100) {
        context.fail(value->source(), "a grade's points must be from 0 to 100");
      }
      ratings.points.emplace_back(std::string(key->str()), worth);
    }
  }
  return ratings;
}

// A weight range: "40%..50%", "40%-50%", "40% - 50%", "40..50" or one weight "5%"; percent
// points.
AreaRange parse_area_range(const Context& context, const toml::node& node, std::string scorecard,
                           std::string area) {
  const std::string text = as_string(context, node, "an area's weight range");
  const auto points = [&](std::string part) -> std::optional<long double> {
    while (!part.empty() && (part.back() == ' ' || part.back() == '%')) {
      part.pop_back();
    }
    while (!part.empty() && part.front() == ' ') {
      part.erase(part.begin());
    }
    const NumberCell cell = parse_number(part);
    if (part.empty() || cell.status != CellStatus::Value || cell.value.units() < 0) {
      return std::nullopt;
    }
    return static_cast<long double>(cell.value.units()) / Decimal::kUnitsPerOne;
  };
  std::size_t split = text.find("..");
  std::size_t width = 2;
  if (split == std::string::npos) {
    split = text.find('-');
    width = 1;
  }
  const std::optional<long double> low =
      points(split == std::string::npos ? text : text.substr(0, split));
  const std::optional<long double> high =
      split == std::string::npos ? low : points(text.substr(split + width));
  if (!low || !high || *low > *high || *high > 100) {
    context.fail(node.source(),
                 fmt::format("area \"{}\": \"{}\" is not a weight range; write \"40%..50%\" "
                             "(low first, up to 100%) or one weight such as \"5%\"",
                             area, text));
  }
  return {std::move(scorecard), std::move(area), *low, *high, text, context.at(node.source())};
}

// [areas]: "area" = "40%..50%" for every scorecard, and [areas."scorecard"] tables of their own.
std::vector<AreaRange> parse_areas(const Context& context, const toml::node& node) {
  std::vector<AreaRange> ranges;
  for (const auto& [key, value] : in_file_order(as_table(context, node, "areas"))) {
    if (const toml::table* own = value->as_table()) {
      for (const auto& [area, range] : in_file_order(*own)) {
        ranges.push_back(
            parse_area_range(context, *range, std::string(key->str()), std::string(area->str())));
      }
      continue;
    }
    ranges.push_back(parse_area_range(context, *value, "", std::string(key->str())));
  }
  return ranges;
}

// A plan or scores row may name a KPI by its display name, so two KPIs with one name would
// leave it to chance which one a row scores (a copied KPI whose name was not changed).
void check_display_names(const std::vector<Kpi>& kpis) {
  std::map<std::string_view, const Kpi*> first;
  for (const Kpi& kpi : kpis) {
    const auto [found, added] = first.try_emplace(kpi.name, &kpi);
    if (!added) {
      const Kpi& earlier = *found->second;
      throw Error({"library.invalid",
                   fmt::format("KPI \"{}\" has the display name \"{}\" of KPI \"{}\" (line {}); "
                               "plan rows name KPIs by it, so give each KPI its own name",
                               kpi.id, kpi.name, earlier.id, earlier.where.line),
                   kpi.where});
    }
  }
}

// A KPI of whole things (its unit written as `count`, or no unit and a formula of counts) shows
// no decimals unless `precision` says: 4071 visits, not 4071.00.
void default_precisions(const toml::table& root, Library& library) {
  const std::vector<bool> whole = counts_whole_things(library);
  for (std::size_t k = 0; k < library.kpis.size(); ++k) {
    Kpi& kpi = library.kpis[k];
    const toml::table* table = root["kpis"][kpi.id].as_table();
    if (table == nullptr || table->contains("precision") || kpi.qualitative) {
      continue;
    }
    const toml::node* unit = table->get("unit");
    if (unit != nullptr ? kpi.unit == "count" : whole[k]) {
      kpi.precision = 0;
    }
  }
}

template <typename Item, typename Parse>
void parse_section(const Context& context, const toml::table& root, std::string_view section,
                   std::vector<Item>& items, Parse parse) {
  if (const toml::node* node = root.get(section)) {
    for (const auto& [key, value] : in_file_order(as_table(context, *node, section))) {
      items.push_back(parse(context, *key, *value));
    }
  }
}

}  // namespace

Library load_library_text(std::string_view text, const std::filesystem::path& path) {
  const Context context{path.string()};
  toml::table root;
  try {
    root = toml::parse(text, path.string());
  } catch (const toml::parse_error& error) {
    throw Error({"library.toml", std::string(error.description()), context.at(error.source())});
  }
  check_keys(context, root, "the library",
             {"calendar", "report", "sources", "measures", "kpis", "alerts", "plan", "grades",
              "ratings", "areas"});
  Library library;
  library.path = path;
  if (const toml::node* calendar = root.get("calendar")) {
    parse_calendar(context, *calendar, library);
  }
  if (const toml::node* report = root.get("report")) {
    library.report = parse_report(context, *report);
  }
  if (const toml::node* plan = root.get("plan")) {
    const toml::table& table = as_table(context, *plan, "plan");
    check_keys(context, table, "plan", {"csv"});
    const toml::node* csv = table.get("csv");
    if (csv == nullptr) {
      context.fail(plan->source(), "plan needs `csv = \"\"\"` followed by the plan table's lines");
    }
    library.plan = InlinePlan{as_string(context, *csv, "csv"), context.at(csv->source())};
  }
  if (const toml::node* areas = root.get("areas")) {
    library.areas = parse_areas(context, *areas);
  }
  if (const toml::node* ratings = root.get("ratings")) {
    library.ratings = parse_ratings(context, *ratings);
  }
  if (const toml::node* grades = root.get("grades")) {
    library.grades = parse_grades(context, *grades);
  }
  parse_section(context, root, "sources", library.sources, parse_source);
  parse_section(context, root, "measures", library.measures, parse_measure);
  parse_section(context, root, "kpis", library.kpis, parse_kpi);
  parse_section(context, root, "alerts", library.alerts, parse_alert);
  check_display_names(library.kpis);
  default_precisions(root, library);
  return library;
}

Library load_library(const std::filesystem::path& path) {
  errno = 0;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    const int error_number = errno;
    if (error_number != 0 && error_number != ENOENT && error_number != ENOTDIR) {
      // The file is there but cannot be read (permissions, a loop of links): say why, so that
      // it does not read as "not found".
      throw Error({"library.open",
                   fmt::format("cannot open the KPI library: {}", std::strerror(error_number)),
                   {path.string()}});
    }
    throw Error({"library.open",
                 "cannot open the KPI library (give its path, or run in the "
                 "folder that holds kpi.toml)",
                 {path.string()}});
  }
  std::ostringstream text;
  text << in.rdbuf();
  return load_library_text(text.str(), path);
}

}  // namespace kpi::library
