// SPDX-License-Identifier: MIT
#include "kpi/report/xlsx_book.hpp"

#include <fmt/format.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <utility>

#include "kpi/core/diagnostic.hpp"
#include "kpi/report/display_width.hpp"
#include "kpi/report/number_format.hpp"

namespace kpi::report {
namespace {

constexpr std::uint8_t kA4Paper = 9;  // Excel's paper size code for A4

// The creation time written into docProps/core.xml and the zip's entries. Fixed, so that the
// same report gives the same bytes (golden tests, and no spurious change in a versioned pack).
constexpr std::time_t kCreated = 946684800;  // 2000-01-01T00:00:00Z

// Excel's "Good", "Neutral" and "Bad" cell styles: fill and font colours readers recognise.
struct ToneColours {
  lxw_color_t fill, font;
};
constexpr ToneColours kTones[] = {{0xC6EFCE, 0x006100}, {0xFFEB9C, 0x9C5700}, {0xFFC7CE, 0x9C0006}};

constexpr std::size_t kMaxSheetName = 31;  // characters, Excel's limit
constexpr double kMinWidth = 8, kMaxWidth = 60;

[[noreturn]] void fail(std::string what) { throw Error({"data.write", std::move(what), {}}); }

void check(lxw_error error, std::string_view what) {
  if (error != LXW_NO_ERROR) {
    fail(fmt::format("cannot write the xlsx {}: {}", what, lxw_strerror(error)));
  }
}

// "A", "B", … "AA": a column's letters, for the formulas of conditional formats.
std::string column_letters(std::size_t column) {
  std::string letters;
  for (std::size_t n = column + 1; n > 0; n = (n - 1) / 26) {
    letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
  }
  return letters;
}

// `wanted` cut to `limit` characters (not bytes: a cut inside a UTF-8 sequence would make the
// name invalid), with []:*?/\ replaced and no apostrophe at either end.
std::string valid_sheet_name(std::string_view wanted, std::size_t limit = kMaxSheetName) {
  std::string name;
  std::size_t characters = 0;
  for (std::size_t i = 0; i < wanted.size() && characters < limit; ++characters) {
    std::size_t length = 1;
    const auto lead = static_cast<unsigned char>(wanted[i]);
    if (lead >= 0xF0) {
      length = 4;
    } else if (lead >= 0xE0) {
      length = 3;
    } else if (lead >= 0xC0) {
      length = 2;
    }
    const std::string_view character = wanted.substr(i, length);
    const bool forbidden =
        character.size() == 1 &&
        std::string_view("[]:*?/\\").find(character[0]) != std::string_view::npos;
    const bool control = character.size() == 1 && static_cast<unsigned char>(character[0]) < 0x20;
    name += forbidden || control ? std::string_view("_") : character;
    i += length;
  }
  if (name.starts_with('\'')) {
    name.front() = '_';
  }
  if (name.ends_with('\'')) {
    name.back() = '_';
  }
  return name.empty() ? std::string("_") : name;
}

std::string lower_ascii(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  });
  return text;
}

// How wide a number shows, roughly: its digits, grouping commas, a sign, a currency symbol and
// a few decimals. Exact widths do not matter here; cut-off numbers ("####") do.
double number_width(long double value) {
  const double digits = std::floor(std::log10(std::max<long double>(std::fabs(value), 1))) + 1;
  return digits + std::floor((digits - 1) / 3) + 6;
}

}  // namespace

struct XlsxBook::Impl {
  std::filesystem::path path;
  lxw_workbook* workbook = nullptr;
  std::vector<std::unique_ptr<XlsxSheet>> sheets;
  std::map<std::string, lxw_format*> number_formats;
  lxw_format* header = nullptr;
  lxw_format* tones[3] = {};

  ~Impl() {
    if (workbook != nullptr) {
      workbook_close(workbook);  // frees it; the file is removed below
    }
    if (!path.empty()) {
      std::error_code ignored;
      std::filesystem::remove(path, ignored);
    }
  }

  lxw_format* number_format(const std::string& format) {
    auto [at, added] = number_formats.try_emplace(format, nullptr);
    if (added) {
      at->second = workbook_add_format(workbook);
      format_set_num_format(at->second, format.c_str());
    }
    return at->second;
  }
};

XlsxBook::XlsxBook() : impl_(std::make_unique<Impl>()) {
  std::string pattern = (std::filesystem::temp_directory_path() / "kpi-xlsx-XXXXXX").string();
  const int descriptor = mkstemp(pattern.data());
  if (descriptor < 0) {
    fail("cannot make a temporary file for the xlsx workbook");
  }
  close(descriptor);
  impl_->path = pattern;
  impl_->workbook = workbook_new(pattern.c_str());
  if (impl_->workbook == nullptr) {
    fail("cannot start the xlsx workbook");
  }
  lxw_doc_properties properties = {};
  properties.created = kCreated;
  check(workbook_set_properties(impl_->workbook, &properties), "properties");
  impl_->header = workbook_add_format(impl_->workbook);
  format_set_bold(impl_->header);
  format_set_bg_color(impl_->header, 0xD9D9D9);
  for (std::size_t tone = 0; tone < 3; ++tone) {
    impl_->tones[tone] = workbook_add_format(impl_->workbook);
    format_set_bg_color(impl_->tones[tone], kTones[tone].fill);
    format_set_font_color(impl_->tones[tone], kTones[tone].font);
  }
}

XlsxBook::~XlsxBook() = default;

XlsxSheet& XlsxBook::add_sheet(std::string_view wanted) {
  const std::string base = valid_sheet_name(wanted);
  std::string name = base;
  const auto taken = [&](const std::string& candidate) {
    return std::any_of(impl_->sheets.begin(), impl_->sheets.end(), [&](const auto& sheet) {
      return lower_ascii(sheet->name()) == lower_ascii(candidate);  // Excel ignores case
    });
  };
  for (int n = 2; taken(name); ++n) {
    const std::string suffix = fmt::format(" ({})", n);  // ASCII: its bytes are characters
    name = valid_sheet_name(base, kMaxSheetName - suffix.size()) + suffix;
  }
  lxw_worksheet* worksheet = workbook_add_worksheet(impl_->workbook, name.c_str());
  if (worksheet == nullptr) {
    fail(fmt::format("cannot add the xlsx sheet \"{}\"", name));
  }
  // Printed, a sheet fits the width of an A4 page turned sideways: the pack is printed for the
  // monthly meeting, and a chart cut at the page's edge is no use there.
  worksheet_set_landscape(worksheet);
  worksheet_set_paper(worksheet, kA4Paper);
  worksheet_fit_to_pages(worksheet, 1, 0);
  impl_->sheets.push_back(std::unique_ptr<XlsxSheet>(new XlsxSheet(*this, worksheet, name)));
  return *impl_->sheets.back();
}

std::string XlsxBook::finish() {
  lxw_workbook* workbook = std::exchange(impl_->workbook, nullptr);
  check(workbook_close(workbook), "workbook");
  std::ifstream in(impl_->path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in) {
    fail("cannot read back the xlsx workbook");
  }
  return bytes.str();
}

XlsxSheet::XlsxSheet(XlsxBook& book, void* worksheet, std::string name)
    : book_(&book), worksheet_(worksheet), name_(std::move(name)) {}

namespace {
lxw_worksheet* sheet_of(void* worksheet) { return static_cast<lxw_worksheet*>(worksheet); }

void widen(std::vector<double>& widths, std::size_t column, double width) {
  if (widths.size() <= column) {
    widths.resize(column + 1, 0);
  }
  widths[column] = std::max(widths[column], width);
}
}  // namespace

void XlsxSheet::text(std::size_t row, std::size_t column, std::string_view text) {
  const std::string copy(text);
  check(worksheet_write_string(sheet_of(worksheet_), static_cast<lxw_row_t>(row),
                               static_cast<lxw_col_t>(column), copy.c_str(), nullptr),
        "cell");
  widen(widths_, column, static_cast<double>(display_width(text)) + 2);
}

void XlsxSheet::header(std::size_t row, std::size_t column, std::string_view text) {
  const std::string copy(text);
  check(worksheet_write_string(sheet_of(worksheet_), static_cast<lxw_row_t>(row),
                               static_cast<lxw_col_t>(column), copy.c_str(), book_->impl_->header),
        "cell");
  // Room for the autofilter's button beside the text.
  widen(widths_, column, static_cast<double>(display_width(text)) + 4);
}

void XlsxSheet::number(std::size_t row, std::size_t column, std::optional<long double> value,
                       const std::string& number_format, std::optional<ExactUnits> exact_units) {
  if (!value) {
    return;  // an empty cell: no value is not 0
  }
  // The number as csv and json write it (six decimals at most), so that every format agrees to
  // the digit and a cell holds 76644.983333, not the binary noise of a long double; from the
  // exact decimal when there is one (a sum beyond 2^53 rounds to the double nearest it).
  const std::string digits =
      exact_units ? format_raw_units(*exact_units) : format_raw_number(*value);
  const double exact = std::strtod(digits.c_str(), nullptr);
  check(worksheet_write_number(sheet_of(worksheet_), static_cast<lxw_row_t>(row),
                               static_cast<lxw_col_t>(column), exact,
                               book_->impl_->number_format(number_format)),
        "cell");
  widen(widths_, column, number_width(*value));
}

void XlsxSheet::fit_columns() {
  for (std::size_t column = 0; column < widths_.size(); ++column) {
    const double width = std::clamp(widths_[column], kMinWidth, kMaxWidth);
    check(worksheet_set_column(sheet_of(worksheet_), static_cast<lxw_col_t>(column),
                               static_cast<lxw_col_t>(column), width, nullptr),
          "column width");
  }
}

void XlsxSheet::header_row(std::size_t last_row, std::size_t columns) {
  worksheet_freeze_panes(sheet_of(worksheet_), 1, 0);
  check(worksheet_autofilter(sheet_of(worksheet_), 0, 0, static_cast<lxw_row_t>(last_row),
                             static_cast<lxw_col_t>(columns - 1)),
        "autofilter");
}

void XlsxSheet::tone_when_text(std::size_t first_row, std::size_t last_row,
                               std::size_t first_column, std::size_t last_column,
                               std::size_t key_column, std::string_view text, Tone tone) {
  // Relative to the range's first cell: Excel moves the row along the range. Quotes in the
  // text are doubled, as a formula's string needs.
  std::string quoted;
  for (const char c : text) {
    quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  }
  std::string formula =
      fmt::format("=${}{}=\"{}\"", column_letters(key_column), first_row + 1, quoted);
  lxw_conditional_format condition = {};
  condition.type = LXW_CONDITIONAL_TYPE_FORMULA;
  condition.value_string = formula.data();
  condition.format = book_->impl_->tones[static_cast<std::size_t>(tone)];
  check(worksheet_conditional_format_range(sheet_of(worksheet_), static_cast<lxw_row_t>(first_row),
                                           static_cast<lxw_col_t>(first_column),
                                           static_cast<lxw_row_t>(last_row),
                                           static_cast<lxw_col_t>(last_column), &condition),
        "conditional format");
}

void XlsxSheet::tone_by_sign(std::size_t row, std::size_t column, Tone above, Tone below) {
  for (const auto& [criteria, tone] : {std::pair{LXW_CONDITIONAL_CRITERIA_GREATER_THAN, above},
                                       std::pair{LXW_CONDITIONAL_CRITERIA_LESS_THAN, below}}) {
    lxw_conditional_format condition = {};
    condition.type = LXW_CONDITIONAL_TYPE_CELL;
    condition.criteria = static_cast<std::uint8_t>(criteria);
    condition.value = 0;
    condition.format = book_->impl_->tones[static_cast<std::size_t>(tone)];
    check(worksheet_conditional_format_range(
              sheet_of(worksheet_), static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(column),
              static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(column), &condition),
          "conditional format");
  }
}

void XlsxSheet::bar_chart(const std::string& title, std::size_t first_row, std::size_t last_row,
                          std::size_t label_column, std::size_t value_column,
                          const std::string& number_format, std::size_t at_row,
                          std::size_t at_column) {
  lxw_chart* chart = workbook_add_chart(book_->impl_->workbook, LXW_CHART_COLUMN);
  lxw_chart_series* series = chart_add_series(chart, nullptr, nullptr);
  chart_series_set_categories(series, name_.c_str(), static_cast<lxw_row_t>(first_row),
                              static_cast<lxw_col_t>(label_column),
                              static_cast<lxw_row_t>(last_row),
                              static_cast<lxw_col_t>(label_column));
  chart_series_set_values(series, name_.c_str(), static_cast<lxw_row_t>(first_row),
                          static_cast<lxw_col_t>(value_column), static_cast<lxw_row_t>(last_row),
                          static_cast<lxw_col_t>(value_column));
  // A title starting with = would be read as a cell reference: a space keeps it text.
  const std::string shown = title.starts_with('=') ? " " + title : title;
  chart_title_set_name(chart, shown.c_str());
  chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
  chart_axis_set_num_format(chart->y_axis, number_format.c_str());
  chart_axis_set_min(chart->y_axis, 0);
  check(worksheet_insert_chart(sheet_of(worksheet_), static_cast<lxw_row_t>(at_row),
                               static_cast<lxw_col_t>(at_column), chart),
        "chart");
}

void XlsxSheet::line_chart(const XlsxSheet& data, const std::string& title,
                           std::size_t category_row, const std::vector<std::size_t>& series_rows,
                           const std::vector<std::string>& names, std::size_t first_column,
                           std::size_t last_column, const std::string& number_format,
                           std::size_t at_row, std::size_t at_column) {
  lxw_chart* chart = workbook_add_chart(book_->impl_->workbook, LXW_CHART_LINE);
  const char* sheet = data.name_.c_str();
  for (std::size_t i = 0; i < series_rows.size(); ++i) {
    const std::size_t row = series_rows[i];
    lxw_chart_series* series = chart_add_series(chart, nullptr, nullptr);
    chart_series_set_categories(
        series, sheet, static_cast<lxw_row_t>(category_row), static_cast<lxw_col_t>(first_column),
        static_cast<lxw_row_t>(category_row), static_cast<lxw_col_t>(last_column));
    chart_series_set_values(series, sheet, static_cast<lxw_row_t>(row),
                            static_cast<lxw_col_t>(first_column), static_cast<lxw_row_t>(row),
                            static_cast<lxw_col_t>(last_column));
    // A name starting with = would be read as a cell reference: a space keeps it text.
    if (i < names.size()) {
      const std::string name = names[i].starts_with('=') ? " " + names[i] : names[i];
      chart_series_set_name(series, name.c_str());
    }
    chart_series_set_marker_type(series, LXW_CHART_MARKER_AUTOMATIC);
  }
  // A title starting with = would be read as a cell reference: a space keeps it text.
  const std::string shown = title.starts_with('=') ? " " + title : title;
  chart_title_set_name(chart, shown.c_str());
  chart_show_blanks_as(chart, LXW_CHART_BLANKS_AS_GAP);
  chart_legend_set_position(
      chart, series_rows.size() > 1 ? LXW_CHART_LEGEND_BOTTOM : LXW_CHART_LEGEND_NONE);
  chart_axis_set_num_format(chart->y_axis, number_format.c_str());
  check(worksheet_insert_chart(sheet_of(worksheet_), static_cast<lxw_row_t>(at_row),
                               static_cast<lxw_col_t>(at_column), chart),
        "chart");
}

}  // namespace kpi::report
