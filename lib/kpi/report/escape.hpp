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

}  // namespace kpi
