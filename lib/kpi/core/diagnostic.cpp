// SPDX-License-Identifier: MIT
#include "kpi/core/diagnostic.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace kpi {

namespace {

// The position at or before `at` where a UTF-8 character starts.
std::size_t character_start(std::string_view text, std::size_t at) {
  while (at > 0 && at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) {
    --at;
  }
  return at;
}

std::string bounded(const std::string& message) {
  if (message.size() <= kMessageLimit) {
    return message;
  }
  // The start says what is wrong; the end often says what to do (did you mean …?).
  const std::size_t head = character_start(message, kMessageLimit / 2);
  const std::size_t tail = character_start(message, message.size() - kMessageLimit / 4);
  return fmt::format("{} … ({} bytes left out) … {}", message.substr(0, head), tail - head,
                     message.substr(tail));
}

}  // namespace

std::string join_elided(std::span<const std::string> names, std::string_view separator,
                        std::string_view quote, std::size_t limit) {
  std::string joined;
  const std::size_t shown = std::min(names.size(), limit);
  for (std::size_t i = 0; i < shown; ++i) {
    if (i > 0) {
      joined += separator;
    }
    joined += quote;
    joined += names[i];
    joined += quote;
  }
  if (shown < names.size()) {
    joined += fmt::format("{}… and {} more", separator, names.size() - shown);
  }
  return joined;
}

std::string render(const Diagnostic& diagnostic) {
  const SourceLocation& where = diagnostic.where;
  const std::string message = bounded(diagnostic.message);
  if (where.file.empty()) {
    return message;
  }
  if (where.line == 0) {
    return fmt::format("{}: {}", where.file, message);
  }
  if (where.column == 0) {
    return fmt::format("{}:{}: {}", where.file, where.line, message);
  }
  return fmt::format("{}:{}:{}: {}", where.file, where.line, where.column, message);
}

Error::Error(Diagnostic diagnostic)
    : std::runtime_error(render(diagnostic)), diagnostic_(std::move(diagnostic)) {}

ErrorKind kind_of(const Diagnostic& diagnostic) {
  const std::string& code = diagnostic.code;
  if (code.starts_with("usage.")) {
    return ErrorKind::Usage;
  }
  if (code.starts_with("library.") || code.starts_with("plan.")) {
    return ErrorKind::Library;
  }
  return ErrorKind::Data;
}

}  // namespace kpi
