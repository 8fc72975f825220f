// SPDX-License-Identifier: MIT
#include "kpi/report/html_charts.hpp"

#include <doctest/doctest.h>

#include <string>

using kpi::report::bullet_bar;
using kpi::score::Status;

TEST_SUITE("report.html_charts") {
  TEST_CASE("a bullet bar: track, stretch zone to the cap, bar, target and cap marks") {
    // 150 % is the track's end: 95.8 % is at 153.3 of 240, the target at 160, the cap at 192.
    CHECK(bullet_bar(0.958062L, 1.2L, Status::AtRisk, "achievement 95.8%") ==
          "<svg class=\"bullet\" viewBox=\"0 0 240 24\" preserveAspectRatio=\"none\" role=\"img\" "
          "aria-label=\"achievement 95.8%\"><rect class=\"track\" width=\"240\" height=\"24\"/>"
          "<rect class=\"stretch\" x=\"160.0\" width=\"32.0\" height=\"24\"/>"
          "<rect class=\"bar at-risk\" y=\"6\" width=\"153.3\" height=\"12\"/>"
          "<rect class=\"target\" x=\"159.0\" width=\"2\" height=\"24\"/>"
          "<line class=\"cap\" x1=\"192.0\" x2=\"192.0\" y1=\"0\" y2=\"24\"/></svg>");
  }

  TEST_CASE("beyond the track's end the bar is cut and ends in an arrow") {
    const std::string svg = bullet_bar(2.5L, 1.2L, Status::Met, "a");
    CHECK(svg.find("<rect class=\"bar met\" y=\"6\" width=\"240.0\"") != std::string::npos);
    CHECK(svg.find("<path class=\"bar met\" d=\"M232.0 2 L240.0 12 L232.0 22 Z\"/>") !=
          std::string::npos);
  }

  TEST_CASE("no achievement: no bar; no cap: no stretch zone nor cap mark; label escaped") {
    const std::string svg = bullet_bar(std::nullopt, std::nullopt, Status::NoValue, "<b>");
    CHECK(svg.find("class=\"bar") == std::string::npos);
    CHECK(svg.find("stretch") == std::string::npos);
    CHECK(svg.find("class=\"cap\"") == std::string::npos);
    CHECK(svg.find("aria-label=\"&lt;b&gt;\"") != std::string::npos);
  }

  TEST_CASE("a higher cap lengthens the track") {
    // Cap 200 %: the track ends at 210 %, the target at 240 / 2.1.
    CHECK(bullet_bar(1, 2, Status::Met, "a").find("<rect class=\"target\" x=\"113.3\"") !=
          std::string::npos);
  }

  TEST_CASE("ranked bars: scaled, coloured by the total read as an achievement, marked at 100") {
    CHECK(kpi::report::ranked_bar(96, 120, kpi::report::total_status(96)) ==
          "<svg class=\"rank-bar\" viewBox=\"0 0 200 14\" preserveAspectRatio=\"none\" "
          "aria-hidden=\"true\"><rect class=\"track\" width=\"200\" height=\"14\"/>"
          "<rect class=\"bar at-risk\" y=\"2\" width=\"160.0\" height=\"10\"/>"
          "<rect class=\"target\" x=\"165.9\" width=\"1.5\" height=\"14\"/></svg>");
    CHECK(kpi::report::total_status(100) == Status::Met);
    CHECK(kpi::report::total_status(89.9L) == Status::Missed);
    CHECK(kpi::report::total_status(std::nullopt) == Status::NoValue);
  }
}
