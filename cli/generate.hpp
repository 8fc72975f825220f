// SPDX-License-Identifier: MIT
// `kpi --generate man|bash|zsh|fish`: the manual page and the shell completions, made from the
// very options and help texts the command line has, so they cannot drift from it. The build
// writes them and `cmake --install` installs them.
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace kpi::cli {

/// The text of `kind` (man, bash, zsh or fish) for `app`; none for an unknown kind.
std::optional<std::string> generate(const CLI::App& app, std::string_view kind);

}  // namespace kpi::cli
