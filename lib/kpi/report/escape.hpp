// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>

namespace kpi {

/// Appends `text` as a JSON string literal, quotes included. Control characters are escaped;
/// other UTF-8 passes through.
void append_json_string(std::string& out, std::string_view text);

/// Appends `field` as an RFC 4180 field: quoted, with quotes doubled, when it contains the
/// delimiter, a quote, CR or LF; as it is otherwise.
void append_csv_field(std::string& out, std::string_view field, char delimiter = ',');

/// `text` for a terminal or a Markdown page: control characters, which could move the cursor,
/// recolour or clear the screen (ESC) or break a table's line, are shown escaped: \t, \n and \r,
/// \xNN for the other C0 controls and DEL (ESC is \x1b), \u0080–\u009f for the C1 controls.
/// Other UTF-8 passes through.
std::string escape_controls(std::string_view text);

/// Whether a spreadsheet would run `text` as a formula: it starts with =, +, -, @, a tab or a
/// CR (OWASP's "CSV injection").
bool starts_like_formula(std::string_view text);

/// Appends a text cell of a csv or tsv meant for spreadsheets: as append_csv_field, with a
/// single quote first when the text starts like a formula ('=HYPERLINK(…)), so that Excel
/// shows it instead of running it. Numbers are written with append_csv_field: -5 stays -5.
void append_spreadsheet_text(std::string& out, std::string_view text, char delimiter = ',');

/// Appends a cell of a csv (`delimiter` ',') or a tsv ('\t') meant for spreadsheets: a text
/// cell as append_spreadsheet_text, a number (`number`) as it is; in a tsv, which has no
/// quoting, tabs and line breaks become spaces.
void append_delimited_cell(std::string& out, std::string_view cell, bool number, char delimiter);

/// Appends `text` for an HTML page, as text or inside a quoted attribute: & < > " ' as
/// entities, control characters other than tab and line break dropped (HTML does not allow
/// them). Other UTF-8 passes through.
void append_html_text(std::string& out, std::string_view text);

/// append_html_text to a new string.
std::string html_text(std::string_view text);

}  // namespace kpi
