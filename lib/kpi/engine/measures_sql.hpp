// SPDX-License-Identifier: MIT
// The SQL that computes a run's measures table (see measure_table.hpp) on a SQL engine, from
// tables loaded with `kpi rows`: what `kpi sql` prints.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kpi/engine/run_plan.hpp"

namespace kpi::engine {

enum class SqlDialect { DuckDb, Postgres, Sqlite, ClickHouse, Spark, Trino };

struct SqlDialectInfo {
  SqlDialect dialect;
  std::string_view name;  ///< what --dialect takes
};

/// Every dialect, in the order help texts list them.
std::vector<SqlDialectInfo> sql_dialects();
std::optional<SqlDialect> find_sql_dialect(std::string_view name);

struct SqlOptions {
  SqlDialect dialect = SqlDialect::DuckDb;
  /// Per source, its table ("dw.pos_lines"); a source not named reads the table of its name.
  std::map<std::string, std::string, std::less<>> tables;
  /// Accept an approximate median where the dialect has no exact one (Trino).
  bool approximate = false;
};

/// One query giving the run's measures table, columns measure, period, breakdown_field,
/// breakdown_value, value: the plan's periods as a table joined on date ranges; per source and
/// breakdown, rows(SOURCE) and every measure the run reads there, grouped by period and
/// breakdown value, per-entity measures as keyed subqueries; lookup fields as left joins to their
/// master tables (whose keys must be unique). Each table has a column per field of its source,
/// named and typed as `kpi rows` writes them. Throws kpi::Error ("library.sql") naming the
/// construct and its place in the library for what does not translate: a median, mode or distinct
/// count of other values per key, is_new with lost, mode, filters that read the period's bounds,
/// the functions min, max and when, date() of another form than 2025-06-01,
/// starts_with/ends_with/contains whose second argument is not a literal, breakdowns by a field
/// that is not text, min or max of dates, and a median where the dialect has none exact (SQLite;
/// Trino without `approximate`).
std::string measures_sql(const RunPlan& plan, const SqlOptions& options);

}  // namespace kpi::engine
