// SPDX-License-Identifier: MIT
#include "init_command.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <filesystem>
#include <memory>

#include "kpi/app/inspect.hpp"
#include "kpi/app/starter_library.hpp"
#include "output.hpp"
#include "reader_options.hpp"
#include "templates.hpp"

namespace kpi::cli {
namespace {

struct InitFlags {
  std::string template_name;
  std::vector<std::string> exports;
  ReaderFlags reader;  // how to read the exports, as for kpi inspect
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

using StarterFile = std::pair<std::string, std::string>;  // file name, content

// Writes the starter files into `folder`, all or none, and returns their names.
std::vector<std::string_view> write_starter(const std::vector<StarterFile>& starter,
                                            const InitFlags& flags) {
  const std::filesystem::path folder(flags.folder);
  std::error_code error;
  const bool folder_existed = std::filesystem::exists(folder, error);
  if (folder_existed && !std::filesystem::is_directory(folder, error)) {
    make_folder(folder);  // the usage error for a file
  }
  for (const auto& [name, content] : starter) {
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
  // A template's sample exports go in folders of their own (data/), made here and removed
  // with the files when the writing fails.
  std::vector<std::filesystem::path> made;
  for (const auto& [name, content] : starter) {
    const std::filesystem::path parent = (folder / name).parent_path();
    if (parent != folder && !std::filesystem::exists(parent, error)) {
      make_folder(parent);
      made.push_back(parent);
    }
  }
  // All the starter files or none: a full disk must not leave half a set that a second
  // `kpi init` then refuses to complete.
  std::vector<std::pair<std::string, std::string_view>> files;
  for (const auto& [name, content] : starter) {
    files.emplace_back((folder / name).string(), content);
  }
  try {
    write_files_all_or_none(files);
  } catch (const Error&) {
    for (auto it = made.rbegin(); it != made.rend(); ++it) {
      std::filesystem::remove(*it, error);  // only if empty: made for these files
    }
    if (!folder_existed) {
      std::filesystem::remove(folder, error);  // only if empty: it was made for these files
    }
    throw;
  }
  std::vector<std::string_view> written;
  for (const auto& file : starter) {
    written.push_back(file.first);
  }
  return written;
}

int run_template(const InitFlags& flags) {
  const Template& chosen = find_template(flags.template_name);
  std::vector<StarterFile> starter;
  for (const auto& [name, content] : chosen.files) {
    starter.emplace_back(name, content);
  }
  // The sample exports are counted, not listed: beauty's are 27.
  std::vector<std::string_view> written;
  std::size_t samples = 0;
  for (const std::string_view name : write_starter(starter, flags)) {
    if (name.find('/') == std::string_view::npos) {
      written.push_back(name);
    } else {
      ++samples;
    }
  }
  // A template with its data runs first, and is then adapted; one without needs the user's
  // exports mapped before anything runs.
  write_stdout(fmt::format(
      "wrote {}{} in {}\n"
      "next:\n{}",
      fmt::join(written, ", "),
      samples == 0 ? std::string() : fmt::format(" and {} sample exports (data/)", samples),
      flags.folder,
      chosen.has_data
          ? "  1. kpi check                     check the library, the plan and the sample data\n"
            "  2. kpi report --period 2025-06   score the plan on the sample\n"
            "  3. kpi inspect YOUR_EXPORT.csv   see your columns, then map them in kpi.toml\n"
          : "  1. kpi inspect YOUR_EXPORT.csv   see your columns, then map them in kpi.toml\n"
            "  2. kpi check                     check the library, the plan and your exports\n"
            "  3. kpi report --period 2025-06   score the plan\n"));
  return 0;
}

// The export as the library in `folder` names it: a path given from here is rewritten from the
// library's folder, since a library's `files` are read from there; an absolute one is kept.
std::string path_from_folder(const std::string& file, const std::string& folder) {
  const std::filesystem::path path(file);
  if (path.is_absolute()) {
    return path.lexically_normal().string();
  }
  const std::filesystem::path here = std::filesystem::current_path();
  return (here / path)
      .lexically_normal()
      .lexically_relative((here / folder).lexically_normal())
      .string();
}

int run_from_exports(const InitFlags& flags) {
  std::vector<app::StarterExport> exports;
  for (const std::string& file : flags.exports) {
    if (file == "-") {
      throw Error({"usage.from-stdin",
                   "--from needs a file: the library reads its export again on every run",
                   {}});
    }
    exports.push_back({path_from_folder(file, flags.folder),
                       app::inspect_file(file, to_reader_options(flags.reader))});
  }
  const app::StarterFiles written = app::starter_files(exports);
  const std::vector<StarterFile> starter = {{"kpi.toml", written.library},
                                            {"plan.csv", written.plan}};
  write_stdout(
      fmt::format("wrote {} in {}\n"
                  "next:\n"
                  "  1. kpi check                 check the library, the plan and the exports\n"
                  "  2. kpi values --period all   every KPI over all the rows\n"
                  "  3. kpi report --period all   score plan.csv once its targets are yours\n",
                  fmt::join(write_starter(starter, flags), ", "), flags.folder));
  return 0;
}

int run(const InitFlags& flags) {
  if (flags.template_name.empty() == flags.exports.empty()) {
    throw Error({"usage.init-what",
                 "kpi init needs either --template NAME or --from EXPORT.csv (one or more)",
                 {}});
  }
  return flags.exports.empty() ? run_template(flags) : run_from_exports(flags);
}

}  // namespace

void setup_init(CLI::App& app, int& exit_code) {
  auto flags = std::make_shared<InitFlags>();
  CLI::App* command = app.add_subcommand(
      "init", "Start a KPI library and plan from a built-in template or from your exports");
  command->footer(
      "Examples:\n  kpi init --template clinic my_clinic\n"
      "  kpi init --from orders.csv --from members.csv my_kpis");
  command
      ->add_option("--template", flags->template_name,
                   "The template: minimal, clinic, beauty or sales")
      ->type_name("NAME");
  command
      ->add_option("--from", flags->exports,
                   "Write a library for this export instead, from what kpi inspect detects; "
                   "repeat for more exports")
      ->type_name("EXPORT")
      ->allow_extra_args(false)  // one export a --from: FOLDER after it stays the folder
      ->excludes("--template");
  command->add_option("folder", flags->folder, "Where to write (default: here)")
      ->type_name("FOLDER");
  command->add_flag("--force", flags->force, "Overwrite the files if they exist");
  add_reader_flags(*command, flags->reader);
  command->callback([flags, &exit_code] { exit_code = run(*flags); });
}

}  // namespace kpi::cli
