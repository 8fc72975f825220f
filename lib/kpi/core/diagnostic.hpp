// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>

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

/// How many characters (UTF-8 code points) the first `bytes` bytes of `text` hold: a column
/// counts characters, so a place found as a byte offset inside a text is moved by this.
inline std::uint64_t characters_in(std::string_view text, std::size_t bytes) {
  std::uint64_t characters = 0;
  for (std::size_t i = 0; i < bytes && i < text.size(); ++i) {
    characters += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 ? 1 : 0;
  }
  return characters;
}

/// How many names a message lists before it says "… and N more".
inline constexpr std::size_t kListedNames = 20;

/// The first `limit` of `names`, each between `quote`s, joined with `separator`, then
/// "… and N more" for the rest: a message about a 100 000-column header stays one short line.
std::string join_elided(std::span<const std::string> names, std::string_view separator,
                        std::string_view quote = "", std::size_t limit = kListedNames);

/// The longest message render() gives in full; a longer one (a list that was not elided) keeps
/// its start and its end around "… (N bytes left out) …".
inline constexpr std::size_t kMessageLimit = 4096;

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
