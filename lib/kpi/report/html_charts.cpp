// SPDX-License-Identifier: MIT
#include "kpi/report/html_charts.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "kpi/report/escape.hpp"

namespace kpi::report {
namespace {

// The bullet's drawing: a 240 × 24 box, stretched to the card's width.
constexpr double kWidth = 240, kHeight = 24;
constexpr long double kTrackEnd = 1.5L;    // 150 %: room past the default cap of 120 %
constexpr long double kAtRiskFrom = 0.9L;  // as score::ScoringOptions' default

// One decimal is enough for a drawing, and keeps the markup short and stable.
std::string x(double value) { return fmt::format("{:.1f}", value); }

}  // namespace

std::string_view status_class(score::Status status) {
  switch (status) {
    case score::Status::Met:
      return "met";
    case score::Status::AtRisk:
      return "at-risk";
    case score::Status::Missed:
      return "missed";
    case score::Status::NoValue:
    case score::Status::Scored:  // by hand, without a target: neither good nor bad
      return "no-value";
    // A period in progress: on pace is as good as met, behind is a warning.
    case score::Status::Ahead:
    case score::Status::OnPace:
      return "met";
    case score::Status::Behind:
      return "at-risk";
  }
  return "no-value";
}

std::string bullet_bar(std::optional<long double> achievement, std::optional<long double> cap,
                       score::Status status, std::string_view label) {
  const long double end = std::max(kTrackEnd, cap.value_or(0) + 0.1L);
  const auto at = [&](long double ratio) {
    return static_cast<double>(std::clamp<long double>(ratio, 0, end) / end) * kWidth;
  };
  std::string svg = fmt::format(
      "<svg class=\"bullet\" viewBox=\"0 0 {} {}\" preserveAspectRatio=\"none\" role=\"img\" "
      "aria-label=\"{}\">",
      kWidth, kHeight, html_text(label));
  svg += fmt::format("<rect class=\"track\" width=\"{}\" height=\"{}\"/>", kWidth, kHeight);
  if (cap && *cap > 1) {
    svg += fmt::format("<rect class=\"stretch\" x=\"{}\" width=\"{}\" height=\"{}\"/>", x(at(1)),
                       x(at(*cap) - at(1)), kHeight);
  }
  if (achievement) {
    const double width = at(*achievement);
    svg += fmt::format("<rect class=\"bar {}\" y=\"6\" width=\"{}\" height=\"12\"/>",
                       status_class(status), x(width));
    if (*achievement > end) {
      svg += fmt::format("<path class=\"bar {}\" d=\"M{} 2 L{} 12 L{} 22 Z\"/>",
                         status_class(status), x(kWidth - 8), x(kWidth), x(kWidth - 8));
    }
  }
  svg += fmt::format("<rect class=\"target\" x=\"{}\" width=\"2\" height=\"{}\"/>", x(at(1) - 1),
                     kHeight);
  if (cap && *cap > 1) {
    svg += fmt::format("<line class=\"cap\" x1=\"{0}\" x2=\"{0}\" y1=\"0\" y2=\"{1}\"/>",
                       x(at(*cap)), kHeight);
  }
  return svg + "</svg>";
}

std::string ranked_bar(long double score, long double scale, score::Status status) {
  const double width =
      scale > 0 ? static_cast<double>(std::clamp<long double>(score / scale, 0, 1)) * 200 : 0;
  const double target =
      scale > 0 ? static_cast<double>(std::min<long double>(100 / scale, 1)) * 200 : 0;
  return fmt::format(
      "<svg class=\"rank-bar\" viewBox=\"0 0 200 14\" preserveAspectRatio=\"none\" "
      "aria-hidden=\"true\"><rect class=\"track\" width=\"200\" height=\"14\"/>"
      "<rect class=\"bar {}\" y=\"2\" width=\"{}\" height=\"10\"/>"
      "<rect class=\"target\" x=\"{}\" width=\"1.5\" height=\"14\"/></svg>",
      status_class(status), x(width), x(target - 0.75));
}

score::Status total_status(std::optional<long double> total) {
  if (!total) {
    return score::Status::NoValue;
  }
  if (*total >= 100) {
    return score::Status::Met;
  }
  return *total >= kAtRiskFrom * 100 ? score::Status::AtRisk : score::Status::Missed;
}

}  // namespace kpi::report
