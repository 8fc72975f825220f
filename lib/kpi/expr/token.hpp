// SPDX-License-Identifier: MIT
// The vocabulary shared by the lexer and the parser: source spans, tokens, and the syntax error.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <utility>

namespace kpi::expr {

/// Byte range in the expression text.
struct Span {
  std::uint32_t offset = 0;  ///< first byte
  std::uint32_t length = 0;  ///< 0 for the end of the text
};

/// A syntax error: where in the expression text, and what was expected.
class SyntaxError : public std::runtime_error {
 public:
  /// `message` becomes what(): short, lower-case, user text in double quotes.
  SyntaxError(Span where, std::string message)
      : std::runtime_error(std::move(message)), where_(where) {}
  /// The offending token, or the end of the text (length 0).
  Span where() const noexcept { return where_; }

 private:
  Span where_;
};

/// What a token is. Keywords are case-insensitive; `=` lexes as Equal and `<>` as NotEqual.
enum class TokenKind {
  Number,
  String,
  Name,
  And,
  Or,
  Not,
  In,
  Is,
  Null,
  Plus,
  Minus,
  Star,
  Slash,
  Equal,
  NotEqual,
  Less,
  LessEqual,
  Greater,
  GreaterEqual,
  LeftParen,     ///< `(` or full-width `（`
  RightParen,    ///< `)` or full-width `）`
  LeftBracket,   ///< `[`
  RightBracket,  ///< `]`
  Comma,         ///< `,` or full-width `，`
  End,           ///< after the last token; its span is empty, at the end of the text
};

/// One token of an expression.
struct Token {
  TokenKind kind = TokenKind::End;
  Span span;
  /// String: the value with escapes resolved; every other kind: the source text as written.
  std::string text;
};

}  // namespace kpi::expr
