// SPDX-License-Identifier: MIT
// A workbook being written, in the few terms the xlsx renderers need: typed cells, header rows,
// column widths, status colours and bar charts. The one user of libxlsxwriter, whose types stay
// in xlsx_book.cpp.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kpi::report {

/// Colours of the status fills: Excel's own good, neutral and bad styles.
enum class Tone { Good, Warning, Bad };

class XlsxBook;

/// One worksheet of an XlsxBook. Rows and columns count from 0.
class XlsxSheet {
 public:
  /// Its name as the workbook holds it (made valid and unique).
  const std::string& name() const { return name_; }

  void text(std::size_t row, std::size_t column, std::string_view text);
  /// A bold cell on a grey fill: the header of a table.
  void header(std::size_t row, std::size_t column, std::string_view text);
  /// A number shown with Excel's `number_format` ("0.0%", "\"¥\"#,##0.00"); none leaves the
  /// cell empty, so that a missing value never reads as 0.
  void number(std::size_t row, std::size_t column, std::optional<long double> value,
              const std::string& number_format);

  /// Sets every column as wide as its widest cell written so far (a CJK character counts two).
  void fit_columns();
  /// Keeps row 0 in view, and puts filter buttons on rows 0 to `last_row` of `columns` columns.
  void header_row(std::size_t last_row, std::size_t columns);

  /// Fills cells of rows `first_row` to `last_row`, columns `first_column` to `last_column`,
  /// when the row's cell in `key_column` holds `text`: a formula conditional format, so that
  /// the colours follow the cell if someone edits it.
  void tone_when_text(std::size_t first_row, std::size_t last_row, std::size_t first_column,
                      std::size_t last_column, std::size_t key_column, std::string_view text,
                      Tone tone);
  /// Colours one cell by its sign: above 0 in `above`, below 0 in `below`.
  void tone_by_sign(std::size_t row, std::size_t column, Tone above, Tone below);

  /// A native bar chart of `values` (rows `first_row` to `last_row` of column `value_column`)
  /// labelled by `label_column`, with axis format `number_format`, anchored at (row, column).
  void bar_chart(const std::string& title, std::size_t first_row, std::size_t last_row,
                 std::size_t label_column, std::size_t value_column,
                 const std::string& number_format, std::size_t at_row, std::size_t at_column);

  /// A native line chart anchored at (at_row, at_column) of this sheet: one line per row of
  /// `series_rows` of sheet `data`, named by the same entry of `names`, its points the cells of
  /// columns `first_column` to `last_column`, along the categories of row `category_row` in
  /// those columns (the periods). An empty cell is a gap in its line.
  void line_chart(const XlsxSheet& data, const std::string& title, std::size_t category_row,
                  const std::vector<std::size_t>& series_rows,
                  const std::vector<std::string>& names, std::size_t first_column,
                  std::size_t last_column, const std::string& number_format, std::size_t at_row,
                  std::size_t at_column);

 private:
  friend class XlsxBook;
  XlsxSheet(XlsxBook& book, void* worksheet, std::string name);

  XlsxBook* book_;
  void* worksheet_;  // lxw_worksheet
  std::string name_;
  std::vector<double> widths_;
};

/// A workbook written to a temporary file and handed back as bytes, so that `-o` writes it
/// atomically like every other format and a terminal can be refused before anything is made.
/// The same content gives the same bytes: the creation time is fixed.
class XlsxBook {
 public:
  XlsxBook();
  ~XlsxBook();
  XlsxBook(const XlsxBook&) = delete;
  XlsxBook& operator=(const XlsxBook&) = delete;

  /// A new sheet named `wanted`, made valid for Excel: at most 31 characters, none of
  /// []:*?/\, and unique ("门店 (2)" after "门店").
  XlsxSheet& add_sheet(std::string_view wanted);

  /// Closes the workbook and returns the file's bytes. Throws kpi::Error ("data.write") when
  /// libxlsxwriter fails.
  std::string finish();

 private:
  friend class XlsxSheet;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kpi::report
