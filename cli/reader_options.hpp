// SPDX-License-Identifier: MIT
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "kpi/app/inspect.hpp"

namespace kpi::cli {

/// The options every command that reads exports shares.
struct ReaderFlags {
  std::string encoding;
  std::string delimiter;
  bool strict = false;
};

void add_reader_flags(CLI::App& command, ReaderFlags& flags);
csv::ReaderOptions to_reader_options(const ReaderFlags& flags);

}  // namespace kpi::cli
