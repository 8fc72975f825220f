// SPDX-License-Identifier: MIT
#include "kpi/score/pay_loader.hpp"

#include <fmt/format.h>

#include <array>
#include <map>

#include "kpi/score/table_columns.hpp"
#include "kpi/value/cell_text.hpp"
#include "kpi/value/number_parser.hpp"

namespace kpi::score {
namespace {

constexpr std::array<std::string_view, 13> kPersonNames = {
    "姓名",   "员工",      "员工姓名", "对象", "考核对象", "person",   "employee",
    "entity", "部门/岗位", "岗位",     "部门", "岗位名称", "scorecard"};
constexpr std::array<std::string_view, 5> kBaseNames = {"奖金基数", "绩效奖金基数", "基数",
                                                        "base bonus", "base"};

class PayReader {
 public:
  explicit PayReader(csv::Reader& reader) : reader_(reader) {
    person_ = find_column(reader.header(), kPersonNames);
    base_ = find_column(reader.header(), kBaseNames);
    if (!person_ || !base_) {
      const bool no_person = !person_;
      fail(1, 0,
           fmt::format("no {} column (expected one of \"{}\"); the file has {}",
                       no_person ? "person" : "base bonus",
                       fmt::join(no_person ? std::span<const std::string_view>(kPersonNames)
                                           : std::span<const std::string_view>(kBaseNames),
                                 "\", \""),
                       join_elided(reader.header().names, ", ", "\"")));
    }
  }

  std::vector<PayRow> read() {
    std::vector<PayRow> rows;
    std::map<std::string, std::uint64_t> first_lines;
    csv::Record record;
    while (reader_.next(record)) {
      const std::string person(trim_cell(record.fields[*person_]));
      const std::string_view amount = trim_cell(record.fields[*base_]);
      if (person.empty() && amount.empty()) {
        continue;
      }
      if (person.empty()) {
        fail(record.line, *person_ + 1, "the person is empty");
      }
      const NumberCell base = parse_number(amount);
      if (base.status != CellStatus::Value || base.notation.percent || base.value.units() < 0) {
        fail(record.line, *base_ + 1,
             fmt::format("base bonus \"{}\" is not an amount of 0 or more, such as 5000, "
                         "¥5,000 or 0.5万",
                         amount));
      }
      const auto [found, added] = first_lines.try_emplace(person, record.line);
      if (!added) {
        fail(record.line, *person_ + 1,
             fmt::format("\"{}\" has a base bonus on line {} already", person, found->second));
      }
      rows.push_back({person, base.value.units(), {reader_.file(), record.line, 0}});
    }
    return rows;
  }

 private:
  [[noreturn]] void fail(std::uint64_t line, std::uint64_t column, std::string message) const {
    throw Error({std::string(kTableError), std::move(message), {reader_.file(), line, column}});
  }

  csv::Reader& reader_;
  std::optional<std::size_t> person_;
  std::optional<std::size_t> base_;
};

}  // namespace

std::vector<PayRow> load_pay(const std::string& path) {
  return as_table_errors([&] {
    csv::ReaderOptions options;
    options.strict = true;
    const auto reader = csv::Reader::open(path, options);
    return PayReader(*reader).read();
  });
}

std::vector<PayRow> load_pay(csv::Reader& reader) {
  return as_table_errors([&] { return PayReader(reader).read(); });
}

}  // namespace kpi::score
