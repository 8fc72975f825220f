// SPDX-License-Identifier: MIT
// Whether two bound row expressions compute the same thing, so that a source whose measures
// share a filter (a sum and a cost over the same services) judges it once per row.
#include <algorithm>

#include "kpi/expr/row_expression.hpp"
#include "kpi/expr/row_expression_internal.hpp"

namespace kpi::expr {
namespace {

bool same_value(const Value& a, const Value& b) {
  return a.kind == b.kind && a.truth == b.truth && a.out_of_range == b.out_of_range &&
         a.number == b.number && a.text == b.text && a.seconds == b.seconds;
}

bool same_node(const RowExpression::Bound& a, const RowExpression::Bound& b) {
  return a.op == b.op && a.type == b.type && a.negated == b.negated && a.slot == b.slot &&
         same_value(a.literal, b.literal) &&
         std::equal(a.list.begin(), a.list.end(), b.list.begin(), b.list.end(), same_value) &&
         std::equal(a.children.begin(), a.children.end(), b.children.begin(), b.children.end(),
                    [](const auto& x, const auto& y) { return same_node(*x, *y); });
}

}  // namespace

bool RowExpression::same_as(const RowExpression& other) const {
  return same_node(*root_, *other.root_);
}

}  // namespace kpi::expr
