// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kpi/core/diagnostic.hpp"
#include "kpi/report/status_lines.hpp"

namespace kpi::cli {

/// Called first in main: when standard output is closed, holds its descriptor so that no file
/// opened later takes it, and makes every write to standard output an error.
void guard_standard_output();

/// Report text goes to standard output; everything else goes to standard error. Throws
/// kpi::Error ("data.write") when the text cannot all be written (a full disk, a closed pipe).
void write_stdout(std::string_view text);

/// Flushes standard output; throws kpi::Error ("data.write") when any write to it failed.
void flush_stdout();

/// Writes `text` to `path` through a temporary file beside it that is renamed over `path`
/// only when complete, so a failed or killed run never leaves half a report. A symbolic link
/// is followed: its target is replaced. A device or FIFO (`-o /dev/null`) is written in place,
/// as renaming over it would replace the node. A run stopped by SIGTERM, SIGHUP, SIGINT or
/// SIGQUIT during the write removes the temporary file (SIGKILL cannot be caught). Throws
/// kpi::Error ("data.write") when the
/// folder is not writable or `path` is a folder.
void write_file_atomically(const std::string& path, std::string_view text);

/// Writes every (path, text) of `files` as write_file_atomically does, all or none: each text
/// goes to a temporary file first, and only when all are written are they renamed into place.
/// The paths must be regular files or absent (kpi init's starter files). Throws kpi::Error
/// ("data.write") on failure, having removed what it wrote.
void write_files_all_or_none(const std::vector<std::pair<std::string, std::string_view>>& files);

/// "kpi: error: pos.csv:12: …" on standard error.
void print_error(const Diagnostic& diagnostic);
void print_warning(const Diagnostic& diagnostic);
/// "kpi: warning: TEXT", its control characters escaped.
void print_warning(std::string_view text);

/// With -q/--quiet: warnings and notes are not printed (errors still are).
void set_quiet(bool on);
bool is_quiet();
void print_note(const Diagnostic& diagnostic);

/// "kpi: warning: …", "kpi: note: …" or an indented detail, one per line, on standard error.
void print_status(const std::vector<report::StatusLine>& lines);

}  // namespace kpi::cli
