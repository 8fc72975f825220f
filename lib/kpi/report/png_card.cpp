// SPDX-License-Identifier: MIT
// The summary card as a PNG, drawn with cairo and laid out with pango (png_canvas.hpp): no
// browser, so a cron job on a server without a desktop can send it. Rows have fixed heights, so
// the card's height is known before anything is drawn; text that does not fit its box ends in an
// ellipsis.
#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <memory>

#include "kpi/core/diagnostic.hpp"
#include "kpi/report/html_charts.hpp"
#include "kpi/report/number_format.hpp"
#include "kpi/report/png_canvas.hpp"
#include "kpi/report/png_output.hpp"
#include "kpi/report/unit_format.hpp"

namespace kpi::report {
namespace {

constexpr int kWidth = 1080;  // what chat apps show full width on a phone without scaling up
constexpr double kMargin = 48;
constexpr double kHeaderHeight = 150;
constexpr double kSectionTitle = 70;
constexpr double kRankRow = 50;
constexpr double kScorecardHead = 80;
constexpr double kKpiRow = 54;
constexpr double kFooter = 90;
constexpr int kMaxHeight = 32000;  // cairo's image surfaces end at 32767 px
// CJK fonts first, so that Chinese never falls back to boxes; fontconfig takes the first found.
constexpr const char* kFonts =
    "Noto Sans CJK SC,Source Han Sans SC,WenQuanYi Micro Hei,Droid Sans Fallback,sans-serif";
constexpr long double kBarEnd = 1.5L;  // 150 %, as the html bullets

using Colour = PngColour;

constexpr Colour rgb(std::uint32_t hex) {
  return {((hex >> 16) & 0xFF) / 255.0, ((hex >> 8) & 0xFF) / 255.0, (hex & 0xFF) / 255.0};
}

// The html page's palette, so the picture and the page look alike.
constexpr Colour kInk = rgb(0x1F2328), kMuted = rgb(0x59636E), kLine = rgb(0xD8DEE4),
                 kTrack = rgb(0xECEFF1), kWhite = rgb(0xFFFFFF), kBand = rgb(0x24292F);

Colour status_colour(score::Status status) {
  const std::string_view name = status_class(status);
  if (name == "met") {
    return rgb(0x1E7B34);
  }
  if (name == "at-risk") {
    return rgb(0xB26A00);
  }
  return name == "missed" ? rgb(0xC62828) : rgb(0x8A8A8A);
}

using Align = PngAlign;

struct Style {
  double size;
  bool bold = false;
  Colour colour = kInk;
};

// The canvas of the module (png_canvas.hpp), with the card's own colours and styles.
class Canvas {
 public:
  explicit Canvas(int height) : canvas_(make_png_canvas(kWidth, height, kFonts)) {}

  void box(Colour colour, double x, double y, double width, double height, double radius = 0) {
    canvas_->box(colour, x, y, width, height, radius);
  }

  // The width `text` takes in `style`, unbounded.
  double measure(std::string_view text, const Style& style) {
    return canvas_->measure(text, {style.size, style.bold, style.colour});
  }

  // `text` in the box from `x`, `width` wide, centred vertically on `middle`.
  void text(std::string_view text, const Style& style, double x, double middle, double width,
            Align align = Align::Left) {
    canvas_->text(text, {style.size, style.bold, style.colour}, x, middle, width, align);
  }

  std::string png() {
    std::string bytes;
    std::string problem;
    if (!canvas_->encode(bytes, problem)) {
      throw Error({"data.png", fmt::format("cannot encode the png: {}", problem), {}});
    }
    return bytes;
  }

 private:
  std::unique_ptr<PngCanvas> canvas_;
};

std::string scorecard_title(const Scorecard& scorecard) {
  return scorecard.entity.empty() ? scorecard.name
                                  : fmt::format("{} · {}", scorecard.name, scorecard.entity);
}

std::string total_text(const std::optional<long double>& total) {
  return total ? format_fixed(*total, 1) : std::string("\xE2\x80\x94");
}

double card_height(const Report& report) {
  double height = kHeaderHeight + kSectionTitle + kFooter;
  height += static_cast<double>(report.scorecards.size()) * kRankRow;
  for (const Scorecard& scorecard : report.scorecards) {
    height += kScorecardHead + static_cast<double>(scorecard.kpis.size()) * kKpiRow;
  }
  return height;
}

// A bar of `ratio` of `width` in `colour` on a track, with a mark at `target` (a ratio too).
void bar(Canvas& canvas, double x, double middle, double width, long double ratio,
         long double target, Colour colour) {
  const auto at = [&](long double value) {
    return static_cast<double>(std::clamp<long double>(value, 0, 1)) * width;
  };
  canvas.box(kTrack, x, middle - 9, width, 18, 3);
  if (ratio > 0) {
    canvas.box(colour, x, middle - 6, std::max(at(ratio), 2.0), 12, 2);
  }
  canvas.box(kInk, x + at(target) - 1, middle - 12, 2, 24);
}

void status_chip(Canvas& canvas, std::string_view label, score::Status status, double right,
                 double middle) {
  const Style style{22, true, kWhite};
  const double width = canvas.measure(label, style) + 24;
  canvas.box(status_colour(status), right - width, middle - 17, width, 34, 6);
  canvas.text(label, style, right - width, middle, width, Align::Centre);
}

double header(Canvas& canvas, const Report& report) {
  const Labels& words = labels(report.presentation.lang);
  canvas.box(kBand, 0, 0, kWidth, kHeaderHeight - 24);
  std::string title = fmt::format(fmt::runtime(words.report_title), report.period);
  if (report.as_of) {
    title += report.presentation.lang == Lang::Zh ? fmt::format("（截至 {}）", *report.as_of)
                                                  : fmt::format(" (as of {})", *report.as_of);
  }
  const double width = kWidth - 2 * kMargin;
  canvas.text(title, {42, true, kWhite}, kMargin, report.plan_total ? 46 : 63, width);
  if (report.plan_total) {
    canvas.text(fmt::format("{} {}", words.plan_total, total_text(report.plan_total->total)),
                {24, false, kLine}, kMargin, 94, width);
  }
  return kHeaderHeight;
}

// The scorecards from the highest total down; those without one last, in the plan's order.
double ranking(Canvas& canvas, const Report& report, double y) {
  const Labels& words = labels(report.presentation.lang);
  canvas.text(words.summary, {30, true}, kMargin, y + kSectionTitle / 2 - 6, 600);
  y += kSectionTitle;
  std::vector<const Scorecard*> ranked;
  for (const Scorecard& scorecard : report.scorecards) {
    ranked.push_back(&scorecard);
  }
  std::stable_sort(ranked.begin(), ranked.end(), [](const Scorecard* a, const Scorecard* b) {
    return a->total.total.value_or(-1e30L) > b->total.total.value_or(-1e30L);
  });
  long double scale = 120;  // 100 points at five sixths of the bar, as on the html page
  for (const Scorecard* scorecard : ranked) {
    scale = std::max(scale, scorecard->total.total.value_or(0));
  }
  for (const Scorecard* scorecard : ranked) {
    const double middle = y + kRankRow / 2;
    const std::optional<long double> total = scorecard->total.total;
    canvas.text(scorecard_title(*scorecard), {26}, kMargin, middle, 300);
    bar(canvas, kMargin + 320, middle, 560, total.value_or(0) / scale, 100 / scale,
        status_colour(total_status(total)));
    canvas.text(total_text(total), {26, true}, kWidth - kMargin - 100, middle, 100, Align::Right);
    y += kRankRow;
  }
  return y;
}

void kpi_row(Canvas& canvas, const Report& report, const KpiLine& line, double y) {
  const Presentation& shown = report.presentation;
  const Labels& words = labels(shown.lang);
  const double middle = y + kKpiRow / 2;
  const Colour colour = status_colour(line.score.status);
  canvas.box(colour, kMargin, y + 10, 6, kKpiRow - 20, 2);
  std::string name = line.name;
  if (line.period != report.period) {
    name = fmt::format("{} ({})", line.name, line.period);
  }
  canvas.text(name, {24}, kMargin + 20, middle, 380);
  const std::string actual = format_by_unit(
      line.actual, line.qualitative ? "score" : line.unit, line.qualitative ? 1 : line.precision,
      line.actual_exact, shown.currency, line.unit == "days" ? words.days : "");
  canvas.text(actual, {24}, kMargin + 400, middle, 210, Align::Right);
  if (line.score.achievement) {
    bar(canvas, kMargin + 630, middle, 120, *line.score.achievement / kBarEnd, 1 / kBarEnd, colour);
  }
  canvas.text(format_percent(line.score.achievement), {24, true, colour}, kMargin + 750, middle,
              110, Align::Right);
  status_chip(canvas, status_label(shown.lang, line.score.status), line.score.status,
              kWidth - kMargin, middle);
}

double scorecard_block(Canvas& canvas, const Report& report, const Scorecard& scorecard, double y) {
  const Labels& words = labels(report.presentation.lang);
  const double middle = y + kScorecardHead / 2 + 8;
  canvas.text(scorecard_title(scorecard), {30, true}, kMargin, middle, 700);
  canvas.text(fmt::format("{} {}", words.total, total_text(scorecard.total.total)),
              {28, true, status_colour(total_status(scorecard.total.total))},
              kWidth - kMargin - 300, middle, 300, Align::Right);
  canvas.box(kLine, kMargin, y + kScorecardHead - 6, kWidth - 2 * kMargin, 2);
  y += kScorecardHead;
  for (const KpiLine& line : scorecard.kpis) {
    kpi_row(canvas, report, line, y);
    y += kKpiRow;
  }
  return y;
}

void footer(Canvas& canvas, const Report& report, double y) {
  const Labels& words = labels(report.presentation.lang);
  canvas.box(kLine, kMargin, y + 20, kWidth - 2 * kMargin, 1);
  canvas.text(
      report.missing == score::MissingValues::ScoreZero ? words.scored_zero : words.left_out,
      {20, false, kMuted}, kMargin, y + 52, kWidth - 2 * kMargin - 120);
  canvas.text("kpicalc", {20, true, kMuted}, kWidth - kMargin - 120, y + 52, 120, Align::Right);
}

}  // namespace

void check_png_available() { load_png_canvas(); }

std::string render_report_png(const Report& report) {
  const double height = card_height(report);
  if (height > kMaxHeight) {
    throw Error({"usage.png-too-tall",
                 fmt::format("the card of {} scorecards would be {} px tall, more than a png "
                             "of {} px can hold: use --format html or xlsx, or report fewer "
                             "scorecards",
                             report.scorecards.size(), height, kMaxHeight),
                 {}});
  }
  Canvas canvas(static_cast<int>(height));
  canvas.box(kWhite, 0, 0, kWidth, height);
  double y = header(canvas, report);
  y = ranking(canvas, report, y);
  for (const Scorecard& scorecard : report.scorecards) {
    y = scorecard_block(canvas, report, scorecard, y);
  }
  footer(canvas, report, y);
  return canvas.png();
}

}  // namespace kpi::report
