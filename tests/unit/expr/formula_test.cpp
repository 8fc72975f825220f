// SPDX-License-Identifier: MIT
#include "kpi/expr/formula.hpp"

#include <doctest/doctest.h>

#include <map>

#include "kpi/expr/bind_error.hpp"
#include "kpi/expr/parser.hpp"

namespace {

using kpi::expr::FormulaName;
using kpi::expr::Reference;
using kpi::expr::Shift;

const std::vector<std::string> kNames = {"sales", "orders", "cost", "margin"};

kpi::expr::Formula bind(const std::string& text) {
  return kpi::expr::Formula::bind(
      *kpi::expr::parse(text),
      [](std::string_view name) -> std::optional<FormulaName> {
        for (std::size_t i = 0; i < kNames.size(); ++i) {
          if (kNames[i] == name) {
            return FormulaName{i == 3 ? FormulaName::Kind::Kpi : FormulaName::Kind::Measure, i};
          }
        }
        return std::nullopt;
      },
      kNames);
}

// Values by name and period shift: sales is 120 now, 100 the month before, 80 a year ago.
std::optional<long double> lookup(const Reference& reference) {
  if (reference.name.index == 0) {
    if (reference.shifts.empty()) return reference.total ? 400 : 120;
    if (reference.shifts == std::vector<Shift>{Shift::Previous}) return 100;
    if (reference.shifts == std::vector<Shift>{Shift::LastYear}) return 80;
    return std::nullopt;
  }
  if (reference.name.index == 1) return 4;
  if (reference.name.index == 2) return 0;
  return 0.5;
}

std::optional<long double> evaluate(const std::string& text) { return bind(text).evaluate(lookup); }

std::string bind_error(const std::string& text) {
  try {
    bind(text);
  } catch (const kpi::expr::BindError& error) {
    return error.what();
  }
  return "";
}

}  // namespace

TEST_SUITE("expr.formula") {
  TEST_CASE("arithmetic and functions") {
    CHECK(*evaluate("sales / orders") == 30);
    CHECK(*evaluate("-(sales - 2 * orders) + 1") == -111);
    CHECK(*evaluate("abs(cost - sales)") == 120);
    CHECK(*evaluate("min(sales, orders, 7)") == 4);
    CHECK(*evaluate("max(sales, 200)") == 200);
    CHECK(*evaluate("margin * 100") == 50);
    CHECK(*evaluate("35%") == doctest::Approx(0.35));
  }

  TEST_CASE("period operators and the whole") {
    CHECK(*evaluate("(sales - prev(sales)) / prev(sales)") == doctest::Approx(0.2));
    CHECK(*evaluate("sales / last_year(sales) - 1") == doctest::Approx(0.5));
    CHECK(*evaluate("sales / all(sales)") == doctest::Approx(0.3));
    CHECK_FALSE(evaluate("prev(sales, 2)").has_value());
  }

  TEST_CASE("division by zero and missing values give no value") {
    CHECK_FALSE(evaluate("sales / cost").has_value());
    CHECK_FALSE(evaluate("prev(prev(sales)) + 1").has_value());
  }

  TEST_CASE("references carry their shifts, outermost first") {
    const auto references = bind("last_year(prev(sales, 2)) + all(orders)").references();
    REQUIRE(references.size() == 2);
    CHECK(references[0].shifts ==
          std::vector<Shift>{Shift::LastYear, Shift::Previous, Shift::Previous});
    CHECK_FALSE(references[0].total);
    CHECK(references[1].total);
  }

  TEST_CASE("rolling and cumulative windows are shifts too") {
    const auto references = bind("rolling(sales, 3) + to_date(orders)").references();
    REQUIRE(references.size() == 2);
    CHECK(references[0].shifts == std::vector<Shift>{Shift{Shift::Kind::Rolling, 3}});
    CHECK(references[1].shifts == std::vector<Shift>{Shift{Shift::Kind::Cumulative, 0}});
  }

  TEST_CASE("days of the period are looked up with their shifts, but read no data") {
    const auto formula = bind("sales / days_elapsed() * prev(days_in_period())");
    CHECK(formula.references().size() == 1);  // sales only: no source to read for the days
    const auto value =
        formula.evaluate([](const Reference& reference) -> std::optional<long double> {
          switch (reference.name.kind) {
            case FormulaName::Kind::DaysElapsed:
              return reference.shifts.empty() ? std::optional<long double>(12) : std::nullopt;
            case FormulaName::Kind::PeriodDays:
              return reference.shifts == std::vector<Shift>{Shift::Previous}
                         ? std::optional<long double>(31)
                         : std::nullopt;
            default:
              return 120;
          }
        });
    CHECK(*value == 310);
    CHECK(bind_error("days_in_period(1)") == "days_in_period() takes no argument");
  }

  TEST_CASE("binding errors") {
    CHECK(bind_error("sale / orders") ==
          "unknown measure or KPI \"sale\" (did you mean \"sales\"?)");
    CHECK(bind_error("prevv(sales)") == "unknown function \"prevv\" (did you mean \"prev\"?)");
    CHECK(bind_error("prev(sales, 0)") ==
          "the count of prev() must be a whole number from 1 to 120");
    CHECK(bind_error("abs(sales, orders)") == "abs() takes one argument");
    CHECK(bind_error("rolling(sales)") ==
          "rolling() takes a measure or KPI and a count of periods: rolling(sales, 3)");
    CHECK(bind_error("rolling(sales, 0)") ==
          "the count of rolling() must be a whole number from 1 to 120");
    CHECK(bind_error("sales > 0") ==
          "a KPI formula computes a number; \"(> sales 0)\" belongs in a measure's filter");
  }
}
