// SPDX-License-Identifier: MIT
#include "init_command.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <filesystem>
#include <memory>

#include "output.hpp"
#include "templates.hpp"

namespace kpi::cli {
namespace {

struct InitFlags {
  std::string template_name;
  std::string folder = ".";
  bool force = false;
};

const Template& find_template(const std::string& name) {
  std::string names;
  for (const Template& candidate : templates()) {
    if (candidate.name == name) {
      return candidate;
    }
    names +=
        fmt::format("{}{} ({})", names.empty() ? "" : ", ", candidate.name, candidate.description);
  }
  throw Error({"usage.template", fmt::format("no template \"{}\"; there is {}", name, names), {}});
}

int run(const InitFlags& flags) {
  const Template& chosen = find_template(flags.template_name);
  const std::filesystem::path folder(flags.folder);
  for (const auto& [name, content] : chosen.files) {
    if (std::filesystem::exists(folder / name) && !flags.force) {
      throw Error({"usage.exists",
                   fmt::format("{} exists; kpi init leaves it alone unless --force", name),
                   {(folder / name).string()}});
    }
  }
  std::filesystem::create_directories(folder);
  for (const auto& [name, content] : chosen.files) {
    write_file_atomically((folder / name).string(), content);
  }
  std::vector<std::string_view> written;
  for (const auto& file : chosen.files) {
    written.push_back(file.first);
  }
  write_stdout(fmt::format(
      "wrote {} in {}\n"
      "next:\n"
      "  1. kpi inspect YOUR_EXPORT.csv   see your columns, then map them in kpi.toml\n"
      "  2. kpi check                     check the library, the plan and your exports\n"
      "  3. kpi report --period 2025-06   score the plan\n",
      fmt::join(written, ", "), folder.string()));
  return 0;
}

}  // namespace

void setup_init(CLI::App& app, int& exit_code) {
  auto flags = std::make_shared<InitFlags>();
  CLI::App* command =
      app.add_subcommand("init", "Start a KPI library and plan from a built-in template");
  command->footer("Example:\n  kpi init --template clinic my_clinic");
  command->add_option("--template", flags->template_name, "The template: clinic, beauty or sales")
      ->required();
  command->add_option("folder", flags->folder, "Where to write (default: here)");
  command->add_flag("--force", flags->force, "Overwrite the files if they exist");
  command->callback([flags, &exit_code] { exit_code = run(*flags); });
}

}  // namespace kpi::cli
