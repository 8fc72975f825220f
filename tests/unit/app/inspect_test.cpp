// SPDX-License-Identifier: MIT
#include "kpi/app/inspect.hpp"

#include <doctest/doctest.h>

#include "test_support.hpp"

namespace {

std::string records(std::string bytes, kpi::app::RecordFormat format,
                    std::optional<std::uint64_t> limit = std::nullopt) {
  const auto reader = kpi::test::open_bytes(std::move(bytes));
  std::string out;
  kpi::app::write_records(*reader, format, limit, [&](std::string_view text) { out += text; });
  return out;
}

const std::string kExport = "门店,备注\nSH01,\"a \"\"q\"\"\n b\"\nBJ02, x \n";

}  // namespace

TEST_SUITE("app.inspect") {
  TEST_CASE("json is one array of objects with the values as the file holds them") {
    CHECK(records(kExport, kpi::app::RecordFormat::Json) ==
          "[\n{\"门店\":\"SH01\",\"备注\":\"a \\\"q\\\"\\n b\"},\n{\"门店\":\"BJ02\",\"备注\":\" x "
          "\"}\n]\n");
    CHECK(records("a\n", kpi::app::RecordFormat::Json) == "[]\n");
  }

  TEST_CASE("jsonl is one object per line, and --rows limits the count") {
    CHECK(records(kExport, kpi::app::RecordFormat::JsonLines, 1) ==
          "{\"门店\":\"SH01\",\"备注\":\"a \\\"q\\\"\\n b\"}\n");
  }

  TEST_CASE("csv is RFC 4180 in UTF-8 whatever the input was") {
    const std::string gbk = kpi::test::to_gb18030("门店;备注\nSH01;\"a,b\"\n");
    CHECK(records(gbk, kpi::app::RecordFormat::Csv) == "门店,备注\nSH01,\"a,b\"\n");
    CHECK(records(kExport, kpi::app::RecordFormat::Csv) ==
          "门店,备注\nSH01,\"a \"\"q\"\"\n b\"\nBJ02, x \n");
  }
}
