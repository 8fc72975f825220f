// SPDX-License-Identifier: MIT
#include "terminal.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <charconv>
#include <cstdlib>
#include <string_view>

namespace kpi::cli {
namespace {

std::size_t terminal_width() {
  if (const char* columns = std::getenv("COLUMNS"); columns != nullptr) {
    const std::string_view text(columns);
    std::size_t width = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), width);
    if (error == std::errc() && end == text.data() + text.size() && width > 0) {
      return width;
    }
  }
  winsize size{};
  return ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 ? size.ws_col : 0;
}

bool set_and_not_empty(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr && *value != '\0';
}

}  // namespace

void add_color_flag(CLI::App& command, std::string& when) {
  command
      .add_option("--color", when,
                  "Colour the table's statuses and changes: auto (default: on a terminal, "
                  "unless NO_COLOR is set), always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->type_name("WHEN");
}

report::TerminalStyle terminal_style(const std::string& when, const std::string& output) {
  const bool terminal = output.empty() && isatty(STDOUT_FILENO) == 1;
  report::TerminalStyle style;
  if (when == "always") {
    style.colour = true;
  } else if (when == "auto") {
    const char* term = std::getenv("TERM");
    style.colour = terminal && !set_and_not_empty("NO_COLOR") &&
                   !(term != nullptr && std::string_view(term) == "dumb");
  }
  style.width = terminal ? terminal_width() : 0;
  return style;
}

}  // namespace kpi::cli
