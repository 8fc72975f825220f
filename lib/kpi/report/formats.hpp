// SPDX-License-Identifier: MIT
// The output formats, each named once: --format of every command, its help text and the
// renderers read this table.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kpi::report {

enum class Format { Table, Markdown, Csv, Tsv, Json, Jsonl, Xlsx, Html, Png };

struct FormatInfo {
  Format format;
  std::string_view name;     ///< what --format takes
  std::string_view meaning;  ///< one line for the docs
};

/// Every format, in the order help texts list them.
std::span<const FormatInfo> formats();

/// The formats each command writes, its default first.
inline constexpr Format kReportFormats[] = {Format::Table, Format::Csv,   Format::Tsv,
                                            Format::Json,  Format::Jsonl, Format::Markdown,
                                            Format::Xlsx,  Format::Html,  Format::Png};
inline constexpr Format kValuesFormats[] = {Format::Table, Format::Csv,   Format::Tsv,
                                            Format::Json,  Format::Jsonl, Format::Markdown,
                                            Format::Xlsx,  Format::Html};

/// Formats that are not text: refused on a terminal, where they would be noise.
inline constexpr bool is_binary(Format format) {
  return format == Format::Xlsx || format == Format::Png;
}
inline constexpr Format kRecordFormats[] = {Format::Json, Format::Jsonl, Format::Csv};

/// "table (default), csv or json": the names of `subset` for a help text.
std::string format_names(std::span<const Format> subset);

/// The names of `subset`, in its order: the choices of a --format option.
std::vector<std::string> format_choices(std::span<const Format> subset);

/// The format called `name`, or none.
std::optional<Format> find_format(std::string_view name);

}  // namespace kpi::report
