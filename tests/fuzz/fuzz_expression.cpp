// SPDX-License-Identifier: MIT
// libFuzzer target: any text as a filter or a KPI formula: parse, bind, evaluate.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "kpi/expr/bind_error.hpp"
#include "kpi/expr/formula.hpp"
#include "kpi/expr/parser.hpp"
#include "kpi/expr/row_expression.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using kpi::expr::ValueType;
  static const std::vector<kpi::expr::FieldSlot> kFields = {{"channel", ValueType::Text},
                                                            {"amount", ValueType::Number},
                                                            {"time", ValueType::DateTime},
                                                            {"day", ValueType::Date},
                                                            {"vip", ValueType::Bool}};
  static const std::vector<std::string> kNames = {"sales", "orders"};
  const std::string text(reinterpret_cast<const char*>(data), size);
  std::unique_ptr<kpi::expr::Node> tree;
  try {
    tree = kpi::expr::parse(text);
  } catch (const kpi::expr::SyntaxError&) {
    return 0;
  }
  (void)kpi::expr::serialize(*tree);
  const std::vector<kpi::expr::Value> row = {
      kpi::expr::Value::of_text("电商"),
      kpi::expr::Value::of_number(kpi::Decimal::from_units(1234560000)),
      kpi::expr::Value::of_moment(1748736000), kpi::expr::Value{}, kpi::expr::Value::of_bool(true)};
  try {
    (void)kpi::expr::RowExpression::bind(*tree, kFields).evaluate(row);
  } catch (const kpi::expr::BindError&) {
  }
  try {
    const auto formula = kpi::expr::Formula::bind(
        *tree,
        [](std::string_view name) -> std::optional<kpi::expr::FormulaName> {
          if (name == "sales" || name == "orders") {
            return kpi::expr::FormulaName{kpi::expr::FormulaName::Kind::Measure,
                                          name == "sales" ? 0u : 1u};
          }
          return std::nullopt;
        },
        kNames);
    (void)formula.evaluate([](const kpi::expr::Reference& reference) -> std::optional<long double> {
      return reference.shifts.size() > 2 ? std::nullopt
                                         : std::optional<long double>(reference.name.index * 3.5L);
    });
  } catch (const kpi::expr::BindError&) {
  }
  return 0;
}
