// SPDX-License-Identifier: MIT
// Reference tables of the docs that mirror a registry of the code are the registry's: each is
// written between `<!-- generated: NAME -->` and `<!-- end generated -->` and must equal what
// the registry renders. KPI_UPDATE_GOLDEN=1 rewrites them in place.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "kpi/library/aggregates.hpp"
#include "kpi/time/period.hpp"
#include "kpi/value/date_parser.hpp"

namespace {

namespace fs = std::filesystem;

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "cannot open " << path.string());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The aggregates a measure may take, one row each, from the registry.
std::string aggregate_table() {
  std::string table = "| aggregate | value | per key in `having` |\n|---|---|---|\n";
  for (const kpi::library::AggregateInfo& aggregate : kpi::library::aggregates()) {
    const std::string per_key =
        aggregate.per_key ? fmt::format("`{}(amount)`", aggregate.name) : "—";
    table += fmt::format("| `{} = \"amount\"` | {} | {} |\n", aggregate.name, aggregate.meaning,
                         per_key);
  }
  return table;
}

// Each fixed --period form of the registry with its days, 环比 and 同比 in the default calendar.
std::string period_table() {
  const kpi::time::Calendar calendar{};
  std::string table =
      "| `--period` | the days (with `month_start_day = 1`) | `prev()` | `last_year()` |\n"
      "|---|---|---|---|\n";
  for (const std::string_view example : kpi::time::period_examples()) {
    const kpi::time::Period period = kpi::time::parse_period(example, calendar, 0);
    const std::string days = period.first_day == period.last_day
                                 ? kpi::format_date(period.first_day)
                                 : fmt::format("{} to {}", kpi::format_date(period.first_day),
                                               kpi::format_date(period.last_day));
    // All of time has no period before it worth naming.
    const bool all = example == "all";
    table += fmt::format("| `{}` | {} | {} | {} |\n", example, all ? "every day" : days,
                         all ? "—" : kpi::time::previous_period(period, calendar).label,
                         all ? "—" : kpi::time::same_period_last_year(period, calendar).label);
  }
  return table;
}

// Checks (or, in update mode, rewrites) the generated block NAME of the doc at `path`.
void check_generated(const fs::path& path, const std::string& name, const std::string& expected) {
  std::string text = read_file(path);
  const std::string open = "<!-- generated: " + name + " -->\n";
  const std::string close = "<!-- end generated -->";
  const std::size_t begin = text.find(open);
  REQUIRE_MESSAGE(begin != std::string::npos, path.string() << " has no " << open);
  const std::size_t body = begin + open.size();
  const std::size_t end = text.find(close, body);
  REQUIRE_MESSAGE(end != std::string::npos, path.string() << ": " << name << " is not closed");
  if (std::getenv("KPI_UPDATE_GOLDEN") != nullptr) {
    text.replace(body, end - body, expected);
    std::ofstream(path, std::ios::binary) << text;
    return;
  }
  CHECK_MESSAGE(text.substr(body, end - body) == expected,
                path.string() << ": the " << name
                              << " table differs from the registry; rerun with "
                                 "KPI_UPDATE_GOLDEN=1 to rewrite it");
}

}  // namespace

TEST_SUITE("library.docs_reference") {
  TEST_CASE("the measures page lists every aggregate of the registry, as the registry says") {
    check_generated(fs::path(KPI_SOURCE_DIR) / "docs/library/measures.md", "aggregates",
                    aggregate_table());
  }

  TEST_CASE("the periods page lists every fixed --period form, with what prev and last_year give") {
    check_generated(fs::path(KPI_SOURCE_DIR) / "docs/library/periods.md", "period forms",
                    period_table());
  }
}
