// SPDX-License-Identifier: MIT
#include "command_line.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "kpi/core/did_you_mean.hpp"

namespace kpi::cli {
namespace {

constexpr int kExitUsage = 2;

std::vector<std::string> command_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* command : app.get_subcommands({})) {
    names.push_back(command->get_name());
  }
  return names;
}

void print_usage(const CLI::App& app) {
  std::string commands;
  for (const CLI::App* command : app.get_subcommands({})) {
    commands += fmt::format("  {:<9}{}\n", command->get_name(), command->get_description());
  }
  std::fprintf(stderr, "%s",
               fmt::format("usage: kpi COMMAND [LIBRARY] [OPTIONS]\n\n{}\n"
                           "kpi COMMAND --help (or kpi help COMMAND) shows a command's options; "
                           "kpi --help shows all.\n",
                           commands)
                   .c_str());
}

int usage_error(const std::string& message) {
  std::fprintf(stderr, "kpi: error: %s\nRun with --help for more information.\n", message.c_str());
  return kExitUsage;
}

// Every long option `command` takes ("--period"), and its short ones ("-o").
std::vector<std::string> option_names(const CLI::App& command) {
  std::vector<std::string> names = {"--help", "-h"};
  for (const CLI::Option* option : command.get_options()) {
    for (const std::string& name : option->get_lnames()) {
      names.push_back("--" + name);
    }
    for (const std::string& name : option->get_snames()) {
      names.push_back("-" + name);
    }
  }
  return names;
}

// The first option of `argv` from `first` on that `command` does not take; "" when all are
// known. "--" ends the options; "-" alone is a value (standard input).
std::string unknown_option(const CLI::App& command, int first, int argc, const char* const* argv) {
  const std::vector<std::string> known = option_names(command);
  for (int i = first; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--") {
      return "";
    }
    if (arg.size() < 2 || arg[0] != '-' || (arg[1] >= '0' && arg[1] <= '9')) {
      continue;  // a value, "-", or a negative number
    }
    const std::string name(arg.substr(0, arg.find('=')));
    const bool is_short = name.size() >= 2 && name[1] != '-';
    if (is_short) {
      // -o FILE, -oFILE and -q: the option is the first letter.
      if (std::find(known.begin(), known.end(), name.substr(0, 2)) == known.end()) {
        return name.substr(0, 2);
      }
      continue;
    }
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      return name;
    }
  }
  return "";
}

}  // namespace

std::optional<int> answer_before_parsing(CLI::App& app, int argc, const char* const* argv) {
  if (argc < 2) {
    print_usage(app);
    return kExitUsage;
  }
  const std::string first = argv[1];
  const std::vector<std::string> commands = command_names(app);
  if (first == "help") {
    if (argc == 2) {
      std::fputs(app.help().c_str(), stdout);
      return 0;
    }
    CLI::App* command = nullptr;
    try {
      command = app.get_subcommand(argv[2]);
    } catch (const CLI::OptionNotFound&) {
      return usage_error(
          fmt::format("unknown command \"{}\"{}", argv[2], did_you_mean(argv[2], commands)));
    }
    std::fputs(command->help("kpi").c_str(), stdout);
    return 0;
  }
  if (first.empty() || first[0] == '-') {
    return std::nullopt;  // --help, --version: CLI11's own
  }
  if (std::find(commands.begin(), commands.end(), first) == commands.end()) {
    return usage_error(
        fmt::format("unknown command \"{}\"{}", first, did_you_mean(first, commands)));
  }
  const std::string option = unknown_option(*app.get_subcommand(first), 2, argc, argv);
  if (!option.empty()) {
    // A long option may be a typo of another; a short one is a single letter, too short to
    // guess from.
    const std::vector<std::string> known = option_names(*app.get_subcommand(first));
    const bool is_long = option.starts_with("--");
    return usage_error(fmt::format("unknown option {} for kpi {}{}", option, first,
                                   is_long ? did_you_mean(option, known) : std::string()));
  }
  return std::nullopt;
}

}  // namespace kpi::cli
