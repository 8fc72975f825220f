// SPDX-License-Identifier: MIT
#include "kpi/csv/column_profile.hpp"

#include <algorithm>

#include "kpi/value/cell_text.hpp"
#include "kpi/value/moment.hpp"

namespace kpi::csv {
namespace {

constexpr std::size_t kSamples = 3;

template <typename T>
void widen(std::optional<T>& low, std::optional<T>& high, T value) {
  low = low ? std::min(*low, value) : value;
  high = high ? std::max(*high, value) : value;
}

std::string format_moment(std::int64_t moment, bool with_time) {
  return with_time ? format_date_time(day_of(moment), second_of_day(moment))
                   : format_date(day_of(moment));
}

// Member cards, phone numbers and order numbers are long runs of digits; no quantity or plain
// amount in an export has nine digits without a decimal point or a separator.
bool looks_like_identifier(std::string_view cell) {
  const std::string_view digits = trim_cell(cell);
  return digits.size() >= 9 && digits.find_first_not_of("0123456789") == std::string_view::npos;
}

}  // namespace

std::string_view type_name(ColumnType type) {
  switch (type) {
    case ColumnType::Empty:
      return "empty";
    case ColumnType::Date:
      return "date";
    case ColumnType::DateTime:
      return "datetime";
    case ColumnType::Percent:
      return "percent";
    case ColumnType::Money:
      return "money";
    case ColumnType::Number:
      return "number";
    case ColumnType::Text:
      return "text";
  }
  return "text";
}

void ColumnProfiler::add(std::string_view cell) {
  if (is_missing_token(trim_cell(cell))) {
    ++missing_;
    return;
  }
  ++values_;
  if (samples_.size() < kSamples &&
      std::find(samples_.begin(), samples_.end(), cell) == samples_.end()) {
    samples_.emplace_back(cell);
  }
  if (all_numbers_) {
    add_number(cell);
  }
  if (all_dates_) {
    add_date(cell);
  }
  date_order_.add(cell);
}

void ColumnProfiler::add_number(std::string_view cell) {
  const NumberCell number = parse_number(cell, number_format_);
  if (number.status != CellStatus::Value) {
    all_numbers_ = false;
    return;
  }
  all_identifiers_ = all_identifiers_ && looks_like_identifier(cell);
  all_percent_ = all_percent_ && number.notation.percent;
  any_currency_ = any_currency_ || number.notation.currency;
  widen(min_number_, max_number_, number.value);
}

void ColumnProfiler::add_date(std::string_view cell) {
  const DateTimeCell date = parse_date_time(cell);
  if (date.status != CellStatus::Value) {
    all_dates_ = false;
    return;
  }
  any_time_ = any_time_ || date.has_time;
  widen(min_moment_, max_moment_, moment_of(date.days, date.second_of_day));
}

ColumnProfile ColumnProfiler::result(std::string name) const {
  ColumnProfile profile;
  profile.name = std::move(name);
  profile.type = ColumnType::Text;
  profile.missing = missing_;
  profile.samples = samples_;
  const DateOrderSniffer::Order order = date_order_.order();
  if (values_ == 0) {
    profile.type = ColumnType::Empty;
  } else if (!all_dates_ && (order == DateOrderSniffer::Order::DayFirst ||
                             order == DateOrderSniffer::Order::MonthFirst ||
                             order == DateOrderSniffer::Order::Ambiguous)) {
    const bool with_time = date_order_.any_time();
    profile.type = with_time ? ColumnType::DateTime : ColumnType::Date;
    profile.date_format = date_order_.format();
    profile.other_date_format = date_order_.other_format();
    if (profile.other_date_format.empty()) {
      profile.min = format_moment(date_order_.min_moment(), with_time);
      profile.max = format_moment(date_order_.max_moment(), with_time);
    }
  } else if (all_dates_) {
    profile.type = any_time_ ? ColumnType::DateTime : ColumnType::Date;
    profile.min = format_moment(*min_moment_, any_time_);
    profile.max = format_moment(*max_moment_, any_time_);
  } else if (all_numbers_ && !all_identifiers_) {
    profile.type = all_percent_    ? ColumnType::Percent
                   : any_currency_ ? ColumnType::Money
                                   : ColumnType::Number;
    const bool cents = profile.type == ColumnType::Money;
    profile.min = cents ? min_number_->to_string(2) : min_number_->to_string();
    profile.max = cents ? max_number_->to_string(2) : max_number_->to_string();
  }
  return profile;
}

FileProfile profile_file(const std::string& path, const ReaderOptions& options) {
  const auto reader = Reader::open(path, options);
  const std::vector<std::string>& names = reader->header().names;
  const NumberFormat number_format{reader->dialect().decimal,
                                   default_thousands(reader->dialect().decimal)};
  std::vector<ColumnProfiler> profilers(names.size(), ColumnProfiler(number_format));
  FileProfile summary;
  Record record;
  while (reader->next(record)) {
    ++summary.records;
    for (std::size_t i = 0; i < record.fields.size(); ++i) {
      profilers[i].add(record.fields[i]);
    }
  }
  summary.file = reader->file();
  summary.dialect = reader->dialect();
  for (std::size_t i = 0; i < names.size(); ++i) {
    summary.columns.push_back(profilers[i].result(names[i]));
  }
  for (const std::size_t column : reader->dialect().unclear_decimal_columns) {
    if (column < summary.columns.size()) {
      summary.columns[column].unclear_decimal = true;
    }
  }
  summary.renames = reader->header().renames;
  summary.skipped = reader->skipped();
  return summary;
}

}  // namespace kpi::csv
