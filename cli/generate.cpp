// SPDX-License-Identifier: MIT
#include "generate.hpp"

#include <fmt/format.h>

#include <string>
#include <vector>

namespace kpi::cli {
namespace {

// roff treats a leading dot or quote as a request and a backslash as an escape.
std::string roff(std::string_view text) {
  std::string out;
  bool line_start = true;
  for (const char c : text) {
    if (c == '\\') {
      out += "\\e";
    } else if (c == '-') {
      out += "\\-";
    } else if (line_start && (c == '.' || c == '\'')) {
      out += "\\&";
      out += c;
    } else {
      out += c;
    }
    line_start = c == '\n';
  }
  return out;
}

// "-o, --output FILE", "--strict", "library LIBRARY".
std::string option_synopsis(const CLI::Option& option) {
  std::string names;
  for (const std::string& name : option.get_snames()) {
    names += fmt::format("{}-{}", names.empty() ? "" : ", ", name);
  }
  for (const std::string& name : option.get_lnames()) {
    names += fmt::format("{}--{}", names.empty() ? "" : ", ", name);
  }
  if (option.get_positional()) {
    names = option.get_name();
  }
  const std::string type = option.get_type_name();
  return option.get_expected_max() == 0 || type.empty() ? names : names + " " + type;
}

std::vector<const CLI::Option*> visible_options(const CLI::App& command) {
  return command.get_options([](const CLI::Option* option) {
    return !option->get_group().empty() && option->get_name() != "--help-all";
  });
}

std::string man_page(const CLI::App& app) {
  std::string page = fmt::format(
      ".TH KPI 1 \"\" \"kpicalc\" \"User Commands\"\n.SH NAME\nkpi \\- {}\n"
      ".SH SYNOPSIS\n.B kpi\n\\fICOMMAND\\fR [\\fILIBRARY\\fR] [\\fIOPTIONS\\fR]\n"
      ".SH DESCRIPTION\nkpi reads CSV exports of POS, CRM, ERP, finance and HR systems, computes "
      "the KPIs of a library (kpi.toml) and scores them against a plan table.\n"
      ".SH GLOBAL OPTIONS\n",
      roff(app.get_description()));
  for (const CLI::Option* option : visible_options(app)) {
    page += fmt::format(".TP\n.B {}\n{}\n", roff(option_synopsis(*option)),
                        roff(option->get_description()));
  }
  page += ".SH COMMANDS\n";
  for (const CLI::App* command : app.get_subcommands({})) {
    page += fmt::format(".SS kpi {}\n{}\n", roff(command->get_name()),
                        roff(command->get_description()));
    for (const CLI::Option* option : visible_options(*command)) {
      page += fmt::format(".TP\n.B {}\n{}\n", roff(option_synopsis(*option)),
                          roff(option->get_description()));
    }
    if (!command->get_footer().empty()) {
      page += fmt::format(".PP\n.nf\n{}\n.fi\n", roff(command->get_footer()));
    }
  }
  page += fmt::format(".SH EXIT STATUS\n.nf\n{}\n.fi\n", roff(app.get_footer()));
  page += ".SH SEE ALSO\nThe manual in the docs/ folder of the kpicalc sources.\n";
  return page;
}

// Long and short option names of `command`, space-separated: "--period --format -o …".
std::string option_words(const CLI::App& command) {
  std::string words;
  for (const CLI::Option* option : visible_options(command)) {
    if (option->get_positional()) {
      continue;
    }
    for (const std::string& name : option->get_lnames()) {
      words += fmt::format("{}--{}", words.empty() ? "" : " ", name);
    }
    for (const std::string& name : option->get_snames()) {
      words += fmt::format("{}-{}", words.empty() ? "" : " ", name);
    }
  }
  return words;
}

std::string command_words(const CLI::App& app) {
  std::string words = "help";
  for (const CLI::App* command : app.get_subcommands({})) {
    words += " " + command->get_name();
  }
  return words;
}

std::string bash_completion(const CLI::App& app) {
  std::string cases;
  for (const CLI::App* command : app.get_subcommands({})) {
    cases += fmt::format("    {}) options=\"{} -q --quiet\" ;;\n", command->get_name(),
                         option_words(*command));
  }
  return fmt::format(
      "# bash completion for kpi (kpi --generate bash)\n"
      "_kpi() {{\n"
      "  local current=${{COMP_WORDS[COMP_CWORD]}}\n"
      "  if [ \"$COMP_CWORD\" -eq 1 ]; then\n"
      "    COMPREPLY=($(compgen -W \"{} --help --version\" -- \"$current\"))\n"
      "    return\n"
      "  fi\n"
      "  local options=\"\"\n"
      "  case \"${{COMP_WORDS[1]}}\" in\n"
      "{}"
      "    help) COMPREPLY=($(compgen -W \"{}\" -- \"$current\")); return ;;\n"
      "  esac\n"
      "  if [[ \"$current\" == -* ]]; then\n"
      "    COMPREPLY=($(compgen -W \"$options\" -- \"$current\"))\n"
      "  else\n"
      "    COMPREPLY=($(compgen -f -- \"$current\"))\n"
      "  fi\n"
      "}}\n"
      "complete -o filenames -F _kpi kpi\n",
      command_words(app), cases, command_words(app));
}

// Each option of `command` as an _arguments spec, quoted: " '--period' '--format' '-o'".
std::string zsh_option_specs(const CLI::App& command) {
  std::string specs;
  for (const CLI::Option* option : visible_options(command)) {
    for (const std::string& name : option->get_lnames()) {
      specs += fmt::format(" '--{}'", name);
    }
    for (const std::string& name : option->get_snames()) {
      specs += fmt::format(" '-{}'", name);
    }
  }
  return specs;
}

std::string zsh_completion(const CLI::App& app) {
  std::string commands, cases;
  for (const CLI::App* command : app.get_subcommands({})) {
    std::string description = command->get_description();
    for (char& c : description) {
      c = c == '\'' || c == ':' ? ' ' : c;
    }
    commands += fmt::format("    '{}:{}'\n", command->get_name(), description);
    cases += fmt::format("    {}) _arguments '*:file:_files'{} ;;\n", command->get_name(),
                         zsh_option_specs(*command));
  }
  return fmt::format(
      "#compdef kpi\n"
      "# zsh completion for kpi (kpi --generate zsh)\n"
      "_kpi() {{\n"
      "  local -a commands\n"
      "  commands=(\n{}  )\n"
      "  if (( CURRENT == 2 )); then\n"
      "    _describe 'command' commands\n"
      "    return\n"
      "  fi\n"
      "  case $words[2] in\n{}  esac\n"
      "}}\n"
      "_kpi \"$@\"\n",
      commands, cases);
}

std::string fish_completion(const CLI::App& app) {
  std::string text = "# fish completion for kpi (kpi --generate fish)\n";
  const auto quoted = [](std::string_view description) {
    std::string out;
    for (const char c : description) {
      if (c == '\'' || c == '\\') {
        out += '\\';
      }
      out += c;
    }
    return out;
  };
  for (const CLI::App* command : app.get_subcommands({})) {
    text += fmt::format("complete -c kpi -n __fish_use_subcommand -a {} -d '{}'\n",
                        command->get_name(), quoted(command->get_description()));
    for (const CLI::Option* option : visible_options(*command)) {
      for (const std::string& name : option->get_lnames()) {
        text += fmt::format("complete -c kpi -n '__fish_seen_subcommand_from {}' -l {} -d '{}'\n",
                            command->get_name(), name, quoted(option->get_description()));
      }
    }
  }
  return text;
}

}  // namespace

std::optional<std::string> generate(const CLI::App& app, std::string_view kind) {
  if (kind == "man") {
    return man_page(app);
  }
  if (kind == "bash") {
    return bash_completion(app);
  }
  if (kind == "zsh") {
    return zsh_completion(app);
  }
  if (kind == "fish") {
    return fish_completion(app);
  }
  return std::nullopt;
}

}  // namespace kpi::cli
