// SPDX-License-Identifier: MIT
#pragma once

#include <memory>
#include <string_view>

#include "kpi/expr/ast.hpp"
#include "kpi/expr/token.hpp"

namespace kpi::expr {

/// How deeply an expression may nest: open brackets plus prefix `-` and `not` around any point,
/// and also the height of the tree in operators, so `a + b + ...` may have at most 201 terms.
/// Anything that walks a parsed tree recursively can rely on this bound.
inline constexpr int kMaxNestingLevels = 200;

/// Parses a whole expression: a row filter, a measure or a KPI formula. Only syntax is checked;
/// names, functions and types are left to the caller. Throws SyntaxError, pointing at the
/// offending token, on anything that is not one expression.
///
/// Precedence, lowest first: `or`; `and`; `not`; comparisons (`==` `=` `!=` `<>` `<` `<=` `>`
/// `>=`, `[not] in [list]`, `is [not] null`, which do not chain); `+ -`; `* /`; prefix `-`.
///
/// Example: `parse("not a = 1 and b")` serializes as `(and (not (== a 1)) b)`.
std::unique_ptr<Node> parse(std::string_view text);

}  // namespace kpi::expr
