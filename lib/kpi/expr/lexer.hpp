// SPDX-License-Identifier: MIT
#pragma once

#include <string_view>
#include <vector>

#include "kpi/expr/token.hpp"

namespace kpi::expr {

/// Splits an expression into tokens, the last one TokenKind::End. Whitespace is ASCII
/// whitespace, the no-break space U+00A0 and the ideographic space U+3000; full-width `（ ） ，`
/// lex as `( ) ,`. Throws SyntaxError on an unterminated string, an unknown escape, a malformed
/// number (`8万`, `1.`) or a character that starts no token.
///
/// Example: `amount >= 35%` gives Name "amount", GreaterEqual, Number "35%", End.
std::vector<Token> tokenize(std::string_view text);

}  // namespace kpi::expr
