// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

namespace kpi {

/// Where a diagnostic points: a file (an export, the library), and optionally a line and a
/// column. For CSV data the column is the 1-based field number; for the library it is the
/// character column. 0 means "not known".
struct SourceLocation {
  std::string file;
  std::uint64_t line = 0;
  std::uint64_t column = 0;
};

/// What went wrong and where, in words a user can act on.
struct Diagnostic {
  std::string code;     ///< stable identifier, e.g. "csv.unterminated-quote"
  std::string message;  ///< one sentence, user input in quotes
  SourceLocation where;
};

/// Renders `file:line:column: message`, leaving out the parts that are not known.
std::string render(const Diagnostic& diagnostic);

/// The one exception type of the library: a fatal problem with its diagnostic.
class Error : public std::runtime_error {
 public:
  explicit Error(Diagnostic diagnostic);
  const Diagnostic& diagnostic() const noexcept { return diagnostic_; }

 private:
  Diagnostic diagnostic_;
};

/// The kind of fatal error, which decides the exit code the command line reports.
enum class ErrorKind { Usage, Library, Data };

/// Errors whose code starts with "usage." are usage errors, "library." and "plan." library
/// errors, and everything else data errors.
ErrorKind kind_of(const Diagnostic& diagnostic);

}  // namespace kpi
