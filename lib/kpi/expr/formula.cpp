// SPDX-License-Identifier: MIT
#include "kpi/expr/formula.hpp"

#include <fmt/format.h>

#include <cmath>
#include <utility>

#include "kpi/core/did_you_mean.hpp"
#include "kpi/expr/bind_error.hpp"
#include "kpi/value/number_parser.hpp"

namespace kpi::expr {

enum class FormulaOp {
  Nothing,
  Constant,
  Name,
  Negate,
  Add,
  Subtract,
  Multiply,
  Divide,
  Abs,
  Min,
  Max
};

struct Formula::Bound {
  FormulaOp op = FormulaOp::Constant;
  long double constant = 0;
  Reference reference;
  std::vector<std::unique_ptr<Bound>> children;
};

namespace {

using Bound = Formula::Bound;
const std::vector<std::string> kFunctions = {
    "abs",     "min",     "max", "prev",           "last_year",
    "rolling", "to_date", "all", "days_in_period", "days_elapsed"};

class FormulaBinder {
 public:
  FormulaBinder(const Formula::Resolver& resolve, std::span<const std::string> known)
      : resolve_(resolve), known_(known) {}

  std::unique_ptr<Bound> bind(const Node& node, const std::vector<Shift>& shifts, bool total) {
    switch (node.kind) {
      case NodeKind::Number:
        return constant(node);
      case NodeKind::Name:
        return name(node, shifts, total);
      case NodeKind::Unary:
        if (node.text == "-") {
          return with_children(FormulaOp::Negate, node, shifts, total);
        }
        break;
      case NodeKind::Binary: {
        static const std::vector<std::pair<std::string, FormulaOp>> kOps = {
            {"+", FormulaOp::Add},
            {"-", FormulaOp::Subtract},
            {"*", FormulaOp::Multiply},
            {"/", FormulaOp::Divide}};
        for (const auto& [text, op] : kOps) {
          if (node.text == text) {
            return with_children(op, node, shifts, total);
          }
        }
        break;
      }
      case NodeKind::Call:
        return call(node, shifts, total);
      default:
        break;
    }
    throw BindError(node.span, fmt::format("a KPI formula computes a number; \"{}\" belongs in a "
                                           "measure's filter",
                                           serialize(node)));
  }

 private:
  static std::unique_ptr<Bound> constant(const Node& node) {
    const NumberCell cell = parse_number(node.text);
    if (cell.status != CellStatus::Value) {
      throw BindError(node.span, fmt::format("\"{}\" {}", node.text, cell.problem));
    }
    auto bound = std::make_unique<Bound>();
    bound->constant = static_cast<long double>(cell.value.units()) / Decimal::kUnitsPerOne;
    return bound;
  }

  std::unique_ptr<Bound> name(const Node& node, const std::vector<Shift>& shifts, bool total) {
    const std::optional<FormulaName> found = resolve_(node.text);
    if (!found) {
      throw BindError(node.span, fmt::format("unknown measure or KPI \"{}\"{}", node.text,
                                             did_you_mean(node.text, known_)));
    }
    auto bound = std::make_unique<Bound>();
    bound->op = FormulaOp::Name;
    bound->reference = {*found, shifts, total, total ? within_ : std::string()};
    return bound;
  }

  std::unique_ptr<Bound> with_children(FormulaOp op, const Node& node,
                                       const std::vector<Shift>& shifts, bool total) {
    auto bound = std::make_unique<Bound>();
    bound->op = op;
    for (const auto& child : node.children) {
      bound->children.push_back(bind(*child, shifts, total));
    }
    return bound;
  }

  std::unique_ptr<Bound> call(const Node& node, std::vector<Shift> shifts, bool total) {
    const std::string& function = node.text;
    const std::size_t count = node.children.size();
    const auto arguments = [&](bool ok, std::string_view expected) {
      if (!ok) {
        throw BindError(node.span, fmt::format("{}() takes {}", function, expected));
      }
    };
    if (function == "abs") {
      arguments(count == 1, "one argument");
      return with_children(FormulaOp::Abs, node, shifts, total);
    }
    if (function == "min" || function == "max") {
      arguments(count >= 2, "two or more arguments");
      return with_children(function == "min" ? FormulaOp::Min : FormulaOp::Max, node, shifts,
                           total);
    }
    if (function == "prev") {
      arguments(count == 1 || count == 2,
                "a measure or KPI and optionally a count: prev(sales, 2)");
      for (int step = 0; step < periods_back(node); ++step) {
        shifts.push_back(Shift::Previous);
      }
      return bind(*node.children[0], shifts, total);
    }
    if (function == "last_year") {
      arguments(count == 1, "one argument");
      shifts.push_back(Shift::LastYear);
      return bind(*node.children[0], shifts, total);
    }
    if (function == "rolling") {
      arguments(count == 2, "a measure or KPI and a count of periods: rolling(sales, 3)");
      shifts.push_back(Shift{Shift::Kind::Rolling, period_count(*node.children[1], "rolling()")});
      return bind(*node.children[0], shifts, total);
    }
    if (function == "to_date") {
      arguments(count == 1, "one argument");
      shifts.push_back(Shift{Shift::Kind::Cumulative, 0});
      return bind(*node.children[0], shifts, total);
    }
    if (function == "all") {
      arguments(count >= 1,
                "a measure or KPI, and optionally the fields of the parent: "
                "all(sales, \"store\")");
      std::string within;
      for (std::size_t i = 1; i < count; ++i) {
        const Node& field = *node.children[i];
        if (field.kind != NodeKind::String || field.text.empty()) {
          throw BindError(field.span,
                          "all() takes the parent's fields as quoted names: "
                          "all(sales, \"store\")");
        }
        within += within.empty() ? "" : ",";
        within += field.text;
      }
      const std::string outer = std::exchange(within_, within);
      auto bound = bind(*node.children[0], shifts, true);
      within_ = outer;
      return bound;
    }
    if (function == "days_in_period" || function == "days_elapsed") {
      arguments(count == 0, "no argument");
      auto bound = std::make_unique<Bound>();
      bound->op = FormulaOp::Name;
      const auto kind = function == "days_in_period" ? FormulaName::Kind::PeriodDays
                                                     : FormulaName::Kind::DaysElapsed;
      bound->reference = {FormulaName{kind, 0}, shifts, total, total ? within_ : std::string()};
      return bound;
    }
    throw BindError(node.span, fmt::format("unknown function \"{}\"{}", function,
                                           did_you_mean(function, kFunctions)));
  }

  static int periods_back(const Node& call) {
    return call.children.size() == 1 ? 1 : period_count(*call.children[1], "prev()");
  }

  static int period_count(const Node& count, std::string_view function) {
    const NumberCell cell = parse_number(count.text);
    const std::int64_t units = cell.value.units();
    if (count.kind != NodeKind::Number || cell.status != CellStatus::Value ||
        units % Decimal::kUnitsPerOne != 0 || units < Decimal::kUnitsPerOne ||
        units > 120 * Decimal::kUnitsPerOne) {
      throw BindError(
          count.span,
          fmt::format("the count of {} must be a whole number from 1 to 120", function));
    }
    return static_cast<int>(units / Decimal::kUnitsPerOne);
  }

  const Formula::Resolver& resolve_;
  std::span<const std::string> known_;
  std::string within_;  // inside all(x, "store"): the parent's fields
};

std::optional<long double> evaluate_node(const Bound& node, const Formula::Lookup& lookup) {
  if (node.op == FormulaOp::Nothing) {
    return std::nullopt;
  }
  if (node.op == FormulaOp::Constant) {
    return node.constant;
  }
  if (node.op == FormulaOp::Name) {
    return lookup(node.reference);
  }
  std::vector<long double> values;
  for (const auto& child : node.children) {
    const std::optional<long double> value = evaluate_node(*child, lookup);
    if (!value) {
      return std::nullopt;
    }
    values.push_back(*value);
  }
  switch (node.op) {
    case FormulaOp::Negate:
      return -values[0];
    case FormulaOp::Add:
      return values[0] + values[1];
    case FormulaOp::Subtract:
      return values[0] - values[1];
    case FormulaOp::Multiply:
      return values[0] * values[1];
    case FormulaOp::Divide:
      if (values[1] == 0) {
        return std::nullopt;
      }
      return values[0] / values[1];
    case FormulaOp::Abs:
      return std::fabs(values[0]);
    case FormulaOp::Min:
      return *std::min_element(values.begin(), values.end());
    case FormulaOp::Max:
      return *std::max_element(values.begin(), values.end());
    default:
      return std::nullopt;
  }
}

void collect(const Bound& node, std::vector<Reference>& references) {
  const auto reads_data = [](const Reference& reference) {
    return reference.name.kind == FormulaName::Kind::Measure ||
           reference.name.kind == FormulaName::Kind::Kpi;
  };
  if (node.op == FormulaOp::Name && reads_data(node.reference)) {
    references.push_back(node.reference);
  }
  for (const auto& child : node.children) {
    collect(*child, references);
  }
}

}  // namespace

Formula Formula::bind(const Node& tree, const Resolver& resolve,
                      std::span<const std::string> known_names) {
  FormulaBinder binder(resolve, known_names);
  return Formula(binder.bind(tree, {}, false));
}

Formula Formula::no_value() {
  auto root = std::make_unique<Bound>();
  root->op = FormulaOp::Nothing;
  return Formula(std::move(root));
}

std::optional<long double> Formula::evaluate(const Lookup& lookup) const {
  const std::optional<long double> value = evaluate_node(*root_, lookup);
  if (value && !std::isfinite(*value)) {
    return std::nullopt;
  }
  return value;
}

std::vector<Reference> Formula::references() const {
  std::vector<Reference> references;
  collect(*root_, references);
  return references;
}

Formula::Formula(std::unique_ptr<Bound> root) : root_(std::move(root)) {}
Formula::Formula(Formula&&) noexcept = default;
Formula& Formula::operator=(Formula&&) noexcept = default;
Formula::~Formula() = default;

}  // namespace kpi::expr
