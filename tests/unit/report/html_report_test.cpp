// SPDX-License-Identifier: MIT
#include <doctest/doctest.h>

#include <string>

#include "kpi/report/html_output.hpp"

namespace {

using kpi::report::KpiLine;
using kpi::report::Report;
using kpi::report::Scorecard;
using kpi::score::Status;

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// One scorecard with a lower-is-better KPI that rose, and a name that is markup.
Report sample() {
  Report report;
  report.period = "2025-06";
  KpiLine complaints;
  complaints.kpi = "complaint_rate";
  complaints.name = "客户投诉率";
  complaints.unit = "percent";
  complaints.period = "2025-06";
  complaints.actual = 0.016878L;
  complaints.target = 0.02L;
  complaints.target_text = "≤2%";
  complaints.weight = 20;
  complaints.score = {1.185L, 118.5L, Status::Met, ""};
  complaints.change_previous = 0.271449L;
  complaints.change_last_year = -0.1L;
  complaints.direction = kpi::library::Direction::LowerIsBetter;
  complaints.cap = 1.2L;
  report.scorecards = {
      Scorecard{"<script>alert(1)</script>", "", {complaints}, {118.5L, {}, false}}};
  return report;
}

}  // namespace

TEST_SUITE("report.html_report") {
  TEST_CASE("a self-contained page: no script, nothing to fetch, text escaped") {
    const std::string page = kpi::report::render_report_html(sample());
    CHECK(
        page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">"));
    CHECK(has(page, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"));
    CHECK_FALSE(has(page, "<script"));
    CHECK_FALSE(has(page, "src="));
    CHECK_FALSE(has(page, "http"));
    CHECK(has(page, "&lt;script&gt;alert(1)&lt;/script&gt;"));
    CHECK(has(page, "\"Noto Sans CJK SC\""));
    CHECK(has(page, "@page { size: A4;"));
  }

  TEST_CASE("a KPI card: raw numbers as data attributes, figures formatted, changes by direction") {
    const std::string page = kpi::report::render_report_html(sample());
    CHECK(has(page,
              "<div class=\"kpi met\" data-kpi=\"complaint_rate\" data-period=\"2025-06\" "
              "data-actual=\"0.016878\" data-target=\"0.02\" data-achievement=\"1.185\" "
              "data-weight=\"20\" data-score=\"118.5\" data-status=\"met\" "
              "data-change-previous=\"0.271449\" data-change-last-year=\"-0.1\">"));
    CHECK(has(page, "<div><dt>actual</dt><dd>1.69%</dd></div><div><dt>target</dt><dd>≤2%</dd>"));
    // Lower is better: a rise is bad news, a fall good news.
    CHECK(has(page, "<div><dt>环比</dt><dd class=\"bad\">+27.1%</dd></div>"));
    CHECK(has(page, "<div><dt>同比</dt><dd class=\"good\">-10.0%</dd></div>"));
  }

  TEST_CASE("in Chinese: the page's language, labels and statuses") {
    Report report = sample();
    report.presentation.lang = kpi::report::Lang::Zh;
    const std::string page = kpi::report::render_report_html(report);
    CHECK(has(page, "<html lang=\"zh-CN\">"));
    CHECK(has(page, "<title>KPI 报告 2025-06</title>"));
    CHECK(has(page, "<span class=\"status met\">达标</span>"));
    CHECK(has(page, "<h2>汇总</h2>"));
    CHECK(has(page, "<span class=\"total\">合计 118.5</span>"));
  }

  TEST_CASE("alerts that fired: a section before data quality, text escaped") {
    Report report = sample();
    report.alerts =
        std::vector<kpi::report::ReportAlert>{{"spike", "warning", "销售额", "store=A&B", "200.00",
                                               200, "86.17 to 115.83", "<异常>", "{}"}};
    const std::string html = kpi::report::render_report_html(report);
    const std::size_t alerts = html.find("<section class=\"alerts\">\n<h2>Alerts fired</h2>");
    REQUIRE(alerts != std::string::npos);
    CHECK(alerts < html.find("<section class=\"data-quality\">"));
    CHECK(html.find("<li data-severity=\"warning\"><strong>spike</strong> (warning) 销售额 · "
                    "store=A&amp;B: 200.00 · expected 86.17 to 115.83 · &lt;异常&gt;</li>") !=
          std::string::npos);
  }
}
