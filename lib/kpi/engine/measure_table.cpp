// SPDX-License-Identifier: MIT
#include "kpi/engine/measure_table.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>
#include <utility>

#include "kpi/core/did_you_mean.hpp"
#include "kpi/csv/reader.hpp"
#include "kpi/engine/group_key.hpp"
#include "kpi/engine/measure_plan.hpp"

namespace kpi::engine {
namespace {

constexpr std::string_view kValueSeparator = " / ";

long double from_units(ExactUnits units) {
  return static_cast<long double>(units) / Decimal::kUnitsPerOne;
}

std::string units_text(ExactUnits units) {
  std::string text = magnitude_digits(units);
  while (text.back() == '0') {
    text.pop_back();
  }
  if (text.back() == '.') {
    text.pop_back();
  }
  return units < 0 ? "-" + text : text;
}

// The shortest text strtold reads back as `value`: at most 21 significant digits, which hold
// every long double.
std::string long_double_text(long double value) {
  char buffer[64];
  for (int digits = 1; digits <= 21; ++digits) {
    std::snprintf(buffer, sizeof buffer, "%.*Lg", digits, value);
    if (std::strtold(buffer, nullptr) == value) {
      break;
    }
  }
  return buffer;
}

// A plain decimal ("-1234.500000") in millionths; none for another form or beyond 128 bits,
// or with nonzero digits past the sixth decimal.
std::optional<ExactUnits> exact_units(std::string_view text) {
  const bool negative = !text.empty() && text.front() == '-';
  if (negative || (!text.empty() && text.front() == '+')) {
    text.remove_prefix(1);
  }
  const std::size_t point = text.find('.');
  const std::string_view whole = text.substr(0, point);
  const std::string_view fraction =
      point == std::string_view::npos ? std::string_view{} : text.substr(point + 1);
  if ((whole.empty() && fraction.empty()) || whole.size() > 30) {
    return std::nullopt;
  }
  ExactUnits units = 0;
  for (const char c : whole) {
    if (c < '0' || c > '9') {
      return std::nullopt;
    }
    units = units * 10 + (c - '0');
  }
  for (std::size_t i = 0; i < fraction.size(); ++i) {
    const char c = fraction[i];
    if (c < '0' || c > '9' || (i >= Decimal::kFractionDigits && c != '0')) {
      return std::nullopt;
    }
  }
  for (std::size_t i = 0; i < static_cast<std::size_t>(Decimal::kFractionDigits); ++i) {
    units = units * 10 + (i < fraction.size() ? fraction[i] - '0' : 0);
  }
  return negative ? -units : units;
}

std::string breakdown_text(const RunPlan& plan, std::size_t by, const std::string& key) {
  if (plan.by_parts[by].size() == 1) {
    return key;
  }
  std::string text;
  for (const std::string& value : decode_group_key(key)) {
    text += text.empty() ? "" : kValueSeparator;
    text += value;
  }
  return text;
}

}  // namespace

std::string source_rows_name(const std::string& source) { return "rows(" + source + ")"; }

bool computes_measure(const RunPlan& plan, std::size_t measure, std::size_t kind,
                      std::size_t window) {
  return plan.measures.wanted[measure][kind] && plan.reads[measure][window] != 0;
}

bool measure_is_exact(const RunPlan& plan, std::size_t measure) {
  const library::CompiledMeasure& compiled = plan.library->measures[measure];
  if (plan.measures.shared_keys[measure] || keeps_value_keys(compiled)) {
    return true;
  }
  if (compiled.per) {
    return false;
  }
  switch (compiled.definition->aggregate) {
    case library::Aggregate::Sum:
    case library::Aggregate::Count:
    case library::Aggregate::CountDistinct:
    case library::Aggregate::Min:
    case library::Aggregate::Max:
      return true;
    default:
      return false;
  }
}

std::vector<MeasureTableRow> measure_table_of(
    const RunPlan& plan, MeasureReader& measures,
    std::vector<std::optional<SourceAggregation>>& sources) {
  struct Ordered {
    std::size_t window, kind;
    std::string key;
    std::size_t order;  // rows(SOURCE) first, by source, then the library's measures
    MeasureTableRow row;
  };
  std::vector<Ordered> rows;
  const std::size_t source_count = plan.library->library->sources.size();
  for (const SourcePlan& source : plan.sources) {
    if (source.measures.empty() || !sources[source.source]) {
      continue;
    }
    const SourceAggregation& aggregation = *sources[source.source];
    const std::string& name = plan.library->library->sources[source.source].name;
    for (std::size_t kind = 0; kind <= plan.by_fields.size(); ++kind) {
      std::vector<std::pair<std::string, const GroupState*>> groups;
      if (kind == 0) {
        groups.emplace_back("", &aggregation.whole());
      } else if (!source.by_slots[kind - 1].empty()) {
        for (const auto& [key, group] : aggregation.groups(kind - 1).all()) {
          groups.emplace_back(std::string(key), &group);
        }
      }
      for (const auto& [key, group] : groups) {
        const std::optional<BreakdownValue> in =
            kind == 0 ? std::nullopt : std::optional<BreakdownValue>({kind - 1, key});
        const std::string field = kind == 0 ? "" : plan.by_fields[kind - 1];
        const std::string value = kind == 0 ? "" : breakdown_text(plan, kind - 1, key);
        for (std::size_t w = 0; w < plan.windows.size(); ++w) {
          if (group->rows[w] == 0) {
            continue;
          }
          const std::string& period = plan.windows.period(w).label;
          rows.push_back(
              {w,
               kind,
               key,
               source.source,
               {source_rows_name(name), period, field, value, std::to_string(group->rows[w])}});
          for (const std::size_t m : source.measures) {
            if (!computes_measure(plan, m, kind, w)) {
              continue;
            }
            std::string text;
            if (measure_is_exact(plan, m)) {
              if (const auto exact = measures.exact(m, w, in)) {
                text = units_text(*exact);
              }
            } else if (const auto result = measures.value(m, w, in)) {
              text = long_double_text(*result);
            }
            rows.push_back({w,
                            kind,
                            key,
                            source_count + m,
                            {plan.library->measures[m].definition->name, period, field, value,
                             std::move(text)}});
          }
        }
      }
    }
  }
  std::sort(rows.begin(), rows.end(), [](const Ordered& a, const Ordered& b) {
    return std::tie(a.window, a.kind, a.key, a.order) < std::tie(b.window, b.kind, b.key, b.order);
  });
  std::vector<MeasureTableRow> table;
  table.reserve(rows.size());
  for (Ordered& row : rows) {
    table.push_back(std::move(row.row));
  }
  return table;
}

MeasureTable::MeasureTable(const RunPlan& plan, const std::string& path) : plan_(plan) {
  const library::Library& library = *plan.library->library;
  csv::ReaderOptions options;
  options.encoding = "UTF-8";
  options.delimiter = ',';
  options.strict = true;
  const auto reader = csv::Reader::open(path, options);
  const std::vector<std::string>& header = reader->header().names;
  std::size_t columns[std::size(kMeasureTableColumns)];
  for (std::size_t c = 0; c < std::size(kMeasureTableColumns); ++c) {
    const auto found = std::find(header.begin(), header.end(), kMeasureTableColumns[c]);
    if (found == header.end()) {
      throw Error({"data.measures",
                   fmt::format("the measures table has no column \"{}\": it needs measure, "
                               "period, breakdown_field, breakdown_value, value",
                               kMeasureTableColumns[c]),
                   {reader->file(), 1}});
    }
    columns[c] = static_cast<std::size_t>(found - header.begin());
  }
  std::map<std::string, std::size_t, std::less<>> slots;  // measure or rows(SOURCE)
  std::vector<std::string> names;
  for (std::size_t m = 0; m < library.measures.size(); ++m) {
    slots.emplace(library.measures[m].name, m);
    names.push_back(library.measures[m].name);
  }
  for (std::size_t s = 0; s < library.sources.size(); ++s) {
    slots.emplace(source_rows_name(library.sources[s].name), library.measures.size() + s);
    names.push_back(source_rows_name(library.sources[s].name));
  }
  // A row feeds every window of its period's days, whatever the label: a run may hold the same
  // days as "2024-Q2" and as "2024-04-01..2024-06-30" (a shift of a range), and a table made for
  // other periods may write either. A row whose label is the window's own wins over one of the
  // same days under another label.
  std::map<std::pair<std::int32_t, std::int32_t>, std::vector<std::size_t>> windows_by_days;
  std::map<std::string, std::pair<std::int32_t, std::int32_t>, std::less<>> days_by_label;
  for (std::size_t w = 0; w < plan.windows.size(); ++w) {
    const time::Period& period = plan.windows.period(w);
    windows_by_days[{period.first_day, period.last_day}].push_back(w);
    days_by_label.emplace(period.label, std::pair(period.first_day, period.last_day));
  }
  const auto windows_of = [&](std::string_view label) -> const std::vector<std::size_t>* {
    std::optional<std::pair<std::int32_t, std::int32_t>> days;
    if (const auto known = days_by_label.find(label); known != days_by_label.end()) {
      days = known->second;
    } else {
      try {
        const time::Period period = time::parse_period(label, library.calendar, 0);
        days = std::pair(period.first_day, period.last_day);
      } catch (const Error&) {
        return nullptr;  // not a period this run reads
      }
    }
    const auto found = windows_by_days.find(*days);
    return found == windows_by_days.end() ? nullptr : &found->second;
  };
  std::set<CellKey> exact_label;  // cells set by a row of the window's own label
  csv::Record record;
  file_ = reader->file();
  while (reader->next(record)) {
    ++records_;
    const auto cell = [&](std::size_t c) { return record.fields[columns[c]]; };
    const auto fail = [&](std::size_t c, const std::string& message) {
      throw Error({"data.measures", message, {reader->file(), record.line, columns[c] + 1}});
    };
    const std::string_view name = cell(0);
    const auto slot = slots.find(name);
    if (slot == slots.end()) {
      fail(0, fmt::format("\"{}\" is neither a measure of the library nor rows(SOURCE) of one "
                          "of its sources{}",
                          name, did_you_mean(std::string(name), names)));
    }
    const std::vector<std::size_t>* targets = windows_of(cell(1));
    const std::string_view field = cell(2);
    const std::optional<std::size_t> by =
        field.empty() ? std::nullopt : plan.breakdown_index(field);
    if (targets == nullptr || (!field.empty() && !by)) {
      continue;  // a period or breakdown this run does not read
    }
    const std::size_t kind = by ? *by + 1 : 0;
    std::string key(cell(3));
    if (by && plan.by_parts[*by].size() > 1) {
      std::vector<std::string_view> parts;
      for (std::size_t from = 0;;) {
        const std::size_t at = key.find(kValueSeparator, from);
        parts.push_back(std::string_view(key).substr(from, at - from));
        if (at == std::string::npos) {
          break;
        }
        from = at + kValueSeparator.size();
      }
      if (parts.size() != plan.by_parts[*by].size()) {
        fail(3, fmt::format("breakdown \"{}\" takes {} values separated by \" / \"; \"{}\" has {}",
                            field, plan.by_parts[*by].size(), key, parts.size()));
      }
      std::string encoded;
      encode_group_key(parts, encoded);
      key = std::move(encoded);
    }
    Cell value;
    const std::string_view text = cell(4);
    if (!text.empty()) {
      value.exact = exact_units(text);
      const bool counts_rows = slot->second >= library.measures.size();
      if (value.exact && (counts_rows || measure_is_exact(plan, slot->second))) {
        value.value = from_units(*value.exact);
      } else {
        const std::string copy(text);
        char* end = nullptr;
        errno = 0;
        const long double read = std::strtold(copy.c_str(), &end);
        if (end != copy.c_str() + copy.size() || errno == ERANGE || read != read) {
          fail(4, fmt::format("value \"{}\" is not a number (expected a plain decimal such as "
                              "1234.5, or empty for no value)",
                              text));
        }
        value.value = read;
        value.exact.reset();
      }
    }
    for (const std::size_t window : *targets) {
      const bool own_label = plan.windows.period(window).label == cell(1);
      CellKey cell_key{slot->second, window, kind, key};
      const auto [at, added] = cells_.try_emplace(cell_key, value);
      if (!added) {
        if (own_label && exact_label.contains(cell_key)) {
          fail(0, fmt::format("a second row for measure \"{}\" in period {}{}", name, cell(1),
                              field.empty() ? "" : fmt::format(", {} \"{}\"", field, cell(3))));
        }
        if (!own_label) {
          continue;  // the same days under another label: the window's own row counts
        }
        at->second = value;
      }
      if (own_label) {
        exact_label.insert(cell_key);
      }
      if (slot->second >= library.measures.size() && kind > 0 && value.value && *value.value > 0) {
        keys_[{slot->second - library.measures.size(), kind, window}].insert(key);
      }
    }
  }
}

const MeasureTable::Cell* MeasureTable::find(std::size_t slot, std::size_t window, std::size_t kind,
                                             const std::string& key) const {
  const auto found = cells_.find(CellKey{slot, window, kind, key});
  return found == cells_.end() ? nullptr : &found->second;
}

std::optional<const MeasureTable::Cell*> MeasureTable::measure_cell(
    std::size_t measure, std::size_t window, const std::optional<BreakdownValue>& in) const {
  const std::size_t source = plan_.library->measures[measure].source;
  const bool by_group = in && !plan_.sources[source].by_slots[in->by].empty();
  const std::size_t kind = by_group ? in->by + 1 : 0;
  static const std::string kWhole;
  const std::string& key = by_group ? in->key : kWhole;
  const Cell* rows = find(plan_.library->measures.size() + source, window, kind, key);
  if (rows == nullptr || !rows->value || *rows->value <= 0) {
    return std::nullopt;
  }
  return find(measure, window, kind, key);
}

std::optional<long double> MeasureTable::value(std::size_t measure, std::size_t window,
                                               const std::optional<BreakdownValue>& in) {
  const std::optional<const Cell*> cell = measure_cell(measure, window, in);
  if (!cell) {
    return plan_.library->measures[measure].definition->zero_without_rows
               ? std::optional<long double>(0)
               : std::nullopt;
  }
  return *cell == nullptr ? std::nullopt : (*cell)->value;
}

std::optional<ExactUnits> MeasureTable::exact(std::size_t measure, std::size_t window,
                                              const std::optional<BreakdownValue>& in) {
  const std::optional<const Cell*> cell = measure_cell(measure, window, in);
  if (!cell) {
    return plan_.library->measures[measure].definition->zero_without_rows
               ? std::optional<ExactUnits>(0)
               : std::nullopt;
  }
  if (*cell == nullptr || !measure_is_exact(plan_, measure)) {
    return std::nullopt;
  }
  return (*cell)->exact;
}

void MeasureTable::keys_with_rows(std::size_t source, std::size_t by, std::size_t window,
                                  std::set<std::string>& keys) const {
  const auto found = keys_.find(std::tuple{source, by + 1, window});
  if (found != keys_.end()) {
    keys.insert(found->second.begin(), found->second.end());
  }
}

std::uint64_t MeasureTable::source_rows(std::size_t source, std::size_t window) const {
  const Cell* rows = find(plan_.library->measures.size() + source, window, 0, "");
  return rows == nullptr || !rows->exact
             ? 0
             : static_cast<std::uint64_t>(*rows->exact / Decimal::kUnitsPerOne);
}

InputFile MeasureTable::input() const {
  InputFile input;
  input.measures_table = true;
  input.file = file_;
  input.records = records_;
  return input;
}

}  // namespace kpi::engine
