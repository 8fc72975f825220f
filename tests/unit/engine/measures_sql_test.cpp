// SPDX-License-Identifier: MIT
// kpi sql's translation, construct by construct, in each dialect: the fragment of the query
// each one gives. (Running the queries is warehouse_engines.sh's part.)
#include "kpi/engine/measures_sql.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <array>
#include <filesystem>
#include <string>
#include <utility>

#include "kpi/core/diagnostic.hpp"
#include "kpi/library/compiled_library.hpp"
#include "kpi/library/library_loader.hpp"
#include "kpi/time/period.hpp"
#include "test_support.hpp"

namespace {

using kpi::engine::SqlDialect;

constexpr std::array kDialects = {SqlDialect::DuckDb,     SqlDialect::Postgres, SqlDialect::Sqlite,
                                  SqlDialect::ClickHouse, SqlDialect::Spark,    SqlDialect::Trino};

// The SQL of a library with one measure `measure` (its TOML lines) of source pos, by `by`.
// `period` read with the library's `calendar` (TOML lines put before it).
std::string sql_of(const std::string& measure, SqlDialect dialect, const std::string& by = "",
                   bool approximate = false, const std::string& period = "2025-06",
                   const std::string& calendar = "") {
  const kpi::test::TempDir folder;
  folder.write("pos.csv", "时间,门店,渠道,金额,会员\n");
  folder.write("stores.csv", "门店,区域\n");
  const std::string path = folder.write(
      "kpi.toml", calendar +
                      "[sources.pos]\nfiles = \"pos.csv\"\ntime = \"time\"\n[sources.pos.fields]\n"
                      "time = { column = \"时间\", type = \"datetime\" }\n\"门店\" = \"门店\"\n"
                      "\"渠道\" = \"渠道\"\namount = { column = \"金额\", type = \"money\" "
                      "}\nmember = \"会员\"\n"
                      "region = { lookup = \"stores.region\", key = \"门店\" }\n"
                      "[sources.stores]\nfiles = \"stores.csv\"\n[sources.stores.fields]\n"
                      "\"门店\" = \"门店\"\nregion = \"区域\"\n"
                      "[measures.m]\nsource = \"pos\"\n" +
                      measure + "\n[kpis.k]\nname = \"k\"\nformula = \"m\"\n");
  const kpi::library::Library library = kpi::library::load_library(path);
  const kpi::library::CompiledLibrary compiled = kpi::library::compile_library(library);
  kpi::engine::ValuesRequest request;
  request.periods = {kpi::time::parse_period(period, library.calendar, 20000)};
  request.by = by;
  const kpi::engine::RunPlan plan = kpi::engine::plan_run(compiled, request);
  kpi::engine::SqlOptions options;
  options.dialect = dialect;
  options.approximate = approximate;
  return kpi::engine::measures_sql(plan, options);
}

// The fragment each dialect gives for `measure`, in kDialects' order.
void check_fragments(const std::string& measure, const std::array<std::string, 6>& fragments,
                     const std::string& by = "") {
  for (std::size_t d = 0; d < kDialects.size(); ++d) {
    const std::string sql = sql_of(measure, kDialects[d], by);
    INFO("dialect ", d, ":\n", sql);
    CHECK(sql.find(fragments[d]) != std::string::npos);
  }
}

std::string error_of(const std::string& measure, SqlDialect dialect) {
  try {
    sql_of(measure, dialect);
  } catch (const kpi::Error& error) {
    return error.diagnostic().message;
  }
  return "";
}

// Where in the library the error of `measure` points: "kpi.toml:LINE:COLUMN".
std::string place_of(const std::string& measure, SqlDialect dialect) {
  try {
    sql_of(measure, dialect);
  } catch (const kpi::Error& error) {
    const kpi::SourceLocation& where = error.diagnostic().where;
    return fmt::format("{}:{}:{}", std::filesystem::path(where.file).filename().string(),
                       where.line, where.column);
  }
  return "";
}

}  // namespace

TEST_SUITE("engine.measures_sql") {
  TEST_CASE("sum of a Chinese-named money field, quoted per dialect") {
    check_fragments("sum = \"amount\"\nfilter = \"门店 == 'SH01'\"",
                    {"COALESCE(SUM(CASE WHEN (r.\"门店\" = 'SH01') THEN r.\"amount\" END), 0)",
                     "COALESCE(SUM(CASE WHEN (r.\"门店\" = 'SH01') THEN r.\"amount\" END), 0)",
                     "COALESCE(SUM(CASE WHEN (r.\"门店\" = 'SH01') THEN r.\"amount\" END), 0)",
                     "COALESCE(SUM(CASE WHEN (r.`门店` = 'SH01') THEN r.`amount` END), 0)",
                     "COALESCE(SUM(CASE WHEN (r.`门店` = 'SH01') THEN r.`amount` END), 0)",
                     "COALESCE(SUM(CASE WHEN (r.\"门店\" = 'SH01') THEN r.\"amount\" END), 0)"});
  }

  TEST_CASE("an exact value as text") {
    check_fragments("sum = \"amount\"",
                    {"CAST(m1 AS VARCHAR) AS value", "CAST(m1 AS TEXT) AS value",
                     "CASE WHEN m1 IS NOT NULL THEN printf('%.6f', m1) END AS value",
                     "ifNull(toString(m1), '') AS value", "CAST(m1 AS STRING) AS value",
                     "CAST(m1 AS VARCHAR) AS value"});
  }

  TEST_CASE("count of rows and count of a field") {
    check_fragments("count = \"*\"", {"COUNT(*) AS m1", "COUNT(*) AS m1", "COUNT(*) AS m1",
                                      "COUNT(*) AS m1", "COUNT(*) AS m1", "COUNT(*) AS m1"});
    check_fragments("count = \"member\"", {"COUNT(r.\"member\") AS m1", "COUNT(r.\"member\") AS m1",
                                           "COUNT(r.\"member\") AS m1", "COUNT(r.`member`) AS m1",
                                           "COUNT(r.`member`) AS m1", "COUNT(r.\"member\") AS m1"});
  }

  TEST_CASE("count_distinct avg min max") {
    check_fragments("count_distinct = \"member\"",
                    {"COUNT(DISTINCT r.\"member\")", "COUNT(DISTINCT r.\"member\")",
                     "COUNT(DISTINCT r.\"member\")", "COUNT(DISTINCT r.`member`)",
                     "COUNT(DISTINCT r.`member`)", "COUNT(DISTINCT r.\"member\")"});
    check_fragments("avg = \"amount\"",
                    {"AVG(r.\"amount\")", "AVG(r.\"amount\")", "AVG(r.\"amount\")",
                     "AVG(r.`amount`)", "AVG(r.`amount`)", "AVG(r.\"amount\")"});
    check_fragments("min = \"amount\"",
                    {"MIN(r.\"amount\")", "MIN(r.\"amount\")", "MIN(r.\"amount\")",
                     "MIN(r.`amount`)", "MIN(r.`amount`)", "MIN(r.\"amount\")"});
    check_fragments("max = \"amount\"",
                    {"MAX(r.\"amount\")", "MAX(r.\"amount\")", "MAX(r.\"amount\")",
                     "MAX(r.`amount`)", "MAX(r.`amount`)", "MAX(r.\"amount\")"});
  }

  TEST_CASE("median exact where the dialect has it, approximate only when accepted") {
    CHECK(sql_of("median = \"amount\"", SqlDialect::DuckDb).find("MEDIAN(r.\"amount\")") !=
          std::string::npos);
    CHECK(sql_of("median = \"amount\"", SqlDialect::Postgres)
              .find("percentile_cont(0.5) WITHIN GROUP (ORDER BY r.\"amount\")") !=
          std::string::npos);
    CHECK(sql_of("median = \"amount\"", SqlDialect::ClickHouse).find("medianExact(r.`amount`)") !=
          std::string::npos);
    CHECK(sql_of("median = \"amount\"", SqlDialect::Spark).find("percentile(r.`amount`, 0.5)") !=
          std::string::npos);
    CHECK(sql_of("median = \"amount\"", SqlDialect::Trino, "", true)
              .find("approx_percentile(r.\"amount\", 0.5)") != std::string::npos);
    CHECK(error_of("median = \"amount\"", SqlDialect::Trino) ==
          "cannot translate to SQL: measure \"m\": Trino has only an approximate median "
          "(approx_percentile); --approximate accepts it");
    CHECK(error_of("median = \"amount\"", SqlDialect::Sqlite) ==
          "cannot translate to SQL: measure \"m\": SQLite has no median");
  }

  TEST_CASE("in, not, is null, and, or") {
    check_fragments(
        "count = \"*\"\nfilter = \"渠道 not in ['美团', 'it\\\\'s'] and not (amount < 0) or member "
        "is "
        "not null\"",
        {"(((r.\"渠道\" NOT IN ('美团', 'it''s')) AND (NOT (r.\"amount\" < 0))) OR (r.\"member\" "
         "IS NOT NULL))",
         "(((r.\"渠道\" NOT IN ('美团', 'it''s')) AND (NOT (r.\"amount\" < 0))) OR (r.\"member\" "
         "IS NOT NULL))",
         "(((r.\"渠道\" NOT IN ('美团', 'it''s')) AND (NOT (r.\"amount\" < 0))) OR (r.\"member\" "
         "IS NOT NULL))",
         "(((r.`渠道` NOT IN ('美团', 'it\\'s')) AND (NOT (r.`amount` < 0))) OR (r.`member` IS "
         "NOT NULL))",
         "(((r.`渠道` NOT IN ('美团', 'it\\'s')) AND (NOT (r.`amount` < 0))) OR (r.`member` IS "
         "NOT NULL))",
         "(((r.\"渠道\" NOT IN ('美团', 'it''s')) AND (NOT (r.\"amount\" < 0))) OR (r.\"member\" "
         "IS NOT NULL))"});
  }

  TEST_CASE("starts_with ends_with contains match % and _ as themselves") {
    check_fragments(
        "count = \"*\"\nfilter = \"starts_with(member, 'V_1%')\"",
        {"(r.\"member\" LIKE 'V!_1!%%' ESCAPE '!')", "(r.\"member\" LIKE 'V!_1!%%' ESCAPE '!')",
         "(r.\"member\" LIKE 'V!_1!%%' ESCAPE '!')", "startsWith(r.`member`, 'V_1%')",
         "(r.`member` LIKE 'V!_1!%%' ESCAPE '!')", "(r.\"member\" LIKE 'V!_1!%%' ESCAPE '!')"});
    check_fragments(
        "count = \"*\"\nfilter = \"ends_with(member, '!')\"",
        {"LIKE '%!!' ESCAPE '!'", "LIKE '%!!' ESCAPE '!'", "LIKE '%!!' ESCAPE '!'",
         "endsWith(r.`member`, '!')", "LIKE '%!!' ESCAPE '!'", "LIKE '%!!' ESCAPE '!'"});
    check_fragments("count = \"*\"\nfilter = \"contains(member, '50%')\"",
                    {"LIKE '%50!%%' ESCAPE '!'", "LIKE '%50!%%' ESCAPE '!'",
                     "LIKE '%50!%%' ESCAPE '!'", "(position(r.`member`, '50%') > 0)",
                     "LIKE '%50!%%' ESCAPE '!'", "LIKE '%50!%%' ESCAPE '!'"});
  }

  TEST_CASE("arithmetic: a division rounded to the millionth, none by zero; abs; percents") {
    const std::string divided = "ROUND(ABS(r.\"amount\") / NULLIF(3, 0), 6)";
    const std::string divided_ticks = "ROUND(ABS(r.`amount`) / NULLIF(3, 0), 6)";
    check_fragments(
        "sum = \"abs(amount) / 3 - 10% * amount\"",
        {"(CAST(" + divided + " AS DECIMAL(38, 6)) - ((10 * 0.01) * r.\"amount\"))",
         "(CAST(" + divided + " AS DECIMAL(38, 6)) - ((10 * 0.01) * r.\"amount\"))",
         "(ROUND((ABS(r.\"amount\") * 1.0) / NULLIF(3, 0), 6) - ((10 * 0.01) * r.\"amount\"))",
         "(CAST(" + divided_ticks + " AS DECIMAL(38, 6)) - ((10 * 0.01) * r.`amount`))",
         "(CAST(" + divided_ticks + " AS DECIMAL(38, 6)) - ((10 * 0.01) * r.`amount`))",
         "(CAST(" + divided + " AS DECIMAL(38, 6)) - ((10 * 0.01) * r.\"amount\"))"});
  }

  TEST_CASE("min and max of a row's values: none when one has none") {
    check_fragments(
        "sum = \"min(amount, 100) + max(amount / 2, 1)\"",
        {"(CASE WHEN r.\"amount\" IS NULL THEN NULL ELSE least(r.\"amount\", 100) END)",
         "(CASE WHEN r.\"amount\" IS NULL THEN NULL ELSE least(r.\"amount\", 100) END)",
         "(CASE WHEN r.\"amount\" IS NULL THEN NULL ELSE min(r.\"amount\", 100) END)",
         "(CASE WHEN r.`amount` IS NULL THEN NULL ELSE least(r.`amount`, 100) END)",
         "(CASE WHEN r.`amount` IS NULL THEN NULL ELSE least(r.`amount`, 100) END)",
         "(CASE WHEN r.\"amount\" IS NULL THEN NULL ELSE least(r.\"amount\", 100) END)"});
    const std::string half = "CAST(ROUND(r.\"amount\" / NULLIF(2, 0), 6) AS DECIMAL(38, 6))";
    const std::string half_ticks = "CAST(ROUND(r.`amount` / NULLIF(2, 0), 6) AS DECIMAL(38, 6))";
    const std::string half_sqlite = "ROUND((r.\"amount\" * 1.0) / NULLIF(2, 0), 6)";
    check_fragments(
        "sum = \"max(amount / 2, 1)\"",
        {"(CASE WHEN " + half + " IS NULL THEN NULL ELSE greatest(" + half + ", 1) END)",
         "(CASE WHEN " + half + " IS NULL THEN NULL ELSE greatest(" + half + ", 1) END)",
         "(CASE WHEN " + half_sqlite + " IS NULL THEN NULL ELSE max(" + half_sqlite + ", 1) END)",
         "(CASE WHEN " + half_ticks + " IS NULL THEN NULL ELSE greatest(" + half_ticks +
             ", 1) END)",
         "(CASE WHEN " + half_ticks + " IS NULL THEN NULL ELSE greatest(" + half_ticks +
             ", 1) END)",
         "(CASE WHEN " + half + " IS NULL THEN NULL ELSE greatest(" + half + ", 1) END)"});
    // Numbers alone: nothing to test for none. ClickHouse two at a time (18.16 takes no more).
    CHECK(sql_of("sum = \"max(1, 2, 3)\"", SqlDialect::Trino).find("greatest(1, 2, 3)") !=
          std::string::npos);
    CHECK(sql_of("sum = \"max(1, 2, 3)\"", SqlDialect::ClickHouse)
              .find("greatest(1, greatest(2, 3))") != std::string::npos);
  }

  TEST_CASE("date parts: year quarter month day weekday hour") {
    check_fragments(
        "count = \"*\"\nfilter = \"weekday(time) == 1\"",
        {"isodow(r.\"time\")",
         "CAST(EXTRACT(ISODOW FROM CAST(r.\"time\" AS TIMESTAMP)) AS INTEGER)",
         "(((CAST(strftime('%w', r.\"time\") AS INTEGER) + 6) % 7) + 1)", "toDayOfWeek(r.`time`)",
         "(((dayofweek(r.`time`) + 5) % 7) + 1)", "day_of_week(r.\"time\")"});
    check_fragments("count = \"*\"\nfilter = \"quarter(time) == 2\"",
                    {"quarter(r.\"time\")",
                     "CAST(EXTRACT(quarter FROM CAST(r.\"time\" AS TIMESTAMP)) AS INTEGER)",
                     "((CAST(strftime('%m', r.\"time\") AS INTEGER) + 2) / 3)",
                     "toQuarter(r.`time`)", "quarter(r.`time`)", "quarter(r.\"time\")"});
    check_fragments(
        "count = \"*\"\nfilter = \"year(time) + month(time) + day(time) + hour(time) > 0\"",
        {"year(r.\"time\")", "CAST(EXTRACT(hour FROM CAST(r.\"time\" AS TIMESTAMP)) AS INTEGER)",
         "CAST(strftime('%d', r.\"time\") AS INTEGER)", "toDayOfMonth(r.`time`)",
         "dayofmonth(r.`time`)", "hour(r.\"time\")"});
  }

  TEST_CASE("days_between and hours_between in seconds since 1970, and date literals") {
    check_fragments(
        "sum = \"days_between(date('2025-06-01'), time)\"",
        {"CAST(ROUND((epoch(CAST(r.\"time\" AS TIMESTAMP)) - epoch(CAST(DATE '2025-06-01' AS "
         "TIMESTAMP))) / 86400.0, 6) AS DECIMAL(38, 6))",
         "CAST(ROUND((EXTRACT(EPOCH FROM CAST(r.\"time\" AS TIMESTAMP)) - EXTRACT(EPOCH FROM "
         "CAST(DATE '2025-06-01' AS TIMESTAMP))) / 86400.0, 6) AS DECIMAL(38, 6))",
         "ROUND((CAST(strftime('%s', r.\"time\") AS INTEGER) - CAST(strftime('%s', '2025-06-01') "
         "AS INTEGER)) / 86400.0, 6)",
         "CAST(ROUND((toUnixTimestamp(toDateTime(r.`time`, 'UTC')) - "
         "toUnixTimestamp(toDateTime('2025-06-01', 'UTC'))) / 86400.0, 6) AS DECIMAL(38, 6))",
         "CAST(ROUND((unix_timestamp(CAST(r.`time` AS TIMESTAMP)) - unix_timestamp(CAST(DATE "
         "'2025-06-01' AS TIMESTAMP))) / 86400.0, 6) AS DECIMAL(38, 6))",
         "CAST(ROUND((to_unixtime(CAST(r.\"time\" AS TIMESTAMP)) - to_unixtime(CAST(DATE "
         "'2025-06-01' AS TIMESTAMP))) / 86400.0, 6) AS DECIMAL(38, 6))"});
    CHECK(sql_of("sum = \"hours_between(time, time)\"", SqlDialect::DuckDb).find("/ 3600.0, 6)") !=
          std::string::npos);
  }

  TEST_CASE("the periods as a table joined on date ranges") {
    check_fragments("count = \"*\"", {"('2025-06', DATE '2025-06-01', DATE '2025-07-01')",
                                      "('2025-06', DATE '2025-06-01', DATE '2025-07-01')",
                                      "('2025-06', '2025-06-01', '2025-07-01')",
                                      "('2025-06', '2025-06-01', '2025-07-01')",
                                      "('2025-06', DATE '2025-06-01', DATE '2025-07-01')",
                                      "('2025-06', DATE '2025-06-01', DATE '2025-07-01')"});
    check_fragments("count = \"*\"",
                    {"JOIN periods p ON r.\"time\" >= p.first_day AND r.\"time\" < p.next_day",
                     "JOIN periods p ON r.\"time\" >= p.first_day AND r.\"time\" < p.next_day",
                     "JOIN periods p ON r.\"time\" >= p.first_day AND r.\"time\" < p.next_day",
                     "CROSS JOIN periods p\n  WHERE r.`time` >= p.first_day AND r.`time` < "
                     "p.next_day",
                     "JOIN periods p ON r.`time` >= p.first_day AND r.`time` < p.next_day",
                     "JOIN periods p ON r.\"time\" >= p.first_day AND r.\"time\" < p.next_day"});
  }

  TEST_CASE("weeks, half-years, ranges and an assessment calendar are other bounds") {
    // Each period's row of the periods table: label, first day, the day after the last.
    const std::array<std::pair<std::string, std::string>, 4> cases = {{
        {"2025-W23", "('2025-W23', {}'2025-06-02', {}'2025-06-09')"},
        {"2025-H1", "('2025-H1', {}'2025-01-01', {}'2025-07-01')"},
        {"2025-06-01..2025-06-15", "('2025-06-01..2025-06-15', {}'2025-06-01', {}'2025-06-16')"},
        {"2025-06", "('2025-06', {}'2025-05-26', {}'2025-06-26')"},
    }};
    for (const SqlDialect dialect : kDialects) {
      const bool typed = dialect != SqlDialect::Sqlite && dialect != SqlDialect::ClickHouse;
      const std::string date = typed ? "DATE " : "";
      // Not a structured binding: INFO captures `period` in a lambda, which clang 14 refuses.
      for (const auto& period_row : cases) {
        const std::string& period = period_row.first;
        const std::string& row = period_row.second;
        const std::string calendar =
            period == "2025-06" ? "[calendar]\nmonth_start_day = 26\n" : "";
        const std::string sql = sql_of("count = \"*\"", dialect, "", false, period, calendar);
        INFO(period, "\n", sql);
        CHECK(sql.find(fmt::format(fmt::runtime(row), date, date)) != std::string::npos);
      }
    }
  }

  TEST_CASE("a lookup as a left join, and a breakdown by it and by two fields") {
    check_fragments("sum = \"amount\"",
                    {"LEFT JOIN \"stores\" l1 ON l1.\"门店\" = r.\"门店\"",
                     "LEFT JOIN \"stores\" l1 ON l1.\"门店\" = r.\"门店\"",
                     "LEFT JOIN \"stores\" l1 ON l1.\"门店\" = r.\"门店\"",
                     "LEFT JOIN `stores` l1 ON l1.`门店` = r.`门店`",
                     "LEFT JOIN `stores` l1 ON l1.`门店` = r.`门店`",
                     "LEFT JOIN \"stores\" l1 ON l1.\"门店\" = r.\"门店\""},
                    "region");
    check_fragments(
        "sum = \"amount\"",
        {"'region' AS breakdown_field, COALESCE(l1.\"region\", '(missing)') AS breakdown_value",
         "'region' AS breakdown_field, COALESCE(l1.\"region\", '(missing)') AS breakdown_value",
         "'region' AS breakdown_field, COALESCE(l1.\"region\", '(missing)') AS breakdown_value",
         "'region' AS breakdown_field, COALESCE(l1.`region`, '(missing)') AS breakdown_value",
         "'region' AS breakdown_field, COALESCE(l1.`region`, '(missing)') AS breakdown_value",
         "'region' AS breakdown_field, COALESCE(l1.\"region\", '(missing)') AS breakdown_value"},
        "region");
    check_fragments("sum = \"amount\"",
                    {"(COALESCE(r.\"门店\", '(missing)') || ' / ' || COALESCE(r.\"渠道\", "
                     "'(missing)'))",
                     "(COALESCE(r.\"门店\", '(missing)') || ' / ' || COALESCE(r.\"渠道\", "
                     "'(missing)'))",
                     "(COALESCE(r.\"门店\", '(missing)') || ' / ' || COALESCE(r.\"渠道\", "
                     "'(missing)'))",
                     "concat(COALESCE(r.`门店`, '(missing)'), ' / ', COALESCE(r.`渠道`, "
                     "'(missing)'))",
                     "concat(COALESCE(r.`门店`, '(missing)'), ' / ', COALESCE(r.`渠道`, "
                     "'(missing)'))",
                     "(COALESCE(r.\"门店\", '(missing)') || ' / ' || COALESCE(r.\"渠道\", "
                     "'(missing)'))"},
                    "门店,渠道");
  }

  TEST_CASE("per-entity measures: keys with their aggregates, having, is_new, lost") {
    // Each dialect's quoting of the keys' subquery; the structure is the same in all.
    check_fragments(
        "count_distinct = \"member\"\nper = \"member\"\nhaving = \"rows >= 2 and sum(amount) > "
        "100\"",
        {"COUNT(*) AS n,\n    COALESCE(SUM(r.\"amount\"), 0) AS a1",
         "COUNT(*) AS n,\n    COALESCE(SUM(r.\"amount\"), 0) AS a1",
         "COUNT(*) AS n,\n    COALESCE(SUM(r.\"amount\"), 0) AS a1",
         "COUNT(*) AS n,\n    COALESCE(SUM(r.`amount`), 0) AS a1",
         "COUNT(*) AS n,\n    COALESCE(SUM(r.`amount`), 0) AS a1",
         "COUNT(*) AS n,\n    COALESCE(SUM(r.\"amount\"), 0) AS a1"});
    for (const SqlDialect dialect : kDialects) {
      const std::string keys = sql_of(
          "count_distinct = \"member\"\nper = \"member\"\nhaving = \"rows >= 2 and sum(amount) > "
          "100\"",
          dialect);
      INFO(keys);
      CHECK(keys.find("WHERE ((c.n >= 2) AND (c.a1 > 100))") != std::string::npos);
      CHECK(keys.find("COALESCE(v.v, 0)") != std::string::npos);
      const std::string is_new =
          sql_of("count_distinct = \"member\"\nper = \"member\"\nhaving = \"is_new\"", dialect);
      INFO(is_new);
      CHECK(is_new.find("AS first_time") != std::string::npos);
      CHECK(is_new.find("WHERE (f.first_time >= p.first_day)") != std::string::npos);
      const std::string lost = sql_of(
          "sum = \"amount\"\nper = \"member\"\nhaving = \"lost and max(amount) > 0\"", dialect);
      INFO(lost);
      CHECK(lost.find("WHERE ((cur.k IS NULL) AND (c.a1 > 0))") != std::string::npos);
      CHECK(lost.find("CASE WHEN gp.n IS NULL THEN NULL ELSE COALESCE(v.v, 0) END") !=
            std::string::npos);
      // lost(N): the keys of the N periods before, as one range of their days.
      const std::string lost_two =
          sql_of("count_distinct = \"member\"\nper = \"member\"\nhaving = \"lost(2)\"", dialect);
      INFO(lost_two);
      CHECK(lost_two.find("('2025-06', '2025-04-01..2025-05-31')") != std::string::npos);
      CHECK(lost_two.find("JOIN pp2 pp ON pp.previous = c.period") != std::string::npos);
      const std::string per_key =
          sql_of("avg = \"max(amount) - min(amount)\"\nper = \"member\"", dialect);
      INFO(per_key);
      CHECK(per_key.find("AVG((c.a1 - c.a2))") != std::string::npos);
    }
  }

  TEST_CASE("what does not translate names the construct") {
    for (const SqlDialect dialect : kDialects) {
      CHECK(error_of("median = \"amount\"\nper = \"member\"\nhaving = \"rows >= 2\"", dialect) ==
            "cannot translate to SQL: measure \"m\": per key, only a count of the keys or a sum, "
            "count, avg, min or max of their rows is translated");
      CHECK(error_of("count = \"*\"\nfilter = \"when(amount > 0, true)\"", dialect) ==
            "cannot translate to SQL: the function when() in the filter of measure \"m\" "
            "\"when(amount > 0, true)\"");
      CHECK(error_of("count = \"*\"\nfilter = \"time <= period_end\"", dialect) ==
            "cannot translate to SQL: the period's bounds (period_end) in the filter of measure "
            "\"m\" \"time <= period_end\"");
      CHECK(error_of("mode = \"amount\"", dialect) ==
            "cannot translate to SQL: measure \"m\": mode is not translated yet");
    }
  }

  TEST_CASE("what does not translate is placed in the library: the measure or the construct") {
    // [measures.m] is line 16 of sql_of's library; the filter, its third line, is line 19.
    for (const SqlDialect dialect : kDialects) {
      CHECK(place_of("mode = \"amount\"", dialect) == "kpi.toml:16:11");
      CHECK(place_of("count = \"*\"\nfilter = \"amount > 0 and when(amount > 0, true)\"",
                     dialect) == "kpi.toml:19:26");
    }
  }
}
