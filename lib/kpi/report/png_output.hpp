// SPDX-License-Identifier: MIT
// The png format of kpi report: the summary card as a picture to paste into a chat group, drawn
// with cairo and pango (no browser), when the build has them.
#pragma once

#include <string>
#include <string_view>

#include "kpi/report/report.hpp"

namespace kpi::report {

/// Throws Error ("usage.png-unavailable") when this build cannot draw png: it was built without
/// cairo and pango, or its drawing module (kpi-png.so) does not load.
void check_png_available();

/// What a build without png says: what to install, and to build again.
inline constexpr std::string_view kPngRequirement =
    "--format png needs kpi built with cairo and pango: apt-get install libcairo2-dev "
    "libpango1.0-dev pkg-config fonts-noto-cjk, then build again (cmake -S . -B build && cmake "
    "--build build)";

/// The report as one image 1080 px wide: the title and plan total, the scorecards' totals as
/// ranked bars, then per scorecard its KPIs (name, actual, achievement as a bar and a figure,
/// status), coloured by status; labels in the report's language, in a CJK font. The same report
/// gives the same bytes on one machine (fonts decide the pixels). Throws Error
/// ("usage.png-unavailable") in a build without cairo and pango, and ("usage.png-too-tall")
/// when the card would be taller than an image can be.
std::string render_report_png(const Report& report);

}  // namespace kpi::report
