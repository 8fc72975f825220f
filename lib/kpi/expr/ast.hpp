// SPDX-License-Identifier: MIT
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "kpi/expr/token.hpp"

namespace kpi::expr {

/// What a node is; the comment on each says what Node::text and Node::children hold.
enum class NodeKind {
  Number,  ///< text: the literal as written ("35", "1.5", "35%"); no children
  String,  ///< text: the value, escapes resolved; no children
  Name,    ///< text: the name as written ("amount", "store.area", "实收金额"); no children
  List,    ///< children: the items
  Unary,   ///< text: "-" or "not"; children: the operand
  Binary,  ///< text: "+" "-" "*" "/" "==" "!=" "<" "<=" ">" ">=" "and" "or"; children: 2
  Call,    ///< text: the function name as written; children: the arguments
  In,      ///< children: the value and a List; negated for `not in`
  IsNull,  ///< children: the value; negated for `is not null`
};

/// One node of a parsed expression. Operators and keywords are normalised (`=` is "==", `<>` is
/// "!=", `AND` is "and"); names keep their letter case.
struct Node {
  NodeKind kind = NodeKind::Name;
  /// The whole node's source range; a parenthesised expression's range includes its parentheses.
  Span span;
  std::string text;                             ///< see NodeKind
  bool negated = false;                         ///< In: `not in`; IsNull: `is not null`
  std::vector<std::unique_ptr<Node>> children;  ///< see NodeKind
};

/// The node as an S-expression, for tests and `kpi explain`. Numbers and names appear as
/// written, strings in double quotes with `"` `\` newline and tab escaped, lists as `[a b]`,
/// and everything else as `(head children...)` where head is the operator, the function name,
/// `neg`, `not`, `in`, `not-in`, `is-null` or `is-not-null`.
///
/// Example: `(sales - prev(sales)) / prev(sales)` gives `(/ (- sales (prev sales)) (prev sales))`.
std::string serialize(const Node& node);

}  // namespace kpi::expr
