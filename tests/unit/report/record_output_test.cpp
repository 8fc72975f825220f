// SPDX-License-Identifier: MIT
#include "kpi/report/record_output.hpp"

#include <doctest/doctest.h>

#include "test_support.hpp"

namespace {

std::string records(std::string bytes, kpi::report::RecordFormat format,
                    std::optional<std::uint64_t> limit = std::nullopt) {
  const auto reader = kpi::test::open_bytes(std::move(bytes));
  std::string out;
  kpi::report::write_records(*reader, format, limit, [&](std::string_view text) { out += text; });
  return out;
}

const std::string kExport = "门店,备注\nSH01,\"a \"\"q\"\"\n b\"\nBJ02, x \n";

}  // namespace

TEST_SUITE("report.record_output") {
  TEST_CASE("json is one array of objects with the values as the file holds them") {
    CHECK(records(kExport, kpi::report::RecordFormat::Json) ==
          "[\n{\"门店\":\"SH01\",\"备注\":\"a \\\"q\\\"\\n b\"},\n{\"门店\":\"BJ02\",\"备注\":\" x "
          "\"}\n]\n");
    CHECK(records("a\n", kpi::report::RecordFormat::Json) == "[]\n");
  }

  TEST_CASE("jsonl is one object per line, and --rows limits the count") {
    CHECK(records(kExport, kpi::report::RecordFormat::Jsonl, 1) ==
          "{\"门店\":\"SH01\",\"备注\":\"a \\\"q\\\"\\n b\"}\n");
  }

  TEST_CASE("csv is RFC 4180 in UTF-8 whatever the input was") {
    const std::string gbk = kpi::test::to_gb18030("门店;备注\nSH01;\"a,b\"\n");
    CHECK(records(gbk, kpi::report::RecordFormat::Csv) == "门店,备注\nSH01,\"a,b\"\n");
    CHECK(records(kExport, kpi::report::RecordFormat::Csv) ==
          "门店,备注\nSH01,\"a \"\"q\"\"\n b\"\nBJ02, x \n");
  }
}
