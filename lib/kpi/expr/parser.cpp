// SPDX-License-Identifier: MIT
#include "kpi/expr/parser.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "kpi/expr/lexer.hpp"

namespace kpi::expr {
namespace {

// A parsed subtree and its height in operators and brackets (0 for a leaf). Tracking the height
// as the tree grows keeps `a + a + ... + a` from building a tree too deep to walk or destroy.
struct Subtree {
  std::unique_ptr<Node> node;
  int levels = 0;
};

template <typename... Parts>
std::vector<Subtree> subtrees_of(Parts&&... parts) {
  std::vector<Subtree> subtrees;
  (subtrees.push_back(std::forward<Parts>(parts)), ...);
  return subtrees;
}

Span cover(Span first, Span last) {
  return {first.offset, last.offset + last.length - first.offset};
}

bool is_comparison(TokenKind kind) {
  return kind == TokenKind::Equal || kind == TokenKind::NotEqual || kind == TokenKind::Less ||
         kind == TokenKind::LessEqual || kind == TokenKind::Greater ||
         kind == TokenKind::GreaterEqual;
}

std::string binary_operator_text(TokenKind kind) {
  switch (kind) {
    case TokenKind::Plus:
      return "+";
    case TokenKind::Minus:
      return "-";
    case TokenKind::Star:
      return "*";
    case TokenKind::Slash:
      return "/";
    case TokenKind::Equal:
      return "==";
    case TokenKind::NotEqual:
      return "!=";
    case TokenKind::Less:
      return "<";
    case TokenKind::LessEqual:
      return "<=";
    case TokenKind::Greater:
      return ">";
    case TokenKind::GreaterEqual:
      return ">=";
    case TokenKind::And:
      return "and";
    case TokenKind::Or:
      return "or";
    default:
      return "";
  }
}

[[noreturn]] void fail_too_deep(const Token& at) {
  throw SyntaxError(at.span, "expression nests too deeply");
}

Subtree make_leaf(NodeKind kind, const Token& token) {
  auto node = std::make_unique<Node>();
  node->kind = kind;
  node->span = token.span;
  node->text = token.text;
  return {std::move(node), 0};
}

// `blame` is the token reported when the new node would nest too deeply.
Subtree make_branch(NodeKind kind, Span span, std::string text, std::vector<Subtree> children,
                    const Token& blame) {
  auto node = std::make_unique<Node>();
  node->kind = kind;
  node->span = span;
  node->text = std::move(text);
  int levels = 0;
  for (Subtree& child : children) {
    levels = std::max(levels, child.levels);
    node->children.push_back(std::move(child.node));
  }
  if (levels >= kMaxNestingLevels) {
    fail_too_deep(blame);
  }
  return {std::move(node), levels + 1};
}

// Open brackets and prefix operators are the parser's recursion; counting them bounds its stack.
class NestingGuard {
 public:
  NestingGuard(int& depth, const Token& opener) : depth_(depth) {
    if (depth_ >= kMaxNestingLevels) {
      fail_too_deep(opener);
    }
    ++depth_;
  }
  ~NestingGuard() { --depth_; }
  NestingGuard(const NestingGuard&) = delete;
  NestingGuard& operator=(const NestingGuard&) = delete;

 private:
  int& depth_;
};

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text), tokens_(tokenize(text)) {}

  std::unique_ptr<Node> parse_whole_text() {
    Subtree tree = parse_or();
    if (peek().kind != TokenKind::End) {
      throw SyntaxError(peek().span, fmt::format("unexpected {}", describe(peek())));
    }
    return std::move(tree.node);
  }

 private:
  using OperandParser = Subtree (Parser::*)();

  const Token& peek(std::size_t ahead = 0) const {
    return tokens_[std::min(next_ + ahead, tokens_.size() - 1)];
  }

  const Token& advance() {
    const Token& token = peek();
    next_ = std::min(next_ + 1, tokens_.size() - 1);
    return token;
  }

  bool accept(TokenKind kind) {
    if (peek().kind != kind) {
      return false;
    }
    advance();
    return true;
  }

  std::string_view source_of(const Token& token) const {
    return text_.substr(token.span.offset, token.span.length);
  }

  std::string describe(const Token& token) const {
    if (token.kind == TokenKind::End) {
      return "end of text";
    }
    if (token.kind == TokenKind::String) {
      return fmt::format("string {}", source_of(token));  // the source carries its own quotes
    }
    return fmt::format(R"("{}")", source_of(token));
  }

  Subtree parse_or() {
    return parse_left_associative(&Parser::parse_and,
                                  [](TokenKind kind) { return kind == TokenKind::Or; });
  }

  Subtree parse_and() {
    return parse_left_associative(&Parser::parse_not,
                                  [](TokenKind kind) { return kind == TokenKind::And; });
  }

  Subtree parse_not() {
    if (peek().kind != TokenKind::Not) {
      return parse_compare();
    }
    const Token& op = advance();
    const NestingGuard guard(depth_, op);
    Subtree operand = parse_not();
    const Span span = cover(op.span, operand.node->span);
    return make_branch(NodeKind::Unary, span, "not", subtrees_of(std::move(operand)), op);
  }

  Subtree parse_compare() {
    Subtree left = parse_additive();
    const Token& op = peek();
    Subtree result;
    if (is_comparison(op.kind)) {
      advance();
      result = make_binary(op, std::move(left), parse_additive());
    } else if (op.kind == TokenKind::In ||
               (op.kind == TokenKind::Not && peek(1).kind == TokenKind::In)) {
      result = parse_in(std::move(left));
    } else if (op.kind == TokenKind::Is) {
      result = parse_is_null(std::move(left));
    } else if (op.kind == TokenKind::Not) {
      throw SyntaxError(peek(1).span, R"(expected "in" after "not")");
    } else {
      return left;
    }
    reject_chained_comparison();
    return result;
  }

  // `a < b < c` means different things in Python and in C; make the user say which.
  void reject_chained_comparison() const {
    const TokenKind next = peek().kind;
    if (is_comparison(next) || next == TokenKind::In || next == TokenKind::Is ||
        next == TokenKind::Not) {
      throw SyntaxError(peek().span, R"(comparisons cannot be chained; use "and")");
    }
  }

  Subtree parse_in(Subtree value) {
    const Token& first = peek();
    const bool negated = accept(TokenKind::Not);
    advance();
    if (peek().kind != TokenKind::LeftBracket) {
      throw SyntaxError(peek().span, fmt::format(R"("{}" needs a list such as ["a", "b"])",
                                                 negated ? "not in" : "in"));
    }
    Subtree list = parse_list();
    const Span span = cover(value.node->span, list.node->span);
    Subtree result =
        make_branch(NodeKind::In, span, "", subtrees_of(std::move(value), std::move(list)), first);
    result.node->negated = negated;
    return result;
  }

  Subtree parse_is_null(Subtree value) {
    const Token& is = advance();
    const bool negated = accept(TokenKind::Not);
    if (peek().kind != TokenKind::Null) {
      throw SyntaxError(peek().span,
                        fmt::format(R"(expected "null" after "{}")", negated ? "is not" : "is"));
    }
    const Span span = cover(value.node->span, advance().span);
    Subtree result = make_branch(NodeKind::IsNull, span, "", subtrees_of(std::move(value)), is);
    result.node->negated = negated;
    return result;
  }

  Subtree parse_additive() {
    return parse_left_associative(&Parser::parse_multiplicative, [](TokenKind kind) {
      return kind == TokenKind::Plus || kind == TokenKind::Minus;
    });
  }

  Subtree parse_multiplicative() {
    return parse_left_associative(&Parser::parse_unary, [](TokenKind kind) {
      return kind == TokenKind::Star || kind == TokenKind::Slash;
    });
  }

  Subtree parse_unary() {
    if (peek().kind != TokenKind::Minus) {
      return parse_primary();
    }
    const Token& op = advance();
    const NestingGuard guard(depth_, op);
    Subtree operand = parse_unary();
    const Span span = cover(op.span, operand.node->span);
    return make_branch(NodeKind::Unary, span, "-", subtrees_of(std::move(operand)), op);
  }

  Subtree parse_primary() {
    const Token& token = peek();
    switch (token.kind) {
      case TokenKind::Number:
        advance();
        return make_leaf(NodeKind::Number, token);
      case TokenKind::String:
        advance();
        return make_leaf(NodeKind::String, token);
      case TokenKind::Name:
        if (peek(1).kind == TokenKind::LeftParen) {
          return parse_call();
        }
        advance();
        return make_leaf(NodeKind::Name, token);
      case TokenKind::LeftParen:
        return parse_parenthesized();
      case TokenKind::LeftBracket:
        return parse_list();
      case TokenKind::Null:
        throw SyntaxError(token.span, R"("null" is only allowed in "is null" and "is not null")");
      default:
        throw SyntaxError(token.span,
                          fmt::format("expected an expression, found {}", describe(token)));
    }
  }

  Subtree parse_parenthesized() {
    const Token& open = advance();
    const NestingGuard guard(depth_, open);
    Subtree inner = parse_or();
    if (peek().kind != TokenKind::RightParen) {
      fail_unclosed(open, "\")\"");
    }
    inner.node->span = cover(open.span, advance().span);
    return inner;
  }

  Subtree parse_call() {
    const Token& name = advance();
    const Token& open = advance();
    const NestingGuard guard(depth_, open);
    std::vector<Subtree> arguments = parse_items(TokenKind::RightParen, open);
    const Span span = cover(name.span, advance().span);
    return make_branch(NodeKind::Call, span, name.text, std::move(arguments), open);
  }

  Subtree parse_list() {
    const Token& open = advance();
    const NestingGuard guard(depth_, open);
    std::vector<Subtree> items = parse_items(TokenKind::RightBracket, open);
    const Span span = cover(open.span, advance().span);
    return make_branch(NodeKind::List, span, "", std::move(items), open);
  }

  // Comma-separated expressions up to the closing bracket, which is left for the caller.
  std::vector<Subtree> parse_items(TokenKind close, const Token& open) {
    std::vector<Subtree> items;
    if (peek().kind == close) {
      return items;
    }
    do {
      items.push_back(parse_or());
    } while (accept(TokenKind::Comma));
    if (peek().kind != close) {
      fail_unclosed(open, close == TokenKind::RightParen ? "\",\" or \")\"" : "\",\" or \"]\"");
    }
    return items;
  }

  Subtree parse_left_associative(OperandParser parse_operand, bool (*is_operator)(TokenKind)) {
    Subtree left = (this->*parse_operand)();
    while (is_operator(peek().kind)) {
      const Token& op = advance();
      left = make_binary(op, std::move(left), (this->*parse_operand)());
    }
    return left;
  }

  Subtree make_binary(const Token& op, Subtree left, Subtree right) {
    const Span span = cover(left.node->span, right.node->span);
    return make_branch(NodeKind::Binary, span, binary_operator_text(op.kind),
                       subtrees_of(std::move(left), std::move(right)), op);
  }

  [[noreturn]] void fail_unclosed(const Token& open, std::string_view expected) const {
    throw SyntaxError(peek().span, fmt::format(R"(expected {} to close "{}" at offset {})",
                                               expected, source_of(open), open.span.offset));
  }

  std::string_view text_;
  std::vector<Token> tokens_;
  std::size_t next_ = 0;
  int depth_ = 0;
};

}  // namespace

std::unique_ptr<Node> parse(std::string_view text) { return Parser(text).parse_whole_text(); }

}  // namespace kpi::expr
