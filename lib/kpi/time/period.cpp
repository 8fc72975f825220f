// SPDX-License-Identifier: MIT
#include "kpi/time/period.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <ctime>
#include <optional>
#include <vector>

#include "kpi/core/diagnostic.hpp"
#include "kpi/time/chinese_period.hpp"
#include "kpi/value/date_parser.hpp"

namespace kpi::time {
namespace {

constexpr std::string_view kPeriodExamples[] = {
    "2025-06-03",       "2025-W23", "2025-06-H1", "2025-06",
    "2025-Q2",          "2025-H1",  "2025",       "2025-06-01..2025-06-15",
    "2025-01..2025-06", "all"};

// The days of a month's first half (上半月): 1 to 15.
constexpr std::int32_t kFirstHalfDays = 15;

// Every day a date cell can hold: years 1 to 9999.
constexpr CivilDate kFirstDate{1, 1, 1};
constexpr CivilDate kLastDate{9999, 12, 31};

struct RelativePeriod {
  std::string_view name;
  PeriodKind kind;
  bool previous;  ///< the period before the one containing today
};

constexpr RelativePeriod kRelativePeriods[] = {
    {"today", PeriodKind::Day, false},
    {"yesterday", PeriodKind::Day, true},
    {"this-week", PeriodKind::Week, false},
    {"last-week", PeriodKind::Week, true},
    {"this-month", PeriodKind::Month, false},
    {"last-month", PeriodKind::Month, true},
    {"this-quarter", PeriodKind::Quarter, false},
    {"last-quarter", PeriodKind::Quarter, true},
    {"this-year", PeriodKind::Year, false},
    {"last-year", PeriodKind::Year, true},
};

int quarter_of(int month) { return (month - 1) / 3 + 1; }

// Reads exactly `count` ASCII digits from the front of `text`.
bool read_digits(std::string_view& text, std::size_t count, int& value) {
  if (text.size() < count) {
    return false;
  }
  value = 0;
  for (const char digit : text.substr(0, count)) {
    if (digit < '0' || digit > '9') {
      return false;
    }
    value = value * 10 + (digit - '0');
  }
  text.remove_prefix(count);
  return true;
}

bool consume(std::string_view& text, char expected) {
  if (!text.starts_with(expected)) {
    return false;
  }
  text.remove_prefix(1);
  return true;
}

// Consumes an upper-case ASCII letter written in either case.
bool consume_letter(std::string_view& text, char upper) {
  return consume(text, upper) || consume(text, static_cast<char>(upper - 'A' + 'a'));
}

// Parses the text of one --period; every error quotes the whole text.
class PeriodParser {
 public:
  PeriodParser(std::string_view text, const Calendar& calendar)
      : text_(text), calendar_(calendar) {}

  Period parse(std::int32_t today) const {
    if (const std::optional<Period> relative = parse_relative(today)) {
      return *relative;
    }
    if (text_ == "all") {  // every row with a valid time
      Period all = range_period(days_from_civil(kFirstDate), days_from_civil(kLastDate));
      all.label = "all";
      return all;
    }
    if (const std::size_t dots = text_.find(".."); dots != std::string_view::npos) {
      return parse_range(text_.substr(0, dots), text_.substr(dots + 2));
    }
    if (const std::optional<Period> single = parse_single(text_)) {
      return *single;
    }
    fail_unknown();
  }

 private:
  std::optional<Period> parse_relative(std::int32_t today) const {
    std::string_view name = text_;
    for (const ChineseRelativeWord& word : chinese_relative_words()) {
      name = text_ == word.chinese ? word.english : name;
    }
    for (const RelativePeriod& relative : kRelativePeriods) {
      if (name == relative.name) {
        const Period current = period_containing(relative.kind, today, calendar_);
        return relative.previous ? previous_period(current, calendar_) : current;
      }
    }
    return std::nullopt;
  }

  // Days (2025-06-01..2025-06-15), or whole units of one kind (2025-01..2025-06,
  // 2025-Q1..2025-Q2, 2017..2020), both ends included.
  Period parse_range(std::string_view first, std::string_view last) const {
    const std::optional<Period> from = parse_single(first);
    const std::optional<Period> to = parse_single(last);
    if (!from || !to || from->kind != to->kind) {
      fail_unknown();
    }
    if (to->first_day < from->first_day) {
      fail_invalid("the range ends before it starts");
    }
    Period range = range_period(from->first_day, to->last_day);
    if (from->kind != PeriodKind::Day) {
      range.label = fmt::format("{}..{}", from->label, to->label);
    }
    return range;
  }

  // A day, ISO week, month, quarter or year; nullopt when `part` has none of their shapes.
  std::optional<Period> parse_single(std::string_view part) const {
    const std::string_view whole = part;
    int year = 0;
    if (!read_digits(part, 4, year)) {
      return std::nullopt;
    }
    if (part.starts_with("年")) {  // 2025年6月, 2025年第2季度, 2025年
      return parse_chinese_period(whole, calendar_);
    }
    if (part.empty()) {
      return year_period(year, calendar_);
    }
    if (!consume(part, '-')) {
      return std::nullopt;
    }
    if (consume_letter(part, 'Q')) {
      return parse_quarter(year, part);
    }
    if (consume_letter(part, 'H')) {
      const int half = parse_half(part);
      return half == 0 ? std::nullopt : std::optional(half_year_period(year, half, calendar_));
    }
    if (consume_letter(part, 'W')) {
      return parse_week(year, part);
    }
    return parse_month_or_day(year, part);
  }

  std::optional<Period> parse_quarter(int year, std::string_view rest) const {
    int quarter = 0;
    if (!read_digits(rest, 1, quarter) || !rest.empty()) {
      return std::nullopt;
    }
    if (quarter < 1 || quarter > 4) {
      fail_invalid("a year has quarters Q1 to Q4");
    }
    return quarter_period(year, quarter, calendar_);
  }

  std::optional<Period> parse_week(int year, std::string_view rest) const {
    int week = 0;
    if (!read_digits(rest, 2, week) || !rest.empty()) {
      return std::nullopt;
    }
    const int weeks = iso_weeks_in_year(year);
    if (week < 1 || week > weeks) {
      fail_invalid(fmt::format("ISO year {:04} has weeks W01 to W{}", year, weeks));
    }
    return week_period({year, week});
  }

  std::optional<Period> parse_month_or_day(int year, std::string_view rest) const {
    int month = 0;
    int day = 0;
    if (!read_digits(rest, 2, month)) {
      return std::nullopt;
    }
    const bool has_day = consume(rest, '-');
    const bool half = has_day && consume_letter(rest, 'H');
    if (half) {
      const int which = parse_half(rest);
      if (which == 0) {
        return std::nullopt;
      }
      if (month < 1 || month > 12) {
        fail_invalid("a year has months 01 to 12");
      }
      return half_month_period({year, month}, which, calendar_);
    }
    if ((has_day && !read_digits(rest, 2, day)) || !rest.empty()) {
      return std::nullopt;
    }
    if (month < 1 || month > 12) {
      fail_invalid("a year has months 01 to 12");
    }
    if (!has_day) {
      return month_period({year, month}, calendar_);
    }
    const int last_day = days_in_month({year, month});
    if (day < 1 || day > last_day) {
      fail_invalid(fmt::format("{:04}-{:02} has days 01 to {}", year, month, last_day));
    }
    return day_period(days_from_civil({year, month, day}));
  }

  // The 1 or 2 after H (a half); 0 when `rest` is not one digit; other digits are invalid.
  int parse_half(std::string_view rest) const {
    int half = 0;
    if (!read_digits(rest, 1, half) || !rest.empty()) {
      return 0;
    }
    if (half < 1 || half > 2) {
      fail_invalid("there are halves H1 and H2");
    }
    return half;
  }

  [[noreturn]] void fail_unknown() const {
    throw Error({"usage.period",
                 fmt::format("unknown period \"{}\" (accepted forms: {})", text_, period_forms()),
                 {}});
  }

  [[noreturn]] void fail_invalid(std::string_view problem) const {
    throw Error({"usage.period",
                 fmt::format("invalid period \"{}\": {} (accepted forms: {})", text_, problem,
                             period_forms()),
                 {}});
  }

  std::string_view text_;
  const Calendar& calendar_;
};

// A month, quarter or year is named after the calendar month of its last day.
YearMonth named_month(const Period& period, const Calendar& calendar) {
  return assessment_month_of(period.last_day, calendar);
}

// 1 for the first half of its month, 2 for the second.
int half_of_month(const Period& period, const Calendar& calendar) {
  const YearMonth month = assessment_month_of(period.first_day, calendar);
  return period.first_day == month_period(month, calendar).first_day ? 1 : 2;
}

IsoWeek same_week_last_year(std::int32_t day) {
  IsoWeek week = iso_week_of(day);
  week.year -= 1;
  week.week = std::min(week.week, iso_weeks_in_year(week.year));
  return week;
}

}  // namespace

std::span<const std::string_view> period_examples() { return kPeriodExamples; }

std::span<const std::string_view> relative_period_names() {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> all;
    for (const RelativePeriod& relative : kRelativePeriods) {
      all.push_back(relative.name);
    }
    return all;
  }();
  return names;
}

std::string period_forms() {
  std::string forms;
  for (const auto& list : {period_examples(), relative_period_names()}) {
    for (const std::string_view form : list) {
      forms += forms.empty() ? "" : ", ";
      forms += form;
    }
  }
  forms += "; in Chinese 2025年6月, 2025年第2季度, 2025年上半年, 2025年";
  for (const ChineseRelativeWord& word : chinese_relative_words()) {
    forms += ", ";
    forms += word.chinese;
  }
  return forms;
}

bool reaches_back_to_start(const Period& period) {
  return period.first_day <= days_from_civil(kFirstDate);
}

bool runs_on_to_end(const Period& period) { return period.last_day >= days_from_civil(kLastDate); }

Period day_period(std::int32_t day) { return {PeriodKind::Day, day, day, format_date(day)}; }

Period week_period(const IsoWeek& week) {
  const std::int32_t monday = first_day_of_iso_week(week);
  return {PeriodKind::Week, monday, monday + 6, fmt::format("{:04}-W{:02}", week.year, week.week)};
}

Period month_period(const YearMonth& month, const Calendar& calendar) {
  return {PeriodKind::Month, assessment_month_first_day(month, calendar),
          assessment_month_last_day(month, calendar),
          fmt::format("{:04}-{:02}", month.year, month.month)};
}

Period quarter_period(int year, int quarter, const Calendar& calendar) {
  const int first_month = quarter * 3 - 2;
  return {PeriodKind::Quarter, assessment_month_first_day({year, first_month}, calendar),
          assessment_month_last_day({year, first_month + 2}, calendar),
          fmt::format("{:04}-Q{}", year, quarter)};
}

Period half_month_period(const YearMonth& month, int half, const Calendar& calendar) {
  const Period whole = month_period(month, calendar);
  const std::int32_t split = whole.first_day + kFirstHalfDays;
  return {PeriodKind::HalfMonth, half == 1 ? whole.first_day : split,
          half == 1 ? split - 1 : whole.last_day,
          fmt::format("{:04}-{:02}-H{}", month.year, month.month, half)};
}

Period half_year_period(int year, int half, const Calendar& calendar) {
  const int first_month = half == 1 ? 1 : 7;
  return {PeriodKind::HalfYear, assessment_month_first_day({year, first_month}, calendar),
          assessment_month_last_day({year, first_month + 5}, calendar),
          fmt::format("{:04}-H{}", year, half)};
}

Period year_period(int year, const Calendar& calendar) {
  return {PeriodKind::Year, assessment_month_first_day({year, 1}, calendar),
          assessment_month_last_day({year, 12}, calendar), fmt::format("{:04}", year)};
}

Period up_to(const Period& period, std::int32_t day) {
  if (day >= period.last_day) {
    return period;
  }
  Period to_date = range_period(period.first_day, day);
  to_date.label = fmt::format("{} to {}", period.label, format_date(day));
  return to_date;
}

Period to_same_point(const Period& period, const Period& of, std::int32_t day) {
  if (day >= of.last_day) {
    return period;  // the whole of `of`: the whole of `period`, whatever their lengths
  }
  int months = 0;
  while (add_months(of.first_day, months + 1) <= day) {
    ++months;
  }
  const std::int32_t days = day - add_months(of.first_day, months);
  // The days within the month reached, as the 31st of May is the last of February.
  const std::int32_t month_end = add_months(period.first_day, months + 1) - 1;
  return up_to(period, std::min(add_months(period.first_day, months) + days, month_end));
}

Period range_period(std::int32_t first_day, std::int32_t last_day) {
  return {PeriodKind::Range, first_day, last_day,
          fmt::format("{}..{}", format_date(first_day), format_date(last_day))};
}

Period parse_period(std::string_view text, const Calendar& calendar, std::int32_t today) {
  return PeriodParser(text, calendar).parse(today);
}

Period previous_period(const Period& period, const Calendar& calendar) {
  if (period.kind == PeriodKind::Range) {
    const std::int32_t length = period.last_day - period.first_day + 1;
    return range_period(period.first_day - length, period.first_day - 1);
  }
  return period_containing(period.kind, period.first_day - 1, calendar);
}

Period same_period_last_year(const Period& period, const Calendar& calendar) {
  const YearMonth month = named_month(period, calendar);
  switch (period.kind) {
    case PeriodKind::Day:
      return day_period(add_years(period.first_day, -1));
    case PeriodKind::Week:
      return week_period(same_week_last_year(period.first_day));
    case PeriodKind::Month:
      return month_period({month.year - 1, month.month}, calendar);
    case PeriodKind::Quarter:
      return quarter_period(month.year - 1, quarter_of(month.month), calendar);
    case PeriodKind::HalfMonth:
      return half_month_period({month.year - 1, month.month}, half_of_month(period, calendar),
                               calendar);
    case PeriodKind::HalfYear:
      return half_year_period(month.year - 1, month.month <= 6 ? 1 : 2, calendar);
    case PeriodKind::Year:
      return year_period(month.year - 1, calendar);
    case PeriodKind::Range:
      break;
  }
  return range_period(add_years(period.first_day, -1), add_years(period.last_day, -1));
}

Period period_containing(PeriodKind kind, std::int32_t day, const Calendar& calendar) {
  const YearMonth month = assessment_month_of(day, calendar);
  switch (kind) {
    case PeriodKind::Day:
      return day_period(day);
    case PeriodKind::Week:
      return week_period(iso_week_of(day));
    case PeriodKind::Month:
      return month_period(month, calendar);
    case PeriodKind::Quarter:
      return quarter_period(month.year, quarter_of(month.month), calendar);
    case PeriodKind::HalfMonth: {
      const std::int32_t split = month_period(month, calendar).first_day + kFirstHalfDays;
      return half_month_period(month, day < split ? 1 : 2, calendar);
    }
    case PeriodKind::HalfYear:
      return half_year_period(month.year, month.month <= 6 ? 1 : 2, calendar);
    case PeriodKind::Year:
      return year_period(month.year, calendar);
    case PeriodKind::Range:
      break;
  }
  return range_period(day, day);
}

std::int32_t system_today() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return days_from_civil({local.tm_year + 1900, local.tm_mon + 1, local.tm_mday});
}

}  // namespace kpi::time
