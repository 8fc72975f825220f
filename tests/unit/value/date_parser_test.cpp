// SPDX-License-Identifier: MIT
#include "kpi/value/date_parser.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kpi/value/moment.hpp"

namespace {

constexpr std::string_view kNotADate =
    "is not a date (expected e.g. 2025-06-03, 2025/6/3, 20250603 or 2025年6月3日, "
    "optionally followed by HH:MM[:SS])";
constexpr std::string_view kNoSuchDate = "is not a valid calendar date";
constexpr std::string_view kNoSuchTime = "has an invalid time of day";

constexpr std::int32_t k2025_06_03 = 20242;  // days since 1970-01-01
constexpr std::string_view kSpellings[] = {"2025-06-03", "2025/6/3",     "2025.06.03",
                                           "20250603",   "2025年6月3日", "2025年6月3"};

std::string_view problem_of(std::string_view text) {
  const kpi::DateTimeCell cell = kpi::parse_date_time(text);
  INFO("cell: \"", std::string(text), "\"");
  CHECK(cell.status == kpi::CellStatus::Invalid);
  return cell.problem;
}

}  // namespace

TEST_SUITE("value.date_parser") {
  TEST_CASE("every date spelling without a time") {
    for (std::string_view text : kSpellings) {
      INFO("cell: \"", std::string(text), "\"");
      const kpi::DateTimeCell cell = kpi::parse_date_time(text);
      CHECK(cell.status == kpi::CellStatus::Value);
      CHECK(cell.days == k2025_06_03);
      CHECK_FALSE(cell.has_time);
      CHECK(cell.second_of_day == 0);
    }
  }

  TEST_CASE("every date spelling with a time") {
    struct Time {
      std::string_view suffix;
      std::int32_t second_of_day;
    };
    constexpr Time kTimes[] = {{" 09:05", 32700}, {" 09:05:07", 32707}, {"T09:05:07", 32707}};
    for (std::string_view date : kSpellings) {
      for (const Time& time : kTimes) {
        const std::string text = std::string(date) + std::string(time.suffix);
        INFO("cell: \"", text, "\"");
        const kpi::DateTimeCell cell = kpi::parse_date_time(text);
        CHECK(cell.status == kpi::CellStatus::Value);
        CHECK(cell.days == k2025_06_03);
        CHECK(cell.has_time);
        CHECK(cell.second_of_day == time.second_of_day);
      }
    }
  }

  TEST_CASE("ISO 8601 fractions and offsets are accepted, not applied") {
    for (std::string_view text :
         {"2025-06-03T09:05:07Z", "2025-06-03T09:05:07.123Z", "2025-06-03T09:05:07+08:00",
          "2025-06-03T09:05:07.123456-05:30", "2025-06-03 09:05:07.5", "2025-06-03T09:05+08:00"}) {
      INFO("cell: \"", std::string(text), "\"");
      const kpi::DateTimeCell cell = kpi::parse_date_time(text);
      CHECK(cell.status == kpi::CellStatus::Value);
      CHECK(cell.days == k2025_06_03);
      CHECK(cell.has_time);
      CHECK(cell.second_of_day == (text.ends_with("09:05+08:00") ? 32700 : 32707));
    }
  }

  TEST_CASE("days since 1970-01-01") {
    CHECK(kpi::parse_date_time("1970-01-01").days == 0);
    CHECK(kpi::parse_date_time("1969-12-31").days == -1);
    CHECK(kpi::parse_date_time("2025-01-01").days == 20089);
    CHECK(kpi::parse_date_time("2025-12-31").days == 20453);
    CHECK(kpi::parse_date_time("2000-02-29").days == 11016);
    CHECK(kpi::parse_date_time("  2025-06-03  ").days == k2025_06_03);
  }

  TEST_CASE("a day read just before is read the same again, and a bad cell after it is bad") {
    // Cells in time order repeat the day before; the ISO reader remembers it.
    CHECK(kpi::parse_date_time("2025-06-03 10:00:00").days == k2025_06_03);
    const kpi::DateTimeCell again = kpi::parse_date_time("2025-06-03 23:59:59");
    CHECK(again.status == kpi::CellStatus::Value);
    CHECK(again.days == k2025_06_03);
    CHECK(again.second_of_day == 86399);
    CHECK(problem_of("2025-06-03 24:00:00") == kNoSuchTime);
    CHECK(problem_of("2025-06-03x") == kNotADate);
    CHECK(kpi::parse_date_time("2025-06-03").days == k2025_06_03);
    CHECK_FALSE(kpi::parse_date_time("2025-06-03").has_time);
    CHECK(kpi::parse_date_time("2025-06-04").days == k2025_06_03 + 1);
    CHECK(problem_of("2025-02-29") == kNoSuchDate);
    CHECK(problem_of("2025-02-29 10:00:00") == kNoSuchDate);
    CHECK(kpi::parse_date_time("2024-02-29 10:00:00").days == 19782);
  }

  TEST_CASE("times of day at the edges") {
    CHECK(kpi::parse_date_time("2025-06-03 00:00").second_of_day == 0);
    CHECK(kpi::parse_date_time("2025-06-03 00:00").has_time);
    CHECK(kpi::parse_date_time("2025-06-03 23:59:59").second_of_day == 86399);
    CHECK(kpi::parse_date_time("2025-06-03 9:05").second_of_day == 32700);
    CHECK(kpi::parse_date_time("2025/6/3  09:05").second_of_day == 32700);
  }

  TEST_CASE("leap days") {
    const kpi::DateTimeCell leap = kpi::parse_date_time("2024-02-29");
    CHECK(leap.status == kpi::CellStatus::Value);
    CHECK(leap.days == 19782);
    CHECK(problem_of("2025-02-29") == kNoSuchDate);
    CHECK(problem_of("1900-02-29") == kNoSuchDate);
  }

  TEST_CASE("dates that do not exist") {
    CHECK(problem_of("2025-02-30") == kNoSuchDate);
    CHECK(problem_of("2025-13-01") == kNoSuchDate);
    CHECK(problem_of("2025-00-10") == kNoSuchDate);
    CHECK(problem_of("2025-04-31") == kNoSuchDate);
    CHECK(problem_of("20251301") == kNoSuchDate);
    CHECK(problem_of("2025年2月30日") == kNoSuchDate);
    CHECK(problem_of("2025-02-30 09:05") == kNoSuchDate);
  }

  TEST_CASE("times that do not exist") {
    CHECK(problem_of("2025-06-03 25:00") == kNoSuchTime);
    CHECK(problem_of("2025-06-03 24:00") == kNoSuchTime);
    CHECK(problem_of("2025-06-03 09:60") == kNoSuchTime);
    CHECK(problem_of("2025-06-03 09:05:60") == kNoSuchTime);
  }

  TEST_CASE("texts that are not dates") {
    for (std::string_view text :
         {"2025-06", "06/03/2025", "hello", "2025", "2025-06/03", "2025-06-03x", "2025-06-031",
          "2025年6月", "202506", "2025-06-03T", "2025-06-03 9", "2025-06-03 09:5",
          "2025-06-03 09:05:07.", "2025-06-03 09:05+0800", "09:05", "2025-06-03 09:05 PM"}) {
      CHECK(problem_of(text) == kNotADate);
    }
  }

  TEST_CASE("missing tokens") {
    for (std::string_view text : {"", "  ", "-", "N/A", "null", "—"}) {
      INFO("cell: \"", std::string(text), "\"");
      const kpi::DateTimeCell cell = kpi::parse_date_time(text);
      CHECK(cell.status == kpi::CellStatus::Missing);
      CHECK(cell.problem.empty());
    }
  }

  TEST_CASE("format_date and format_date_time") {
    CHECK(kpi::format_date(0) == "1970-01-01");
    CHECK(kpi::format_date(-1) == "1969-12-31");
    CHECK(kpi::format_date(k2025_06_03) == "2025-06-03");
    CHECK(kpi::format_date(19782) == "2024-02-29");
    CHECK(kpi::format_date_time(k2025_06_03, 32700) == "2025-06-03 09:05:00");
    CHECK(kpi::format_date_time(k2025_06_03, 32707) == "2025-06-03 09:05:07");
    CHECK(kpi::format_date_time(0, 86399) == "1970-01-01 23:59:59");
  }

  TEST_CASE("format and parse round trip") {
    for (std::string_view text : {"2025-06-03 09:05:07", "2024-02-29 00:00:00",
                                  "1999-12-31 23:59:59", "1970-01-01 12:00:01"}) {
      const kpi::DateTimeCell cell = kpi::parse_date_time(text);
      CHECK(kpi::format_date_time(cell.days, cell.second_of_day) == text);
      CHECK(kpi::format_date(cell.days) == text.substr(0, 10));
    }
    for (std::int32_t days = -800; days <= 30000; days += 97) {
      CHECK(kpi::parse_date_time(kpi::format_date(days)).days == days);
    }
  }
}

TEST_SUITE("value.date_parser") {
  TEST_CASE("explicit formats: month snapshots, US and European dates") {
    const kpi::DateTimeCell month = kpi::parse_date_time("2025-06", "%Y-%m");
    REQUIRE(month.status == kpi::CellStatus::Value);
    CHECK(kpi::format_date(month.days) == "2025-06-01");
    CHECK(kpi::format_date(kpi::parse_date_time("6/3/2025", "%m/%d/%Y").days) == "2025-06-03");
    CHECK(kpi::format_date(kpi::parse_date_time("03.06.25", "%d.%m.%y").days) == "2025-06-03");
    const kpi::DateTimeCell timed = kpi::parse_date_time("2025/06/03 09:05", "%Y/%m/%d %H:%M");
    CHECK(timed.has_time);
    CHECK(timed.second_of_day == 9 * 3600 + 5 * 60);
    CHECK(kpi::parse_date_time("2025-13", "%Y-%m").problem == "is not a valid calendar date");
    CHECK(kpi::parse_date_time("June 2025", "%Y-%m").problem ==
          "does not match the field's date format");
    CHECK(kpi::parse_date_time("-", "%Y-%m").status == kpi::CellStatus::Missing);
  }

  TEST_CASE("ISO dates and times read the same on the fast path as on the general one") {
    for (const char* text :
         {"2025-06-03", "2025-06-03 14:22:05", "2024-02-29", "2025-02-29", "2025-13-01",
          "2025-06-03 24:00:00", "2025-06-03 23:59:60", "2025-06-03T14:22:05", "2025-6-03",
          "1969-12-31 23:59:59", "0000-01-01"}) {
      CAPTURE(text);
      const kpi::DateTimeCell fast = kpi::parse_date_time(text);
      const kpi::DateTimeCell general = kpi::parse_date_time(std::string(" ") + text);
      CHECK(fast.status == general.status);
      CHECK(fast.days == general.days);
      CHECK(fast.second_of_day == general.second_of_day);
      CHECK(fast.has_time == general.has_time);
      CHECK(fast.problem == general.problem);
    }
    CHECK(kpi::parse_date_time("2025-06-03 14:22:05").second_of_day == 14 * 3600 + 22 * 60 + 5);
  }

  TEST_CASE("the fast path agrees with the general one on every day and on every changed byte") {
    const auto same_reading = [](const std::string& text) {
      const kpi::DateTimeCell fast = kpi::parse_date_time(text);
      const kpi::DateTimeCell general = kpi::parse_date_time(" " + text);
      return fast.status == general.status && fast.days == general.days &&
             fast.second_of_day == general.second_of_day && fast.has_time == general.has_time &&
             fast.problem == general.problem;
    };
    // Every day of 1600 to 2400 (leap centuries and not), and the first and last days of the
    // months of every year, with days 0 and 32 around them.
    std::vector<std::string> disagreements;
    for (int year = 0; year <= 9999; ++year) {
      const bool every_day = year >= 1600 && year <= 2400;
      for (int month = 0; month <= 13; ++month) {
        for (int day = 0; day <= 32; ++day) {
          if (!every_day && day > 1 && day < 28) {
            continue;
          }
          const std::string date = fmt::format("{:04}-{:02}-{:02}", year, month, day);
          for (const std::string& text : {date, date + " 23:59:59"}) {
            if (!same_reading(text)) {
              disagreements.push_back(text);
            }
          }
        }
      }
    }
    // Each byte of a date and time replaced by digits, separators, letters and non-ASCII bytes.
    const std::string valid = "2024-02-29 14:22:05";
    for (std::size_t at = 0; at < valid.size(); ++at) {
      for (const char replacement : std::string("0123456789-/:. Tx\x80\xFF\x7F", 20)) {
        std::string text = valid;
        text[at] = replacement;
        if (!same_reading(text) || !same_reading(text.substr(0, 10))) {
          disagreements.push_back(text);
        }
      }
    }
    CHECK(fmt::format("{}", fmt::join(disagreements, ", ")) == "");
  }
}

TEST_SUITE("value.date_parser") {
  TEST_CASE("the day/month order of a column") {
    using Order = kpi::DateOrderSniffer::Order;
    const auto sniff = [](std::initializer_list<std::string_view> cells) {
      kpi::DateOrderSniffer sniffer;
      for (const std::string_view cell : cells) {
        sniffer.add(cell);
      }
      return sniffer;
    };
    const kpi::DateOrderSniffer day_first = sniff({"03/06/2025", "", "14/06/2025", "01/07/2025"});
    CHECK(day_first.order() == Order::DayFirst);
    CHECK(day_first.format() == "%d/%m/%Y");
    CHECK(kpi::format_date(kpi::day_of(day_first.min_moment())) == "2025-06-03");
    CHECK(kpi::format_date(kpi::day_of(day_first.max_moment())) == "2025-07-01");
    CHECK(day_first.other_format().empty());
    const kpi::DateOrderSniffer month_first = sniff({"6/3/25 14:30", "6/14/25 09:05"});
    CHECK(month_first.order() == Order::MonthFirst);
    CHECK(month_first.format() == "%m/%d/%y %H:%M");
    CHECK(month_first.any_time());
    CHECK(sniff({"03.06.2025", "25.12.2025"}).format() == "%d.%m.%Y");
    CHECK(sniff({"03-06-2025 10:00:00", "13-06-2025 11:00:00"}).format() == "%d-%m-%Y %H:%M:%S");
    const kpi::DateOrderSniffer ambiguous = sniff({"03/06/2025", "12/06/2025"});
    CHECK(ambiguous.order() == Order::Ambiguous);
    CHECK(ambiguous.format() == "%d/%m/%Y");
    CHECK(ambiguous.other_format() == "%m/%d/%Y");
    CHECK(sniff({"2025-06-03", "2025/6/14"}).order() == Order::YearFirst);
    CHECK(sniff({"", "-"}).order() == Order::NotDates);
    CHECK(sniff({"13/06/2025", "06/13/2025"}).order() == Order::NotDates);  // no one order
    CHECK(sniff({"2025-06-03", "13/06/2025"}).order() == Order::NotDates);  // mixed forms
    CHECK(sniff({"Madrid"}).order() == Order::NotDates);
  }
}
