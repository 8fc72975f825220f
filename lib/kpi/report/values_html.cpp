// SPDX-License-Identifier: MIT
#include "kpi/report/values_html.hpp"

#include <fmt/format.h>

#include "kpi/report/escape.hpp"

namespace kpi::report {
namespace {

// The html report's CJK font stack, so Chinese never falls back to a bitmap font; the table
// scrolls sideways on a phone rather than squeezing its columns.
constexpr const char* kStyle = R"css(
body { margin: 0 auto; max-width: 960px; padding: 16px; color: #1f2328; background: #fff;
  font: 15px/1.45 -apple-system, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei",
  "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Segoe UI", Roboto,
  "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 22px; margin: 0 0 12px; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; }
th, td { padding: 4px 8px; border-bottom: 1px solid #d8dee4; text-align: left; white-space: nowrap; }
th { font-size: 13px; color: #59636e; }
td.value, th.value { text-align: right; font-variant-numeric: tabular-nums; }
)css";

constexpr std::size_t kValueColumn = 4;

}  // namespace

std::string render_values_html(const std::vector<std::vector<std::string>>& rows, Lang lang) {
  const std::string title = lang == Lang::Zh ? "KPI 数值" : "KPI values";
  std::string page = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n<h1>{}</h1>\n"
      "<div class=\"scroll\"><table>\n",
      lang == Lang::Zh ? "zh-CN" : "en", title, kStyle, title);
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const char* tag = r == 0 ? "th" : "td";
    page += "<tr>";
    for (std::size_t c = 0; c < rows[r].size(); ++c) {
      page += fmt::format("<{0}{1}>{2}</{0}>", tag, c == kValueColumn ? " class=\"value\"" : "",
                          html_text(rows[r][c]));
    }
    page += "</tr>\n";
  }
  return page + "</table></div>\n</body>\n</html>\n";
}

}  // namespace kpi::report
