// SPDX-License-Identifier: MIT
#include "kpi/report/formats.hpp"

#include <algorithm>
#include <array>

namespace kpi::report {
namespace {

constexpr std::array<FormatInfo, 9> kFormats = {{
    {Format::Table, "table", "aligned text for a terminal, CJK-aware"},
    {Format::Markdown, "markdown", "the table's sections as Markdown tables"},
    {Format::Csv, "csv", "RFC 4180 comma-separated values, raw numbers, one row per line"},
    {Format::Tsv, "tsv", "the same as csv, separated by tabs"},
    {Format::Json, "json", "one JSON document"},
    {Format::Jsonl, "jsonl", "one JSON object per line"},
    {Format::Xlsx, "xlsx", "an Excel workbook: typed cells, status colours, charts"},
    {Format::Html, "html", "one self-contained web page with inline SVG charts"},
    {Format::Png, "png", "the summary card as an image 1080 px wide, for a chat group"},
}};

std::string_view name_of(Format format) {
  return std::find_if(kFormats.begin(), kFormats.end(),
                      [&](const FormatInfo& info) { return info.format == format; })
      ->name;
}

}  // namespace

std::span<const FormatInfo> formats() { return kFormats; }

std::string format_names(std::span<const Format> subset) {
  std::string text;
  for (std::size_t i = 0; i < subset.size(); ++i) {
    text += i == 0 ? "" : i + 1 == subset.size() ? " or " : ", ";
    text += name_of(subset[i]);
    text += i == 0 ? " (default)" : "";
  }
  return text;
}

std::vector<std::string> format_choices(std::span<const Format> subset) {
  std::vector<std::string> choices;
  for (const Format format : subset) {
    choices.emplace_back(name_of(format));
  }
  return choices;
}

std::optional<Format> find_format(std::string_view name) {
  const auto found = std::find_if(kFormats.begin(), kFormats.end(),
                                  [&](const FormatInfo& info) { return info.name == name; });
  return found == kFormats.end() ? std::nullopt : std::optional(found->format);
}

}  // namespace kpi::report
