// SPDX-License-Identifier: MIT
#include "kpi/report/line_svg.hpp"

#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

namespace {

std::size_t count(const std::string& text, const std::string& part) {
  std::size_t found = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) {
    ++found;
  }
  return found;
}

using Values = std::vector<std::optional<long double>>;

}  // namespace

TEST_CASE("line_svg.sparkline scales between its own least and greatest") {
  const std::string svg = kpi::report::sparkline({10, 20, 30}, "销售额");
  // 120 × 28 with 3 units of padding: x from 3 to 117, y from 25 (least) to 3 (greatest).
  CHECK(svg.find("<polyline points=\"3.0,25.0 60.0,14.0 117.0,3.0\"/>") != std::string::npos);
  CHECK(svg.find("aria-label=\"销售额\"") != std::string::npos);
  CHECK(count(svg, "class=\"last\"") == 1);  // a dot on the latest value
}

TEST_CASE("line_svg.a period without a value breaks the line") {
  const std::string svg = kpi::report::sparkline({1, 2, std::nullopt, 3, 4}, "x");
  CHECK(count(svg, "<polyline") == 2);
  // A lone value between gaps is a dot, not a line of one point.
  const std::string lone = kpi::report::sparkline({std::nullopt, 5, std::nullopt, 6, 7}, "x");
  CHECK(count(lone, "<polyline") == 1);
  CHECK(count(lone, "<circle") == 2);  // the lone value and the latest
}

TEST_CASE("line_svg.no value at all draws an empty box") {
  CHECK(kpi::report::sparkline({std::nullopt, std::nullopt}, "x") ==
        "<svg class=\"spark\" viewBox=\"0 0 120 28\" role=\"img\" aria-label=\"x\"></svg>");
}

TEST_CASE("line_svg.line chart: a line and a dot per value, a legend for several lines") {
  const std::string one = kpi::report::line_chart({{"店长", Values{80, 100, 120}}},
                                                  {"2025-01", "2025-02", "2025-03"}, 100, "t");
  CHECK(count(one, "<polyline") == 1);
  CHECK(count(one, "<circle") == 3);
  CHECK(count(one, "class=\"reference\"") == 1);
  CHECK(count(one, "class=\"legend\"") == 0);
  // The axis runs from 0 to the greatest value, with the reference between: 0, 100, 120.
  CHECK(one.find(">0</text>") != std::string::npos);
  CHECK(one.find(">100</text>") != std::string::npos);
  CHECK(one.find(">120</text>") != std::string::npos);
  const std::string two = kpi::report::line_chart(
      {{"A", Values{1, 2}}, {"<B>", Values{std::nullopt, 3}}}, {"p1", "p2"}, std::nullopt, "t");
  CHECK(count(two, "<li>") == 2);
  CHECK(two.find("&lt;B&gt;") != std::string::npos);  // names are escaped
}
