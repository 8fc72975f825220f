// SPDX-License-Identifier: MIT
#include "sql_command.hpp"

#include <fmt/format.h>

#include <memory>

#include "binary_output.hpp"
#include "kpi/app/sql_run.hpp"
#include "library_flags.hpp"
#include "output.hpp"

namespace kpi::cli {
namespace {

struct SqlFlags {
  LibraryFlags library;
  std::vector<std::string> periods;
  std::string by;
  std::string as_of;
  std::string dialect;
  std::vector<std::string> tables;
  bool approximate = false;
  std::string output;
};

int run(const SqlFlags& flags) {
  app::SqlRunOptions options;
  options.run = run_settings(flags.library);
  options.periods = flags.periods;
  options.by = flags.by;
  if (!flags.as_of.empty()) {
    options.as_of = app::parse_day("--as-of", flags.as_of);
  }
  options.sql.dialect = *engine::find_sql_dialect(flags.dialect);
  options.sql.approximate = flags.approximate;
  for (const std::string& table : flags.tables) {
    const std::size_t equals = table.find('=');
    if (equals == std::string::npos || equals == 0 || equals + 1 == table.size()) {
      throw Error({"usage.table",
                   fmt::format("--table takes SOURCE=TABLE (pos=dw.pos_lines), not \"{}\"", table),
                   {}});
    }
    options.sql.tables[table.substr(0, equals)] = table.substr(equals + 1);
  }
  write_output(flags.output, app::run_sql(options));
  return 0;
}

}  // namespace

void setup_sql(CLI::App& app, int& exit_code) {
  auto flags = std::make_shared<SqlFlags>();
  CLI::App* command = app.add_subcommand(
      "sql", "Print the SQL that computes the measures table on a SQL engine, for --measures");
  command->footer(
      "Examples:\n"
      "  kpi sql --period 2025-06 --dialect duckdb\n"
      "  kpi sql kpi.toml --period 2025-Q2 --by store --dialect postgres --table pos=dw.pos_lines");
  add_library_flags(*command, flags->library);
  command
      ->add_option(
          "--period", flags->periods,
          "Repeatable; the table serves kpi values and kpi report of each: " + app::period_forms())
      ->type_name("PERIOD")
      ->required();
  command
      ->add_option("--by", flags->by,
                   "Break every KPI down by this field, or by several: store,channel")
      ->type_name("FIELD[,FIELD]")
      ->check(not_empty("a field name"));
  command
      ->add_option("--as-of", flags->as_of, "Measure each period up to this day, as a report does")
      ->type_name("DATE")
      ->check(not_empty("a date such as 2025-06-15"));
  std::vector<std::string> dialects;
  for (const engine::SqlDialectInfo& info : engine::sql_dialects()) {
    dialects.emplace_back(info.name);
  }
  command
      ->add_option("--dialect", flags->dialect,
                   "duckdb, postgres, sqlite, clickhouse, spark or trino")
      ->check(CLI::IsMember(dialects))
      ->type_name("DIALECT")
      ->required();
  command
      ->add_option("--table", flags->tables,
                   "Read SOURCE from this table (repeatable; default: the table named after the "
                   "source)")
      ->type_name("SOURCE=TABLE");
  command->add_flag("--approximate", flags->approximate,
                    "Accept an approximate median where the engine has no exact one (Trino)");
  command->add_option("-o,--output", flags->output, "Write to this file, atomically")
      ->type_name("FILE")
      ->check(not_empty("a file name"));
  command->callback([flags, &exit_code] { exit_code = run(*flags); });
}

}  // namespace kpi::cli
