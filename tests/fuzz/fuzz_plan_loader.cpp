// SPDX-License-Identifier: MIT
// libFuzzer target: any bytes as a KPI plan table.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "kpi/core/diagnostic.hpp"
#include "kpi/csv/reader.hpp"
#include "kpi/score/plan_loader.hpp"
#include "kpi/score/plan_rule.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::vector<kpi::score::KpiInfo> kKpis = {
      {"sales", "月度成交金额", "money", false},
      {"repeat_rate", "客户复购率", "percent", false},
      {"teamwork", "团队协作", "score", true}};
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  try {
    const auto reader =
        kpi::csv::Reader::open(kpi::csv::ByteInput::from_string(bytes), "plan.csv", {});
    (void)kpi::score::load_plan(*reader, kKpis);
  } catch (const kpi::Error&) {
  }
  try {
    (void)kpi::score::parse_rule(bytes);
  } catch (const std::invalid_argument&) {
  }
  try {
    (void)kpi::score::parse_target(bytes);
  } catch (const std::invalid_argument&) {
  }
  return 0;
}
