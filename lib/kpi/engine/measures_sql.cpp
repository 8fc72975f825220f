// SPDX-License-Identifier: MIT
#include "kpi/engine/measures_sql.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <functional>
#include <map>
#include <utility>
#include <vector>

#include "kpi/engine/measure_table.hpp"
#include "kpi/value/date_parser.hpp"

namespace kpi::engine {
namespace {

using expr::Node;
using expr::NodeKind;
using library::Aggregate;

[[noreturn]] void refuse(const SourceLocation& where, const std::string& what) {
  throw Error({"library.sql", fmt::format("cannot translate to SQL: {}", what), where});
}

// How one dialect writes what differs between engines.
class Dialect {
 public:
  explicit Dialect(const SqlOptions& options) : options_(options), d_(options.dialect) {}

  SqlDialect id() const { return d_; }
  bool backticks() const { return d_ == SqlDialect::ClickHouse || d_ == SqlDialect::Spark; }

  std::string identifier(std::string_view name) const {
    const char quote = backticks() ? '`' : '"';
    std::string out(1, quote);
    for (const char c : name) {
      out += c;
      if (c == quote) {
        out += quote;
      }
    }
    return out + quote;
  }

  // "dw.pos_lines" as "dw"."pos_lines".
  std::string table(std::string_view source) const {
    const auto given = options_.tables.find(source);
    const std::string_view name = given == options_.tables.end() ? source : given->second;
    std::string out;
    for (std::size_t from = 0;;) {
      const std::size_t dot = name.find('.', from);
      out += identifier(name.substr(from, dot - from));
      if (dot == std::string_view::npos) {
        return out;
      }
      out += '.';
      from = dot + 1;
    }
  }

  std::string string(std::string_view text) const {
    // ClickHouse and Spark read a backslash in a literal as an escape; the others do not.
    const bool backslash = backticks();
    std::string out = "'";
    for (const char c : text) {
      if (c == '\'') {
        out += backslash ? "\\'" : "''";
      } else if (c == '\\' && backslash) {
        out += "\\\\";
      } else {
        out += c;
      }
    }
    return out + "'";
  }

  std::string date_literal(const std::string& iso) const {
    return d_ == SqlDialect::Sqlite || d_ == SqlDialect::ClickHouse
               ? string(iso)
               : fmt::format("DATE {}", string(iso));
  }

  std::string date(std::int32_t day) const {
    // SQLite has no date type; ClickHouse reads a text as the Date its values() declares.
    return d_ == SqlDialect::Sqlite || d_ == SqlDialect::ClickHouse
               ? string(format_date(day))
               : fmt::format("DATE {}", string(format_date(day)));
  }

  std::string text(const std::string& value) const {
    switch (d_) {
      case SqlDialect::ClickHouse:
        // No value as an empty text: clickhouse-client's CSV writes NULL as \N, which is no
        // plain decimal (tried on ClickHouse 18.16).
        return fmt::format("ifNull(toString({}), '')", value);
      case SqlDialect::Spark:
        return fmt::format("CAST({} AS STRING)", value);
      case SqlDialect::Postgres:
      case SqlDialect::Sqlite:
        return fmt::format("CAST({} AS TEXT)", value);
      default:
        return fmt::format("CAST({} AS VARCHAR)", value);
    }
  }

  // An exact number as text: SQLite's numbers are floating point, so its sums, minima and
  // maxima are written to the millionth.
  std::string exact_text(const std::string& value) const {
    return d_ == SqlDialect::Sqlite
               ? fmt::format("CASE WHEN {0} IS NOT NULL THEN printf('%.6f', {0}) END", value)
               : text(value);
  }

  std::string concat(const std::vector<std::string>& parts) const {
    std::string out;
    for (const std::string& part : parts) {
      if (!out.empty()) {
        out += backticks() ? ", ' / ', " : " || ' / ' || ";
      }
      out += part;
    }
    return backticks() ? fmt::format("concat({})", out) : "(" + out + ")";
  }

  std::string divide(const std::string& a, const std::string& b) const {
    // kpi rounds a quotient to the millionth, half away from zero; by zero it has no value.
    const std::string numerator = d_ == SqlDialect::Sqlite ? fmt::format("({} * 1.0)", a) : a;
    return millionths(fmt::format("ROUND({} / NULLIF({}, 0), 6)", numerator, b));
  }

  // year, quarter, month, day, weekday (ISO: 1 is Monday) or hour of a date or datetime.
  std::string date_part(std::string_view part, const std::string& value) const {
    switch (d_) {
      case SqlDialect::DuckDb:
        return fmt::format("{}({})", part == "weekday" ? "isodow" : part, value);
      case SqlDialect::Postgres: {
        const std::string unit = part == "weekday" ? "ISODOW" : std::string(part);
        return fmt::format("CAST(EXTRACT({} FROM CAST({} AS TIMESTAMP)) AS INTEGER)", unit, value);
      }
      case SqlDialect::Sqlite: {
        const auto field = [&](const char* format) {
          return fmt::format("CAST(strftime('{}', {}) AS INTEGER)", format, value);
        };
        if (part == "quarter") {
          return fmt::format("(({} + 2) / 3)", field("%m"));
        }
        if (part == "weekday") {
          return fmt::format("((({} + 6) % 7) + 1)", field("%w"));
        }
        return field(part == "year" ? "%Y" : part == "month" ? "%m" : part == "day" ? "%d" : "%H");
      }
      case SqlDialect::ClickHouse:
        return fmt::format("{}({})",
                           part == "year"      ? "toYear"
                           : part == "quarter" ? "toQuarter"
                           : part == "month"   ? "toMonth"
                           : part == "day"     ? "toDayOfMonth"
                           : part == "weekday" ? "toDayOfWeek"
                                               : "toHour",
                           value);
      case SqlDialect::Spark:
        if (part == "weekday") {
          return fmt::format("(((dayofweek({}) + 5) % 7) + 1)", value);
        }
        return fmt::format("{}({})", part == "day" ? "dayofmonth" : part, value);
      case SqlDialect::Trino:
        return fmt::format("{}({})", part == "weekday" ? "day_of_week" : part, value);
    }
    return {};
  }

  // Seconds since 1970 of a date or datetime, for days_between and hours_between.
  std::string epoch(const std::string& value) const {
    switch (d_) {
      case SqlDialect::DuckDb:
        return fmt::format("epoch(CAST({} AS TIMESTAMP))", value);
      case SqlDialect::Postgres:
        return fmt::format("EXTRACT(EPOCH FROM CAST({} AS TIMESTAMP))", value);
      case SqlDialect::Sqlite:
        return fmt::format("CAST(strftime('%s', {}) AS INTEGER)", value);
      case SqlDialect::ClickHouse:
        return fmt::format("toUnixTimestamp(toDateTime({}, 'UTC'))", value);
      case SqlDialect::Spark:
        return fmt::format("unix_timestamp(CAST({} AS TIMESTAMP))", value);
      case SqlDialect::Trino:
        return fmt::format("to_unixtime(CAST({} AS TIMESTAMP))", value);
    }
    return {};
  }

  // A rounded quotient as an exact decimal again (DuckDB, ClickHouse, Spark and Trino divide
  // in floating point), so that sums of it add up exactly; SQLite has only floating point.
  std::string millionths(const std::string& value) const {
    return d_ == SqlDialect::Sqlite ? value : fmt::format("CAST({} AS DECIMAL(38, 6))", value);
  }

  // The smallest or largest of a row's values: SQLite's min() and max() of two values or
  // more, the others' least() and greatest() (lower case: ClickHouse's names), two at a time
  // in ClickHouse, whose older releases take no more (18.16, Debian 12's, refuses three).
  std::string extreme(bool smallest, const std::vector<std::string>& values) const {
    const std::string_view function = d_ == SqlDialect::Sqlite ? (smallest ? "min" : "max")
                                      : smallest               ? "least"
                                                               : "greatest";
    if (d_ != SqlDialect::ClickHouse) {
      return fmt::format("{}({})", function, fmt::join(values, ", "));
    }
    std::string nested = values.back();
    for (std::size_t v = values.size() - 1; v-- > 0;) {
      nested = fmt::format("{}({}, {})", function, values[v], nested);
    }
    return nested;
  }

  std::string boolean(bool value) const {
    return d_ == SqlDialect::Sqlite ? (value ? "1" : "0") : (value ? "TRUE" : "FALSE");
  }

  std::optional<std::string> median(const std::string& value) const {
    switch (d_) {
      case SqlDialect::DuckDb:
        return fmt::format("MEDIAN({})", value);
      case SqlDialect::Postgres:
        return fmt::format("percentile_cont(0.5) WITHIN GROUP (ORDER BY {})", value);
      case SqlDialect::ClickHouse:
        return fmt::format("medianExact({})", value);
      case SqlDialect::Spark:
        return fmt::format("percentile({}, 0.5)", value);
      case SqlDialect::Trino:
        if (options_.approximate) {
          return fmt::format("approx_percentile({}, 0.5)", value);
        }
        return std::nullopt;
      case SqlDialect::Sqlite:
        return std::nullopt;
    }
    return std::nullopt;
  }

  // A table of (period, previous): each period and the one lost(N) compares it with.
  std::string pairs(const std::string& name,
                    const std::vector<std::tuple<std::string, std::string>>& rows) const {
    std::string list;
    for (const auto& [period, previous] : rows) {
      list += fmt::format("{}({}, {})", list.empty() ? "" : ",\n    ", string(period),
                          string(previous));
    }
    if (rows.empty()) {
      list = "('', '')";  // no period has one: a row that matches none
    }
    switch (d_) {
      case SqlDialect::ClickHouse:
        return fmt::format(
            "{} AS (\n  SELECT * FROM values('period String, previous String',\n    {})\n)", name,
            list);
      case SqlDialect::Spark:
        return fmt::format("{} AS (\n  SELECT * FROM VALUES\n    {}\n  AS t(period, previous)\n)",
                           name, list);
      default:
        return fmt::format("{} (period, previous) AS (\n  VALUES\n    {}\n)", name, list);
    }
  }

  // The periods as a table: period, first_day, next_day (the day after the last).
  std::string periods(
      const std::vector<std::tuple<std::string, std::int32_t, std::int32_t>>& rows) const {
    std::vector<std::string> values;
    for (const auto& [label, first, next] : rows) {
      values.push_back(fmt::format("({}, {}, {})", string(label), date(first), date(next)));
    }
    std::string list;
    for (const std::string& value : values) {
      list += (list.empty() ? "" : ",\n    ") + value;
    }
    switch (d_) {
      case SqlDialect::ClickHouse:
        return fmt::format(
            "periods AS (\n  SELECT * FROM values('period String, first_day Date, next_day Date',\n"
            "    {})\n)",
            list);
      case SqlDialect::Spark:
        return fmt::format(
            "periods AS (\n  SELECT * FROM VALUES\n    {}\n  AS t(period, first_day, next_day)\n)",
            list);
      default:
        return fmt::format("periods (period, first_day, next_day) AS (\n  VALUES\n    {}\n)", list);
    }
  }

 private:
  const SqlOptions& options_;
  SqlDialect d_;
};

// A source's fields as SQL columns: its own as r."field", lookup fields as the master's column
// through a left join.
struct SourceColumns {
  std::vector<std::string> columns;  // per field slot
  std::vector<std::string> joins;
};

SourceColumns source_columns(const library::Source& source, const Dialect& dialect) {
  SourceColumns out;
  std::vector<std::string> masters;
  for (const library::Field& field : source.fields) {
    if (!field.lookup) {
      out.columns.push_back("r." + dialect.identifier(field.name));
      continue;
    }
    const std::string alias = fmt::format("l{}", out.joins.size() + 1);
    out.joins.push_back(fmt::format(
        "LEFT JOIN {} {} ON {}.{} = r.{}", dialect.table(field.lookup->source), alias, alias,
        dialect.identifier(field.lookup->key), dialect.identifier(field.lookup->key)));
    out.columns.push_back(alias + "." + dialect.identifier(field.lookup->field));
  }
  return out;
}

// A row expression of a measure as SQL over its source's columns.
class ExpressionSql {
 public:
  ExpressionSql(const library::Source& source, const SourceColumns& columns, const Dialect& dialect,
                const library::Expression& expression, const std::string& what)
      : source_(source),
        columns_(columns),
        dialect_(dialect),
        expression_(expression),
        what_(what) {}

  /// Resolves a node before the usual rules: a per-entity measure's `having` reads its keys'
  /// aggregates (rows, sum(x), is_new, lost) as columns.
  using Special = std::function<std::optional<std::string>(const Node&)>;
  void set_special(Special special) { special_ = std::move(special); }

  std::string of(const Node& node) const {
    if (special_) {
      if (std::optional<std::string> resolved = special_(node)) {
        return *resolved;
      }
    }
    switch (node.kind) {
      case NodeKind::Number:
        if (node.text.ends_with('%')) {
          return fmt::format("({} * 0.01)", node.text.substr(0, node.text.size() - 1));
        }
        return node.text;
      case NodeKind::String:
        return dialect_.string(node.text);
      case NodeKind::Name:
        return name(node);
      case NodeKind::List:
        break;
      case NodeKind::Unary:
        return node.text == "not" ? fmt::format("(NOT {})", of(*node.children[0]))
                                  : fmt::format("(-{})", of(*node.children[0]));
      case NodeKind::Binary:
        return binary(node);
      case NodeKind::Call:
        return call(node);
      case NodeKind::In: {
        std::string items;
        for (const auto& item : node.children[1]->children) {
          items += (items.empty() ? "" : ", ") + of(*item);
        }
        return fmt::format("({} {}IN ({}))", of(*node.children[0]), node.negated ? "NOT " : "",
                           items);
      }
      case NodeKind::IsNull:
        return fmt::format("({} IS {}NULL)", of(*node.children[0]), node.negated ? "NOT " : "");
    }
    fail(node, "a list outside `in`");
  }

  [[noreturn]] void fail(const Node& node, const std::string& construct) const {
    // The column of the node's first character (UTF-8 continuation bytes are not counted), as
    // the library's own errors place it.
    SourceLocation where = expression_.where;
    where.column += 1;
    for (std::size_t i = 0; i < node.span.offset && i < expression_.text.size(); ++i) {
      where.column += (static_cast<unsigned char>(expression_.text[i]) & 0xC0) != 0x80 ? 1 : 0;
    }
    refuse(where, fmt::format("{} in {} \"{}\"", construct, what_, expression_.text));
  }

 private:
  std::string name(const Node& node) const {
    if (node.text == "true" || node.text == "false") {
      return dialect_.boolean(node.text == "true");
    }
    if (node.text == library::kPeriodStart || node.text == library::kPeriodEnd) {
      fail(node, fmt::format("the period's bounds ({})", node.text));
    }
    const library::Field* field = source_.find_field(node.text);
    if (field == nullptr) {
      fail(node, fmt::format("the name \"{}\"", node.text));
    }
    return columns_.columns[static_cast<std::size_t>(field - source_.fields.data())];
  }

  std::string binary(const Node& node) const {
    const std::string a = of(*node.children[0]);
    const std::string b = of(*node.children[1]);
    const std::string& op = node.text;
    if (op == "/") {
      return dialect_.divide(a, b);
    }
    const std::string sql_op = op == "=="    ? "="
                               : op == "!="  ? "<>"
                               : op == "and" ? "AND"
                               : op == "or"  ? "OR"
                                             : op;
    return fmt::format("({} {} {})", a, sql_op, b);
  }

  // starts_with, ends_with, contains as LIKE with % and _ (and the escape) escaped; in
  // ClickHouse, whose LIKE has no ESCAPE clause, as its own functions.
  std::string like(const Node& node) const {
    const Node& pattern = *node.children[1];
    if (pattern.kind != NodeKind::String) {
      fail(node,
           fmt::format("{}() with a second argument that is not a text in quotes", node.text));
    }
    if (dialect_.id() == SqlDialect::ClickHouse) {
      const std::string text = of(*node.children[0]);
      const std::string part = dialect_.string(pattern.text);
      return node.text == "starts_with" ? fmt::format("startsWith({}, {})", text, part)
             : node.text == "ends_with" ? fmt::format("endsWith({}, {})", text, part)
                                        : fmt::format("(position({}, {}) > 0)", text, part);
    }
    std::string escaped;
    for (const char c : pattern.text) {
      if (c == '%' || c == '_' || c == '!') {
        escaped += '!';
      }
      escaped += c;
    }
    const std::string value = node.text == "starts_with" ? escaped + "%"
                              : node.text == "ends_with" ? "%" + escaped
                                                         : "%" + escaped + "%";
    return fmt::format("({} LIKE {} ESCAPE '!')", of(*node.children[0]), dialect_.string(value));
  }

  // kpi's min() and max() have no value when one of their values has none, where least()
  // and greatest() skip NULLs in PostgreSQL, DuckDB and Spark: the test is written out.
  std::string extreme(const Node& node) const {
    if (node.children.size() == 1) {
      return of(*node.children[0]);
    }
    std::string nulls;
    std::vector<std::string> values;
    for (const auto& child : node.children) {
      values.push_back(of(*child));
      if (child->kind != NodeKind::Number) {  // a number always has a value
        nulls += fmt::format("{}{} IS NULL", nulls.empty() ? "" : " OR ", values.back());
      }
    }
    const std::string extreme = dialect_.extreme(node.text == "min", values);
    return nulls.empty() ? extreme
                         : fmt::format("(CASE WHEN {} THEN NULL ELSE {} END)", nulls, extreme);
  }

  std::string call(const Node& node) const {
    if (node.text == "starts_with" || node.text == "ends_with" || node.text == "contains") {
      return like(node);
    }
    if (node.text == "abs") {
      return fmt::format("ABS({})", of(*node.children[0]));
    }
    if (node.text == "min" || node.text == "max") {
      return extreme(node);
    }
    static constexpr std::string_view kParts[] = {"year", "quarter", "month",
                                                  "day",  "weekday", "hour"};
    if (std::find(std::begin(kParts), std::end(kParts), node.text) != std::end(kParts)) {
      return dialect_.date_part(node.text, of(*node.children[0]));
    }
    if (node.text == "days_between" || node.text == "hours_between") {
      // b − a in days or hours, to the millionth, as kpi computes it.
      return dialect_.millionths(fmt::format("ROUND(({} - {}) / {}, 6)",
                                             dialect_.epoch(of(*node.children[1])),
                                             dialect_.epoch(of(*node.children[0])),
                                             node.text == "days_between" ? "86400.0" : "3600.0"));
    }
    if (node.text == "date" && node.children.size() == 1 &&
        node.children[0]->kind == NodeKind::String) {
      const std::string& text = node.children[0]->text;
      const bool iso = text.size() == 10 && text[4] == '-' && text[7] == '-' &&
                       std::all_of(text.begin(), text.end(),
                                   [](char c) { return c == '-' || (c >= '0' && c <= '9'); });
      if (iso) {
        return dialect_.date_literal(text);
      }
      fail(node, "date() of a text that is not written as 2025-06-01");
    }
    fail(node, fmt::format("the function {}()", node.text));
  }

  const library::Source& source_;
  const SourceColumns& columns_;
  const Dialect& dialect_;
  const library::Expression& expression_;
  std::string what_;
  Special special_;
};

// A measure's aggregate over the rows of a group, and whether its value is exact.
std::pair<std::string, bool> aggregate_sql(const RunPlan& plan, std::size_t m,
                                           const library::Source& source,
                                           const SourceColumns& columns, const Dialect& dialect) {
  const library::CompiledMeasure& compiled = plan.library->measures[m];
  const library::Measure& measure = *compiled.definition;
  const std::string what = fmt::format("measure \"{}\"", measure.name);

  std::string filter;
  if (measure.filter) {
    filter = ExpressionSql(source, columns, dialect, *measure.filter, "the filter of " + what)
                 .of(*measure.filter->tree);
  }
  const bool counts_rows = !measure.of.tree;
  std::string value =
      counts_rows ? "1"
                  : ExpressionSql(source, columns, dialect, measure.of, what).of(*measure.of.tree);
  if (!filter.empty()) {
    value = fmt::format("CASE WHEN {} THEN {} END", filter, value);
  }
  if (!counts_rows &&
      (measure.aggregate == Aggregate::Min || measure.aggregate == Aggregate::Max) && compiled.of &&
      compiled.of->type() != expr::ValueType::Number) {
    refuse(measure.where, fmt::format("{}: min or max of dates", what));
  }
  switch (measure.aggregate) {
    case Aggregate::Sum:
      return {fmt::format("COALESCE(SUM({}), 0)", value), true};
    case Aggregate::Count:
      return {counts_rows && filter.empty() ? "COUNT(*)" : fmt::format("COUNT({})", value), true};
    case Aggregate::CountDistinct:
      return {fmt::format("COUNT(DISTINCT {})", value), true};
    case Aggregate::Avg:
      return {fmt::format("AVG({})", value), false};
    case Aggregate::Min:
      return {fmt::format("MIN({})", value), true};
    case Aggregate::Max:
      return {fmt::format("MAX({})", value), true};
    case Aggregate::Mode:
      refuse(measure.where, fmt::format("{}: mode is not translated yet", what));
    case Aggregate::Median:
      if (const auto median = dialect.median(value)) {
        return {*median, false};
      }
      refuse(measure.where,
             dialect.id() == SqlDialect::Trino
                 ? fmt::format("{}: Trino has only an approximate median (approx_percentile); "
                               "--approximate accepts it",
                               what)
                 : fmt::format("{}: SQLite has no median", what));
  }
  refuse(measure.where, fmt::format("{}: its aggregate", what));
}

// Where one group kind of a source reads its rows, for a per-entity measure's subqueries.
struct GroupSql {
  std::string cte;                 // the group's CTE: period, breakdown_field, breakdown_value, n
  std::string value;               // the breakdown value's expression ('' for the whole)
  std::vector<std::string> parts;  // its GROUP BY expressions
  std::string from_rows;           // FROM the source's table, with the lookups' joins
  std::string time;                // the time column; "" for a source without time
};

// A per-entity measure (`per` with `having`) in one group kind, as keyed subqueries: its keys
// per period and breakdown value with their aggregates (k), the first time of each key for
// is_new (f), the keys that pass `having` aggregated (v), and the value per group with rows.
void per_entity_sql(const RunPlan& plan, std::size_t m, const library::Source& source,
                    const SourceColumns& columns, const Dialect& dialect, const GroupSql& group,
                    std::vector<std::string>& ctes, std::vector<std::string>& selects) {
  const library::CompiledMeasure& compiled = plan.library->measures[m];
  const library::Measure& measure = *compiled.definition;
  const std::string what = fmt::format("measure \"{}\"", measure.name);
  const bool values_keys = compiled.key_of.has_value();
  if (values_keys &&
      (measure.aggregate == Aggregate::CountDistinct || measure.aggregate == Aggregate::Median ||
       measure.aggregate == Aggregate::Mode)) {
    refuse(measure.where, fmt::format("{}: per key, only a sum, count, avg, min or max of a value "
                                      "per key is translated",
                                      what));
  }
  if (!values_keys && !compiled.counts_keys &&
      (!measure.of.tree || measure.aggregate == Aggregate::CountDistinct ||
       measure.aggregate == Aggregate::Median || measure.aggregate == Aggregate::Mode)) {
    refuse(measure.where,
           fmt::format("{}: per key, only a count of the keys or a sum, count, avg, min or max "
                       "of their rows is translated",
                       what));
  }
  const std::string key =
      ExpressionSql(source, columns, dialect, *measure.per, "the key of " + what)
          .of(*measure.per->tree);
  std::vector<std::string> conditions = {fmt::format("{} IS NOT NULL", key)};
  if (measure.filter) {
    conditions.push_back(
        ExpressionSql(source, columns, dialect, *measure.filter, "the filter of " + what)
            .of(*measure.filter->tree));
  }
  const std::string id = fmt::format("{}", ctes.size());
  // The key's aggregates `having` reads, as columns of k; rows, is_new and lost as they are.
  std::vector<std::pair<std::string, std::string>> key_columns;  // (text as written, SQL)
  bool reads_first = false, reads_lost = false;
  // `having`, and the value per key (`sum = "max(followers)"`), read the keys' aggregates.
  const library::Expression& reads = measure.having ? *measure.having : measure.of;
  std::string_view having_text = reads.text;
  const auto special = [&](const Node& node) -> std::optional<std::string> {
    if (node.kind == NodeKind::Name && node.text == "rows") {
      return "c.n";
    }
    if (node.kind == NodeKind::Name && node.text == "is_new") {
      reads_first = true;
      return "(f.first_time >= p.first_day)";
    }
    if ((node.kind == NodeKind::Name || node.kind == NodeKind::Call) && node.text == "lost") {
      reads_lost = true;
      return "(cur.k IS NULL)";
    }
    if (node.kind != NodeKind::Call || node.children.size() != 1) {
      return std::nullopt;
    }
    static const std::map<std::string, std::string, std::less<>> kAggregates = {
        {"sum", "COALESCE(SUM({}), 0)"},
        {"count", "COUNT({})"},
        {"avg", "ROUND(AVG({}), 6)"},
        {"min", "MIN({})"},
        {"max", "MAX({})"}};
    const auto aggregate = kAggregates.find(node.text);
    if (aggregate == kAggregates.end()) {
      return std::nullopt;
    }
    const std::string text(having_text.substr(node.span.offset, node.span.length));
    for (std::size_t j = 0; j < key_columns.size(); ++j) {
      if (key_columns[j].first == text) {
        return fmt::format("c.a{}", j + 1);
      }
    }
    ExpressionSql argument(source, columns, dialect, reads, "the aggregates of " + what);
    key_columns.emplace_back(
        text, fmt::format(fmt::runtime(aggregate->second), argument.of(*node.children[0])));
    return fmt::format("c.a{}", key_columns.size());
  };
  ExpressionSql having(source, columns, dialect, reads, "the having of " + what);
  having.set_special(special);
  const std::string passes = measure.having ? having.of(*measure.having->tree) : "1 = 1";
  if (reads_first && reads_lost) {
    refuse(measure.having->where, fmt::format("{}: is_new together with lost", what));
  }
  if (reads_first && group.time.empty()) {
    refuse(measure.having->where, fmt::format("{}: is_new in a source without time", what));
  }
  // The measure's own value per key (its rows' partial aggregate), then over the passing keys.
  std::string partial, over_keys, zero = "NULL";
  bool exact = true;
  if (compiled.counts_keys) {
    over_keys = "COUNT(*)";
    zero = "0";
  } else if (values_keys) {
    having_text = measure.of.text;
    ExpressionSql per_key(source, columns, dialect, measure.of, what);
    per_key.set_special(special);
    const std::string value = per_key.of(*measure.of.tree);
    having_text = reads.text;
    switch (measure.aggregate) {
      case Aggregate::Sum:
        over_keys = fmt::format("COALESCE(SUM({}), 0)", value);
        zero = "0";
        break;
      case Aggregate::Count:
        over_keys = fmt::format("COUNT({})", value);
        zero = "0";
        break;
      case Aggregate::Avg:
        over_keys = fmt::format("AVG({})", value);
        exact = false;
        break;
      case Aggregate::Min:
        over_keys = fmt::format("MIN({})", value);
        break;
      default:
        over_keys = fmt::format("MAX({})", value);
        break;
    }
  } else {
    const std::string x =
        ExpressionSql(source, columns, dialect, measure.of, what).of(*measure.of.tree);
    switch (measure.aggregate) {
      case Aggregate::Sum:
        partial = fmt::format("COALESCE(SUM({}), 0) AS s", x);
        over_keys = "SUM(c.s)";
        zero = "0";
        break;
      case Aggregate::Count:
        partial = fmt::format("COUNT({}) AS s", x);
        over_keys = "SUM(c.s)";
        zero = "0";
        break;
      case Aggregate::Avg:
        partial = fmt::format("SUM({0}) AS s, COUNT({0}) AS s2", x);
        over_keys = fmt::format("SUM(c.s) / NULLIF(SUM(c.s2), 0)");
        exact = false;
        break;
      case Aggregate::Min:
        partial = fmt::format("MIN({}) AS s", x);
        over_keys = "MIN(c.s)";
        break;
      default:
        partial = fmt::format("MAX({}) AS s", x);
        over_keys = "MAX(c.s)";
        break;
    }
  }
  const std::string keys = "k" + id, firsts = "f" + id, passing = "v" + id, previous = "pp" + id;
  std::string group_by = "p.period";
  std::string first_group_by;
  for (const std::string& part : group.parts) {
    group_by += ", " + part;
    first_group_by += part + ", ";
  }
  std::string conditions_sql;
  for (const std::string& condition : conditions) {
    conditions_sql += (conditions_sql.empty() ? "" : " AND ") + ("(" + condition + ")");
  }
  const std::string period_join =
      group.time.empty() ? "CROSS JOIN periods p\n  WHERE "
      : dialect.id() == SqlDialect::ClickHouse
          ? fmt::format(
                "CROSS JOIN periods p\n  WHERE {0} >= p.first_day AND {0} < p.next_day AND ",
                group.time)
          : fmt::format("JOIN periods p ON {0} >= p.first_day AND {0} < p.next_day\n  WHERE ",
                        group.time);
  std::string body =
      fmt::format("{} AS (\n  SELECT p.period AS period, {} AS bv, {} AS k, COUNT(*) AS n", keys,
                  group.value, key);
  if (!partial.empty()) {
    body += ", " + partial;
  }
  for (std::size_t j = 0; j < key_columns.size(); ++j) {
    body += fmt::format(",\n    {} AS a{}", key_columns[j].second, j + 1);
  }
  body += fmt::format("\n{}\n  {}{}\n  GROUP BY {}, {}\n)", group.from_rows, period_join,
                      conditions_sql, group_by, key);
  ctes.push_back(std::move(body));
  if (reads_first) {
    ctes.push_back(fmt::format(
        "{} AS (\n  SELECT {} AS bv, {} AS k, MIN({}) AS first_time\n{}\n  WHERE {}\n  GROUP BY "
        "{}{}\n)",
        firsts, group.value, key, group.time, group.from_rows, conditions_sql, first_group_by,
        key));
  }
  if (reads_lost) {
    std::vector<std::tuple<std::string, std::string>> pairs;
    for (std::size_t w = 0; w < plan.windows.size(); ++w) {
      if (const auto before = plan.windows.previous_of(w, compiled.lost_periods)) {
        pairs.emplace_back(plan.windows.period(w).label, plan.windows.period(*before).label);
      }
    }
    ctes.push_back(dialect.pairs(previous, pairs));
    ctes.push_back(fmt::format(
        "{} AS (\n  SELECT pp.period AS period, c.bv AS bv, {} AS v\n  FROM {} c\n  JOIN {} pp ON "
        "pp.previous = c.period\n  LEFT JOIN {} cur ON cur.period = pp.period AND cur.bv = c.bv "
        "AND cur.k = c.k\n  WHERE {}\n  GROUP BY pp.period, c.bv\n)",
        passing, over_keys, keys, previous, keys, passes));
    const std::string value =
        fmt::format("CASE WHEN gp.n IS NULL THEN NULL ELSE COALESCE(v.v, {}) END", zero);
    selects.push_back(fmt::format(
        "SELECT {} AS measure, g.period, g.breakdown_field, g.breakdown_value, {} AS value\n"
        "  FROM {} g\n  LEFT JOIN {} pp ON pp.period = g.period\n  LEFT JOIN {} gp ON gp.period = "
        "pp.previous AND gp.breakdown_value = g.breakdown_value\n  LEFT JOIN {} v ON v.period = "
        "g.period AND v.bv = g.breakdown_value",
        dialect.string(measure.name), exact ? dialect.exact_text(value) : dialect.text(value),
        group.cte, previous, group.cte, passing));
    return;
  }
  ctes.push_back(fmt::format(
      "{} AS (\n  SELECT c.period AS period, c.bv AS bv, {} AS v\n  FROM {} c\n  JOIN periods p ON "
      "p.period = c.period{}\n  WHERE {}\n  GROUP BY c.period, c.bv\n)",
      passing, over_keys, keys,
      reads_first ? fmt::format("\n  LEFT JOIN {} f ON f.bv = c.bv AND f.k = c.k", firsts) : "",
      passes));
  const std::string value = fmt::format("COALESCE(v.v, {})", zero);
  selects.push_back(fmt::format(
      "SELECT {} AS measure, g.period, g.breakdown_field, g.breakdown_value, {} AS value\n"
      "  FROM {} g\n  LEFT JOIN {} v ON v.period = g.period AND v.bv = g.breakdown_value",
      dialect.string(measure.name), exact ? dialect.exact_text(value) : dialect.text(value),
      group.cte, passing));
}

}  // namespace

std::vector<SqlDialectInfo> sql_dialects() {
  return {{SqlDialect::DuckDb, "duckdb"}, {SqlDialect::Postgres, "postgres"},
          {SqlDialect::Sqlite, "sqlite"}, {SqlDialect::ClickHouse, "clickhouse"},
          {SqlDialect::Spark, "spark"},   {SqlDialect::Trino, "trino"}};
}

std::optional<SqlDialect> find_sql_dialect(std::string_view name) {
  for (const SqlDialectInfo& info : sql_dialects()) {
    if (info.name == name) {
      return info.dialect;
    }
  }
  return std::nullopt;
}

std::string measures_sql(const RunPlan& plan, const SqlOptions& options) {
  const library::Library& library = *plan.library->library;
  const Dialect dialect(options);
  std::vector<std::tuple<std::string, std::int32_t, std::int32_t>> periods;
  for (std::size_t w = 0; w < plan.windows.size(); ++w) {
    const time::Period& period = plan.windows.period(w);
    // A period back to the start of history, or on to the end of time, is bounded by the
    // first and last days SQL dates hold.
    constexpr std::int32_t kFirstSqlDay = -719162;  // 0001-01-01
    constexpr std::int32_t kLastSqlDay = 2932896;   // 9999-12-31
    periods.emplace_back(period.label, std::max(period.first_day, kFirstSqlDay),
                         std::min(period.last_day, kLastSqlDay - 1) + 1);
  }
  std::vector<std::string> ctes = {dialect.periods(periods)};
  std::vector<std::string> selects;
  for (const SourcePlan& source_plan : plan.sources) {
    if (source_plan.measures.empty()) {
      continue;
    }
    const library::Source& source = library.sources[source_plan.source];
    const auto& slots = plan.library->source_fields[source_plan.source];
    const SourceColumns columns = source_columns(source, dialect);
    std::string from = fmt::format("  FROM {} r", dialect.table(source.name));
    for (const std::string& join : columns.joins) {
      from += "\n  " + join;
    }
    const std::string from_rows = from;
    std::string time_column;
    if (const library::Field* time = source.find_field(source.time_field)) {
      const std::string column =
          columns.columns[static_cast<std::size_t>(time - source.fields.data())];
      time_column = column;
      // ClickHouse joins on equalities only: its rows meet the periods in a WHERE.
      from += fmt::format(
          fmt::runtime(options.dialect == SqlDialect::ClickHouse
                           ? "\n  CROSS JOIN periods p\n  WHERE {0} >= p.first_day AND {0} < "
                             "p.next_day"
                           : "\n  JOIN periods p ON {0} >= p.first_day AND {0} < p.next_day"),
          column);
    } else {
      from += "\n  CROSS JOIN periods p";
    }
    for (std::size_t kind = 0; kind <= plan.by_fields.size(); ++kind) {
      if (kind > 0 && source_plan.by_slots[kind - 1].empty()) {
        continue;
      }
      std::vector<std::size_t> measures, per_entity;
      std::vector<std::pair<std::string, bool>> aggregates;
      for (const std::size_t m : source_plan.measures) {
        bool read = false;
        for (std::size_t w = 0; w < plan.windows.size() && !read; ++w) {
          read = computes_measure(plan, m, kind, w);
        }
        if (read && plan.library->measures[m].per) {
          per_entity.push_back(m);
        } else if (read) {
          measures.push_back(m);
          aggregates.push_back(aggregate_sql(plan, m, source, columns, dialect));
        }
      }
      std::string field = "''", value = "''", group_by = "p.period";
      std::vector<std::string> parts;
      if (kind > 0) {
        for (const std::size_t slot : source_plan.by_slots[kind - 1]) {
          if (slots[slot].type != expr::ValueType::Text) {
            refuse(source.fields[slot].where,
                   fmt::format("a breakdown by field \"{}\", which is not text",
                               source.fields[slot].name));
          }
          parts.push_back(fmt::format("COALESCE({}, '(missing)')", columns.columns[slot]));
          group_by += ", " + parts.back();
        }
        field = dialect.string(plan.by_fields[kind - 1]);
        value = parts.size() == 1 ? parts[0] : dialect.concat(parts);
      }
      const std::string name = fmt::format("g{}", ctes.size());
      std::string body = fmt::format(
          "{} AS (\n  SELECT p.period AS period, {} AS breakdown_field, {} AS breakdown_value,\n"
          "    COUNT(*) AS n",
          name, field, value);
      for (std::size_t i = 0; i < aggregates.size(); ++i) {
        body += fmt::format(",\n    {} AS m{}", aggregates[i].first, i + 1);
      }
      body += fmt::format("\n{}\n  GROUP BY {}\n)", from, group_by);
      ctes.push_back(std::move(body));
      const auto select = [&](const std::string& measure, const std::string& column) {
        selects.push_back(fmt::format(
            "SELECT {} AS measure, period, breakdown_field, breakdown_value, {} AS value FROM {}",
            dialect.string(measure), column, name));
      };
      select(source_rows_name(source.name), dialect.text("n"));
      for (std::size_t i = 0; i < measures.size(); ++i) {
        const std::string column = fmt::format("m{}", i + 1);
        select(plan.library->measures[measures[i]].definition->name,
               aggregates[i].second ? dialect.exact_text(column) : dialect.text(column));
      }
      const GroupSql group{name, value, parts, from_rows, time_column};
      for (const std::size_t m : per_entity) {
        per_entity_sql(plan, m, source, columns, dialect, group, ctes, selects);
      }
    }
  }
  std::string sql =
      "-- The measures table of kpi: measure, period, breakdown_field, "
      "breakdown_value, value.\nWITH ";
  for (std::size_t i = 0; i < ctes.size(); ++i) {
    sql += (i == 0 ? "" : ",\n") + ctes[i];
  }
  sql += "\n";
  for (std::size_t i = 0; i < selects.size(); ++i) {
    sql += (i == 0 ? "" : "UNION ALL\n") + selects[i] + "\n";
  }
  sql.pop_back();
  // In ClickHouse, a left join's missing row gives NULL only with join_use_nulls.
  if (options.dialect == SqlDialect::ClickHouse) {
    sql += "\nSETTINGS join_use_nulls = 1";
  }
  return sql + ";\n";
}

}  // namespace kpi::engine
