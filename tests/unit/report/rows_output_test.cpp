// SPDX-License-Identifier: MIT
#include "kpi/report/rows_output.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "kpi/value/moment.hpp"

namespace {

using kpi::expr::Value;
using kpi::library::FieldType;

const std::vector<kpi::report::RowsColumn> kColumns = {{"time", FieldType::DateTime},
                                                       {"day", FieldType::Date},
                                                       {"门店", FieldType::Text},
                                                       {"amount", FieldType::Money},
                                                       {"refunded", FieldType::Bool}};

// 2025-06-03 at midnight, and at 09:05:07.
constexpr std::int32_t kDay = 20242;
const std::vector<Value> kRow = {Value::of_moment(kpi::moment_of(kDay)),
                                 Value::of_moment(kpi::moment_of(kDay)), Value::of_text("a,\"b\""),
                                 Value::of_number(kpi::Decimal::from_units(-1'234'500'000)),
                                 Value::of_bool(true)};
const std::vector<Value> kSparse = {Value::of_moment(kpi::moment_of(kDay, 9 * 3600 + 5 * 60 + 7)),
                                    Value{}, Value{}, Value{}, Value{}};

std::string rows(kpi::report::Format format) {
  const kpi::report::RowsWriter writer(kColumns, format);
  std::string out = writer.header();
  writer.append(kRow, out);
  writer.append(kSparse, out);
  return out;
}

}  // namespace

TEST_SUITE("report.rows_output") {
  TEST_CASE("csv names the fields and writes typed plain values, missing as empty") {
    CHECK(rows(kpi::report::Format::Csv) ==
          "time,day,门店,amount,refunded\n"
          "2025-06-03 00:00:00,2025-06-03,\"a,\"\"b\"\"\",-1234.5,true\n"
          "2025-06-03 09:05:07,,,,\n");
  }

  TEST_CASE("jsonl writes numbers and booleans bare and null for missing") {
    CHECK(rows(kpi::report::Format::Jsonl) ==
          "{\"time\":\"2025-06-03 00:00:00\",\"day\":\"2025-06-03\",\"门店\":\"a,\\\"b\\\"\","
          "\"amount\":-1234.5,\"refunded\":true}\n"
          "{\"time\":\"2025-06-03 09:05:07\",\"day\":null,\"门店\":null,\"amount\":null,"
          "\"refunded\":null}\n");
  }
}
