// SPDX-License-Identifier: MIT
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "kpi/expr/ast.hpp"

namespace kpi::expr {

/// What a name in a KPI formula stands for: a measure, a KPI, or a quantity of the period
/// itself (days_in_period(), days_elapsed()).
struct FormulaName {
  enum class Kind { Measure, Kpi, PeriodDays, DaysElapsed };
  Kind kind = Kind::Measure;
  std::size_t index = 0;
  friend bool operator==(const FormulaName&, const FormulaName&) = default;
};

/// A step from the reported period to another: 环比 (the previous period), 同比 (the same
/// period last year), the trailing `periods` periods up to and with this one, or all history
/// up to the period's end.
struct Shift {
  enum class Kind { Previous, LastYear, Rolling, Cumulative };
  Kind kind = Kind::Previous;
  int periods = 0;  ///< Rolling only

  static const Shift Previous;
  static const Shift LastYear;
  friend auto operator<=>(const Shift&, const Shift&) = default;
};
inline constexpr Shift Shift::Previous{Shift::Kind::Previous, 0};
inline constexpr Shift Shift::LastYear{Shift::Kind::LastYear, 0};

/// Where a formula reads a name: after which period shifts (outermost first), and whether on
/// the whole data rather than the current breakdown value (all()) or, with `within`, on the
/// breakdown value's parent (all(sales, "store"): the store of a store and consultant).
struct Reference {
  FormulaName name;
  std::vector<Shift> shifts;
  bool total = false;
  std::string within;  ///< with total: the parent's fields, "store" or "store,channel"
};

/// A KPI formula bound to the library's measures and KPIs.
///
/// Arithmetic + − × ÷ on numbers and parentheses; abs(x), min(a, b, …), max(a, b, …);
/// prev(x) or prev(x, n) for the previous period (n periods back); last_year(x) for the same
/// period last year; rolling(x, n) for x over the trailing n periods, this one included
/// (average monthly sales over three months: `rolling(sales, 3) / 3`); to_date(x) for x over
/// all history up to the period's end (lifetime value); all(x) for x without the breakdown
/// (a channel's share is `sales / all(sales)`), all(x, "store") for x of the breakdown
/// value's store (a consultant's share of their store, broken down by store and consultant);
/// days_in_period() and days_elapsed(), the period's length in days and the days of it up to today
/// (pacing: `sales / target_days * days_in_period() / days_elapsed()`). A missing operand or a
/// division by zero gives no value.
class Formula {
 public:
  using Resolver = std::function<std::optional<FormulaName>(std::string_view name)>;

  /// Binds `tree`; throws BindError for unknown names (suggesting one of `known_names`),
  /// unknown functions and wrong argument counts.
  static Formula bind(const Node& tree, const Resolver& resolve,
                      std::span<const std::string> known_names);

  /// A formula that always has no value: what a qualitative KPI, scored by hand, computes.
  static Formula no_value();

  /// Supplies the values the formula reads.
  using Lookup = std::function<std::optional<long double>(const Reference&)>;
  std::optional<long double> evaluate(const Lookup& lookup) const;

  /// Every measure and KPI the formula reads, in order (not days_in_period() and the like,
  /// which read no data).
  std::vector<Reference> references() const;

  Formula(Formula&&) noexcept;
  Formula& operator=(Formula&&) noexcept;
  ~Formula();

  struct Bound;

 private:
  explicit Formula(std::unique_ptr<Bound> root);
  std::unique_ptr<Bound> root_;
};

}  // namespace kpi::expr
