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

[[noreturn]] void fail_folder(const std::filesystem::path& folder, const std::string& what,
                              const std::error_code& error) {
  throw Error(
      {"data.write", fmt::format("cannot {}: {}", what, error.message()), {folder.string()}});
}

// The folder to write in, made if needed; a usage error when the path is not a folder.
void make_folder(const std::filesystem::path& folder) {
  std::error_code error;
  const std::filesystem::file_status status = std::filesystem::status(folder, error);
  if (std::filesystem::exists(status)) {
    if (!std::filesystem::is_directory(status)) {
      throw Error({"usage.not-a-folder",
                   "is a file, not a folder; kpi init writes its starter files into a folder "
                   "(give a new or existing folder)",
                   {folder.string()}});
    }
    return;
  }
  std::filesystem::create_directories(folder, error);
  if (error) {
    fail_folder(folder, "create the folder", error);
  }
}

int run(const InitFlags& flags) {
  const Template& chosen = find_template(flags.template_name);
  const std::filesystem::path folder(flags.folder);
  std::error_code error;
  const bool folder_existed = std::filesystem::exists(folder, error);
  if (folder_existed && !std::filesystem::is_directory(folder, error)) {
    make_folder(folder);  // the usage error for a file
  }
  for (const auto& [name, content] : chosen.files) {
    const std::filesystem::path path = folder / name;
    if (std::filesystem::exists(std::filesystem::symlink_status(path, error)) && !flags.force) {
      throw Error({"usage.exists",
                   fmt::format("{} exists; kpi init leaves it alone unless --force", name),
                   {path.string()}});
    }
    if (std::filesystem::is_directory(path, error)) {
      throw Error({"usage.exists",
                   fmt::format("{} is a folder; kpi init writes a file there", name),
                   {path.string()}});
    }
  }
  make_folder(folder);
  // All the starter files or none: a full disk must not leave half a set that a second
  // `kpi init` then refuses to complete.
  std::vector<std::pair<std::string, std::string_view>> files;
  for (const auto& [name, content] : chosen.files) {
    files.emplace_back((folder / name).string(), content);
  }
  try {
    write_files_all_or_none(files);
  } catch (const Error&) {
    if (!folder_existed) {
      std::filesystem::remove(folder, error);  // only if empty: it was made for these files
    }
    throw;
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
      ->type_name("NAME")
      ->required();
  command->add_option("folder", flags->folder, "Where to write (default: here)")
      ->type_name("FOLDER");
  command->add_flag("--force", flags->force, "Overwrite the files if they exist");
  command->callback([flags, &exit_code] { exit_code = run(*flags); });
}

}  // namespace kpi::cli
