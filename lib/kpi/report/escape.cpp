// SPDX-License-Identifier: MIT
#include "kpi/report/escape.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>

namespace kpi {

void append_json_string(std::string& out, std::string_view text) {
  out.push_back('"');
  for (char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          fmt::format_to(std::back_inserter(out), "\\u{:04x}", static_cast<unsigned>(c));
        } else {
          out.push_back(c);
        }
    }
  }
  out.push_back('"');
}

void append_csv_field(std::string& out, std::string_view field, char delimiter) {
  if (field.find_first_of(std::string{delimiter, '"', '\r', '\n'}) == std::string_view::npos) {
    out.append(field);
    return;
  }
  out.push_back('"');
  for (char c : field) {
    if (c == '"') {
      out.push_back('"');
    }
    out.push_back(c);
  }
  out.push_back('"');
}

std::string escape_controls(std::string_view text) {
  const auto is_control = [](unsigned char c) { return c < 0x20 || c == 0x7F || c == 0xC2; };
  if (std::none_of(text.begin(), text.end(),
                   [&](char c) { return is_control(static_cast<unsigned char>(c)); })) {
    return std::string(text);
  }
  std::string out;
  out.reserve(text.size() + 8);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
        static_cast<unsigned char>(text[i + 1]) <= 0x9F) {
      fmt::format_to(std::back_inserter(out), "\\u{:04x}",
                     static_cast<unsigned>(static_cast<unsigned char>(text[i + 1])));
      ++i;
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20 || c == 0x7F) {
      fmt::format_to(std::back_inserter(out), "\\x{:02x}", static_cast<unsigned>(c));
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

bool starts_like_formula(std::string_view text) {
  return !text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos;
}

void append_spreadsheet_text(std::string& out, std::string_view text, char delimiter) {
  if (starts_like_formula(text)) {
    std::string quoted = "'";
    quoted += text;
    append_csv_field(out, quoted, delimiter);
    return;
  }
  append_csv_field(out, text, delimiter);
}

void append_delimited_cell(std::string& out, std::string_view cell, bool number, char delimiter) {
  if (delimiter == '\t') {
    std::string plain(!number && starts_like_formula(cell) ? "'" : "");
    plain += cell;
    std::replace_if(
        plain.begin(), plain.end(), [](char c) { return c == '\t' || c == '\n' || c == '\r'; },
        ' ');
    out += plain;
  } else if (number) {
    append_csv_field(out, cell, delimiter);
  } else {
    append_spreadsheet_text(out, cell, delimiter);
  }
}

void append_html_text(std::string& out, std::string_view text) {
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        if ((static_cast<unsigned char>(c) >= 0x20 && c != 0x7F) || c == '\t' || c == '\n') {
          out += c;
        }
    }
  }
}

std::string html_text(std::string_view text) {
  std::string out;
  append_html_text(out, text);
  return out;
}

}  // namespace kpi
