// SPDX-License-Identifier: MIT
#include "kpi/expr/lexer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>

namespace kpi::expr {
namespace {

constexpr std::string_view kNoBreakSpace = "\xC2\xA0";
constexpr std::string_view kIdeographicSpace = "\xE3\x80\x80";

// Longer spellings first, so that `<=` is not read as `<` followed by `=`. The full-width forms
// are what Chinese input methods type.
struct Symbol {
  std::string_view spelling;
  TokenKind kind;
};
constexpr std::array<Symbol, 20> kSymbols{{
    {"==", TokenKind::Equal},
    {"!=", TokenKind::NotEqual},
    {"<>", TokenKind::NotEqual},
    {"<=", TokenKind::LessEqual},
    {">=", TokenKind::GreaterEqual},
    {"=", TokenKind::Equal},
    {"<", TokenKind::Less},
    {">", TokenKind::Greater},
    {"+", TokenKind::Plus},
    {"-", TokenKind::Minus},
    {"*", TokenKind::Star},
    {"/", TokenKind::Slash},
    {"(", TokenKind::LeftParen},
    {")", TokenKind::RightParen},
    {"[", TokenKind::LeftBracket},
    {"]", TokenKind::RightBracket},
    {",", TokenKind::Comma},
    {"\xEF\xBC\x88", TokenKind::LeftParen},   // （
    {"\xEF\xBC\x89", TokenKind::RightParen},  // ）
    {"\xEF\xBC\x8C", TokenKind::Comma},       // ，
}};

struct Keyword {
  std::string_view spelling;
  TokenKind kind;
};
constexpr std::array<Keyword, 6> kKeywords{{
    {"and", TokenKind::And},
    {"or", TokenKind::Or},
    {"not", TokenKind::Not},
    {"in", TokenKind::In},
    {"is", TokenKind::Is},
    {"null", TokenKind::Null},
}};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool is_name_start(char c) {
  return is_ascii_letter(c) || c == '_' || static_cast<unsigned char>(c) >= 0x80;
}

bool is_name_continue(char c) { return is_name_start(c) || is_digit(c) || c == '.'; }

bool is_ascii_whitespace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::optional<TokenKind> keyword_kind(std::string_view word) {
  for (const Keyword& keyword : kKeywords) {
    if (word.size() != keyword.spelling.size()) {
      continue;
    }
    bool same = true;
    for (std::size_t i = 0; i < word.size(); ++i) {
      same = same && ascii_lower(word[i]) == keyword.spelling[i];
    }
    if (same) {
      return keyword.kind;
    }
  }
  return std::nullopt;
}

// Bytes in the UTF-8 sequence a lead byte starts, so messages never cut a character in half.
std::size_t utf8_sequence_length(char lead) {
  const auto byte = static_cast<unsigned char>(lead);
  if (byte < 0xC0) {
    return 1;
  }
  if (byte < 0xE0) {
    return 2;
  }
  return byte < 0xF0 ? 3 : 4;
}

std::string quoted(std::string_view text) {
  std::string out = "\"";
  out += text;
  out += '"';
  return out;
}

std::string_view hint_for(char c) {
  switch (c) {
    case '&':
      return R"(; use "and")";
    case '|':
      return R"(; use "or")";
    case '!':
      return R"(; use "not" or "!=")";
    default:
      return "";
  }
}

std::uint32_t to_offset(std::size_t position) { return static_cast<std::uint32_t>(position); }

class Lexer {
 public:
  explicit Lexer(std::string_view text) : text_(text) {}

  std::vector<Token> run() {
    std::vector<Token> tokens;
    for (skip_whitespace(); !at_end(); skip_whitespace()) {
      tokens.push_back(next_token());
    }
    tokens.push_back({TokenKind::End, span_from(pos_), ""});
    return tokens;
  }

 private:
  bool at_end() const { return pos_ >= text_.size(); }
  char peek(std::size_t ahead = 0) const {
    return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0';
  }
  bool at(std::string_view bytes) const { return text_.substr(pos_).starts_with(bytes); }
  Span span_from(std::size_t start) const { return {to_offset(start), to_offset(pos_ - start)}; }

  Token make(TokenKind kind, std::size_t start) const {
    return {kind, span_from(start), std::string(text_.substr(start, pos_ - start))};
  }

  std::size_t whitespace_length() const {
    if (is_ascii_whitespace(peek())) {
      return 1;
    }
    if (at(kNoBreakSpace)) {
      return kNoBreakSpace.size();
    }
    return at(kIdeographicSpace) ? kIdeographicSpace.size() : 0;
  }

  const Symbol* symbol() const {
    for (const Symbol& symbol : kSymbols) {
      if (at(symbol.spelling)) {
        return &symbol;
      }
    }
    return nullptr;
  }

  // Names run on through any byte >= 0x80, so the multi-byte spaces and punctuation must stop
  // them: `金额（元）` is a name and a parenthesis, not one name.
  bool at_name_byte() const {
    const char c = peek();
    if (at_end() || !is_name_continue(c)) {
      return false;
    }
    return static_cast<unsigned char>(c) < 0x80 || (whitespace_length() == 0 && !symbol());
  }

  void skip_whitespace() {
    while (!at_end() && whitespace_length() > 0) {
      pos_ += whitespace_length();
    }
  }

  void skip_name_bytes() {
    while (at_name_byte()) {
      ++pos_;
    }
  }

  void skip_digits() {
    while (is_digit(peek())) {
      ++pos_;
    }
  }

  Token next_token() {
    const char c = peek();
    if (is_digit(c)) {
      return lex_number();
    }
    if (c == '"' || c == '\'') {
      return lex_string();
    }
    if (const Symbol* found = symbol()) {
      const std::size_t start = pos_;
      pos_ += found->spelling.size();
      return make(found->kind, start);
    }
    if (is_name_start(c)) {
      return lex_name();
    }
    fail_unexpected_character();
  }

  Token lex_number() {
    const std::size_t start = pos_;
    skip_digits();
    if (peek() == '.' && is_digit(peek(1))) {
      ++pos_;
      skip_digits();
    }
    if (peek() == '%') {
      ++pos_;
    }
    if (at_name_byte()) {
      // `8万`, `1e5`, `1.` and `2x` are one mistake, not a number followed by a name.
      skip_name_bytes();
      std::string message = "invalid number ";
      message += quoted(text_.substr(start, pos_ - start));
      throw SyntaxError(span_from(start), message);
    }
    return make(TokenKind::Number, start);
  }

  Token lex_name() {
    const std::size_t start = pos_;
    skip_name_bytes();
    Token token = make(TokenKind::Name, start);
    token.kind = keyword_kind(token.text).value_or(TokenKind::Name);
    return token;
  }

  Token lex_string() {
    const std::size_t start = pos_;
    const char quote = text_[pos_++];
    std::string value;
    while (!at_end() && peek() != quote) {
      value.push_back(peek() == '\\' ? lex_escape(start) : text_[pos_++]);
    }
    if (at_end()) {
      fail_unterminated_string(start);
    }
    ++pos_;
    return {TokenKind::String, span_from(start), std::move(value)};
  }

  char lex_escape(std::size_t string_start) {
    const std::size_t backslash = pos_++;
    if (at_end()) {
      fail_unterminated_string(string_start);
    }
    const char escaped = text_[pos_++];
    switch (escaped) {
      case '"':
      case '\'':
      case '\\':
        return escaped;
      case 'n':
        return '\n';
      case 't':
        return '\t';
      default:
        break;
    }
    const std::size_t length =
        std::min(1 + utf8_sequence_length(escaped), text_.size() - backslash);
    std::string message = "unknown escape ";
    message += quoted(text_.substr(backslash, length));
    message += R"(; write "\\" for a backslash)";
    throw SyntaxError({to_offset(backslash), to_offset(length)}, message);
  }

  [[noreturn]] void fail_unterminated_string(std::size_t start) const {
    throw SyntaxError({to_offset(start), 1}, "unterminated string: expected a closing quote");
  }

  [[noreturn]] void fail_unexpected_character() const {
    const char c = peek();
    const auto byte = static_cast<unsigned char>(c);
    const Span where{to_offset(pos_), 1};
    if (byte < 0x20 || byte == 0x7F) {
      throw SyntaxError(where, fmt::format("unexpected control character 0x{:02X}", byte));
    }
    std::string message = "unexpected character ";
    message += quoted(std::string_view(&c, 1));
    message += hint_for(c);
    throw SyntaxError(where, message);
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

}  // namespace

std::vector<Token> tokenize(std::string_view text) {
  if (text.size() > std::numeric_limits<std::uint32_t>::max()) {
    throw SyntaxError({}, "expression is too long");
  }
  return Lexer(text).run();
}

}  // namespace kpi::expr
