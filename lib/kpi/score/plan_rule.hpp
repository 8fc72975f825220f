// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string_view>

#include "kpi/score/plan.hpp"

namespace kpi::score {

/// Reads a target as plans write it: "8万元" → 80000, "≥90分" → 90, "≥150人" → 150,
/// "35%" → 0.35 (written_as_percent), "100%" → 1, "¥1,200" → 1200.
///
/// A leading ≥ ≤ > < >= <= ＞ ＜ and a trailing unit word 分 人 次 天 个 单 家 元 (also after
/// 万 or 亿: "1.5万人" → 15000) are accepted and dropped; numbers are read as parse_number reads
/// them. Empty or missing tokens ("-", "N/A", …) give std::nullopt. Anything else throws
/// std::invalid_argument whose message starts with the quoted text and says what was expected.
std::optional<Target> parse_target(std::string_view text);

/// A parsed scoring rule text (评分规则): the rule, if it names one, and whether it is a veto.
struct ParsedRule {
  std::optional<ScoringRule> rule;  ///< none: the plan's default rule
  bool veto = false;                ///< "veto" or "一票否决" was one of the parts
};

/// Reads a scoring rule text. Parts are separated by ";" or "；", each one of:
///   "cap 120%" or "封顶120%" → CappedRatio with that cap;
///   "floor 60%" (optionally followed by "cap 110%") → Floor;
///   "linear 60%..100%" → Linear (the first percentage below the second);
///   "bands 100%=100 90%=80 80%=60" → Bands, sorted highest threshold first;
///   "pass/fail", "pass-fail" or "达标制" → PassFail;
///   "deduct 5" (optionally "per event" or "/次", then "floor 40" or "最低40分"), "扣分 5",
///   "扣5分/次", "每次扣5分" → Deduct, 5 points off 100 per event, never below the floor;
///   "veto" or "一票否决" → sets `veto`, alone or with one of the others.
/// English words in any letter case. Empty text gives no rule and no veto. Anything else throws
/// std::invalid_argument whose message quotes the part and lists the accepted forms.
///
/// Example:
///   parse_rule("floor 60% cap 110%; 一票否决")
///     → {Floor with threshold 0.6 and cap 1.1, veto = true}
ParsedRule parse_rule(std::string_view text);

/// Reads a weight in percent points: "30%" → 30, "30" → 30, "12.5%" → 12.5, "0.3" → 0.3 (the
/// loader then says the weights add up to 1). Throws std::invalid_argument for anything that
/// is not a number of zero or more without currency or 万/亿, and for an empty cell.
long double parse_weight(std::string_view text);

/// Reads an assessment cycle (考核周期): 每半月/半月/半月度/half-monthly/semi-monthly,
/// 每月/月度/月/monthly/month, 每半年/半年/半年度/half-yearly/semi-annual,
/// 每季度/季度/季/quarterly/quarter, 每年/年度/年/yearly/annual/year (English in any letter
/// case); empty text is Monthly. Throws std::invalid_argument for anything else.
Cycle parse_cycle(std::string_view text);

}  // namespace kpi::score
