// SPDX-License-Identifier: MIT
// libFuzzer target: any bytes as a scores CSV (the hand-given scores of qualitative KPIs).
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "kpi/core/diagnostic.hpp"
#include "kpi/score/scores_loader.hpp"

namespace {

// One file for the whole process, rewritten for each input: load_scores reads a path.
const std::string& scores_path() {
  static const std::string path = [] {
    char folder[] = "/tmp/kpi-fuzz-scores-XXXXXX";
    if (::mkdtemp(folder) == nullptr) {
      std::abort();
    }
    return std::string(folder) + "/scores.csv";
  }();
  return path;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::vector<kpi::score::KpiInfo> kKpis = {
      {"sales", "月度成交金额", "money", false, false},
      {"teamwork", "团队协作", "score", true, false},
      {"review", "上级评价", "score", true, false}};
  {
    std::ofstream out(scores_path(), std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  try {
    const auto scores = kpi::score::load_scores(scores_path(), kKpis);
    for (const kpi::score::ManualScore& score : scores) {
      (void)kpi::score::find_score(scores, score.scorecard, score.entity, score.kpi, score.period);
    }
  } catch (const kpi::Error&) {
  }
  return 0;
}
