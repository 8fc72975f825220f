// SPDX-License-Identifier: MIT
#include "kpi/core/diagnostic.hpp"

#include <fmt/format.h>

namespace kpi {

std::string render(const Diagnostic& diagnostic) {
  const SourceLocation& where = diagnostic.where;
  if (where.file.empty()) {
    return diagnostic.message;
  }
  if (where.line == 0) {
    return fmt::format("{}: {}", where.file, diagnostic.message);
  }
  if (where.column == 0) {
    return fmt::format("{}:{}: {}", where.file, where.line, diagnostic.message);
  }
  return fmt::format("{}:{}:{}: {}", where.file, where.line, where.column, diagnostic.message);
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
