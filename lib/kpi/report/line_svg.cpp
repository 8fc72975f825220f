// SPDX-License-Identifier: MIT
#include "kpi/report/line_svg.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "kpi/report/escape.hpp"
#include "kpi/report/number_format.hpp"

namespace kpi::report {
namespace {

// Eight colours that stay apart for most eyes (Okabe–Ito, with black for the eighth).
constexpr const char* kColours[] = {"#0072b2", "#e69f00", "#009e73", "#d55e00",
                                    "#cc79a7", "#56b4e9", "#b8a400", "#000000"};

struct Range {
  long double low = 0, high = 0;
  long double span() const { return high > low ? high - low : 1; }
};

Range range_of(const std::vector<std::optional<long double>>& values, Range start, bool empty) {
  for (const std::optional<long double>& value : values) {
    if (value) {
      start.low = empty ? *value : std::min(start.low, *value);
      start.high = empty ? *value : std::max(start.high, *value);
      empty = false;
    }
  }
  return start;
}

// The x of period `index` of `count` across `width`, from `left`.
double x_of(std::size_t index, std::size_t count, double left, double width) {
  return count <= 1 ? left + width / 2
                    : left + width * static_cast<double>(index) / static_cast<double>(count - 1);
}

// The segments of a line, split where a period has no value: "x,y x,y" each.
std::vector<std::string> segments(const std::vector<std::optional<long double>>& values,
                                  const Range& range, double left, double top, double width,
                                  double height) {
  std::vector<std::string> runs(1);
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (!values[i]) {
      if (!runs.back().empty()) {
        runs.emplace_back();
      }
      continue;
    }
    const double x = x_of(i, values.size(), left, width);
    const double y =
        top + height - height * static_cast<double>((*values[i] - range.low) / range.span());
    runs.back() += fmt::format("{}{:.1f},{:.1f}", runs.back().empty() ? "" : " ", x, y);
  }
  if (runs.back().empty()) {
    runs.pop_back();
  }
  return runs;
}

// A number on the axis: short, as people write it (1.2万 is for later; 12000 is clear).
std::string axis_number(long double value) {
  const long double magnitude = std::fabs(value);
  return format_fixed(value, magnitude >= 100 || magnitude == 0 ? 0 : magnitude >= 1 ? 1 : 2);
}

}  // namespace

std::string sparkline(const std::vector<std::optional<long double>>& values,
                      std::string_view label) {
  constexpr double kWidth = 120, kHeight = 28, kPad = 3;
  const bool any = std::any_of(values.begin(), values.end(),
                               [](const std::optional<long double>& v) { return v.has_value(); });
  std::string svg =
      fmt::format("<svg class=\"spark\" viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"{}\">",
                  kWidth, kHeight, html_text(label));
  if (!any) {
    return svg + "</svg>";
  }
  const Range range = range_of(values, {}, true);
  for (const std::string& run :
       segments(values, range, kPad, kPad, kWidth - 2 * kPad, kHeight - 2 * kPad)) {
    if (run.find(' ') == std::string::npos) {
      svg += fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"1.5\"/>", run.substr(0, run.find(',')),
                         run.substr(run.find(',') + 1));
    } else {
      svg += fmt::format("<polyline points=\"{}\"/>", run);
    }
  }
  // A dot on the latest value, where the eye goes.
  for (std::size_t i = values.size(); i-- > 0;) {
    if (values[i]) {
      const double x = x_of(i, values.size(), kPad, kWidth - 2 * kPad);
      const double y =
          kPad + (kHeight - 2 * kPad) -
          (kHeight - 2 * kPad) * static_cast<double>((*values[i] - range.low) / range.span());
      svg += fmt::format("<circle class=\"last\" cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"2.5\"/>", x, y);
      break;
    }
  }
  return svg + "</svg>";
}

std::string line_chart(const std::vector<ChartLine>& lines, const std::vector<std::string>& labels,
                       std::optional<long double> reference, std::string_view title) {
  constexpr double kWidth = 640, kHeight = 240, kLeft = 48, kRight = 16, kTop = 12, kBottom = 40;
  const double width = kWidth - kLeft - kRight, height = kHeight - kTop - kBottom;
  Range range{0, reference.value_or(0)};
  for (const ChartLine& line : lines) {
    range = range_of(line.values, range, false);
  }
  std::string svg =
      fmt::format("<svg class=\"chart\" viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"{}\">\n",
                  kWidth, kHeight, html_text(title));
  // The axis: the bottom and the top of the range, and the reference (else the middle), with
  // their numbers.
  for (const long double value :
       {range.low, reference.value_or((range.low + range.high) / 2), range.high}) {
    const double y =
        kTop + height - height * static_cast<double>((value - range.low) / range.span());
    svg += fmt::format(
        "<line class=\"grid\" x1=\"{}\" y1=\"{:.1f}\" x2=\"{}\" y2=\"{:.1f}\"/>"
        "<text class=\"tick\" x=\"{}\" y=\"{:.1f}\">{}</text>\n",
        kLeft, y, kLeft + width, y, kLeft - 6, y + 4, axis_number(value));
  }
  if (reference) {
    const double y =
        kTop + height - height * static_cast<double>((*reference - range.low) / range.span());
    svg +=
        fmt::format("<line class=\"reference\" x1=\"{}\" y1=\"{:.1f}\" x2=\"{}\" y2=\"{:.1f}\"/>\n",
                    kLeft, y, kLeft + width, y);
  }
  // Period labels: every one when they fit, else every second, third… so they never overlap.
  const std::size_t every =
      std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil(labels.size() * 64.0 / width)));
  for (std::size_t i = 0; i < labels.size(); i += every) {
    svg +=
        fmt::format("<text class=\"period\" x=\"{:.1f}\" y=\"{}\">{}</text>\n",
                    x_of(i, labels.size(), kLeft, width), kTop + height + 16, html_text(labels[i]));
  }
  for (std::size_t l = 0; l < lines.size(); ++l) {
    const char* colour = kColours[l % std::size(kColours)];
    svg += fmt::format("<g stroke=\"{0}\" fill=\"{0}\"><title>{1}</title>", colour,
                       html_text(lines[l].name));
    for (const std::string& run : segments(lines[l].values, range, kLeft, kTop, width, height)) {
      svg += fmt::format("<polyline points=\"{}\"/>", run);
      std::size_t start = 0;
      while (start < run.size()) {
        const std::size_t end = std::min(run.find(' ', start), run.size());
        const std::string point = run.substr(start, end - start);
        svg += fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"3\"/>",
                           point.substr(0, point.find(',')), point.substr(point.find(',') + 1));
        start = end + 1;
      }
    }
    svg += "</g>\n";
  }
  svg += "</svg>\n";
  if (lines.size() > 1) {
    svg += "<ul class=\"legend\">";
    for (std::size_t l = 0; l < lines.size(); ++l) {
      svg += fmt::format("<li><span style=\"background:{}\"></span>{}</li>",
                         kColours[l % std::size(kColours)], html_text(lines[l].name));
    }
    svg += "</ul>\n";
  }
  return svg;
}

}  // namespace kpi::report
