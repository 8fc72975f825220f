// SPDX-License-Identifier: MIT
#include "kpi/score/plan_rule.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "kpi/value/cell_text.hpp"
#include "kpi/value/number_parser.hpp"

namespace kpi::score {
namespace {

constexpr std::string_view kTargetExpected = "expected a target such as 80000, 8万元, ≥90分 or 35%";
constexpr std::string_view kWeightProblem =
    "must be a percentage or a number of zero or more, such as 30% or 30";
constexpr std::string_view kCycleProblem =
    "is not a known cycle; expected 每半月/half-monthly, 每月/monthly, 每季度/quarterly, "
    "每半年/half-yearly or 每年/yearly";
constexpr std::string_view kRuleProblem =
    "is not a valid scoring rule; expected cap 120%, floor 60% (optionally with cap 110%), "
    "linear 60%..100%, bands 100%=100 90%=80 80%=60, pass/fail, deduct 5 (optionally with "
    "floor 40) or veto, or in Chinese 封顶120%, 达标制, 扣分5分 or 一票否决";

// Longer spellings first, so that ">=" is not read as ">" followed by "=".
constexpr std::array<std::string_view, 8> kComparators = {">=", "<=", "≥", "≤",
                                                          "＞", "＜", ">", "<"};
constexpr std::array<std::string_view, 8> kUnitWords = {"分", "人", "次", "天",
                                                        "个", "单", "家", "元"};

struct CycleName {
  std::string_view name;
  Cycle cycle;
};
constexpr std::array<CycleName, 27> kCycleNames = {{
    {"每半月", Cycle::HalfMonthly},
    {"半月", Cycle::HalfMonthly},
    {"半月度", Cycle::HalfMonthly},
    {"half-monthly", Cycle::HalfMonthly},
    {"semi-monthly", Cycle::HalfMonthly},
    {"每半年", Cycle::HalfYearly},
    {"半年", Cycle::HalfYearly},
    {"半年度", Cycle::HalfYearly},
    {"half-yearly", Cycle::HalfYearly},
    {"semi-annual", Cycle::HalfYearly},
    {"每月", Cycle::Monthly},
    {"月度", Cycle::Monthly},
    {"月", Cycle::Monthly},
    {"monthly", Cycle::Monthly},
    {"month", Cycle::Monthly},
    {"每季度", Cycle::Quarterly},
    {"季度", Cycle::Quarterly},
    {"季", Cycle::Quarterly},
    {"quarterly", Cycle::Quarterly},
    {"quarter", Cycle::Quarterly},
    {"每年", Cycle::Yearly},
    {"年度", Cycle::Yearly},
    {"年", Cycle::Yearly},
    {"yearly", Cycle::Yearly},
    {"annual", Cycle::Yearly},
    {"year", Cycle::Yearly},
    {"annually", Cycle::Yearly},
}};

[[noreturn]] void reject(std::string_view text, std::string_view problem) {
  throw std::invalid_argument(fmt::format("\"{}\" {}", text, problem));
}

std::string lower_ascii(std::string_view text) {
  std::string lowered(text);
  std::transform(lowered.begin(), lowered.end(), lowered.begin(),
                 [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; });
  return lowered;
}

bool consume_prefix(std::string_view& text, std::string_view prefix) {
  if (!text.starts_with(prefix)) {
    return false;
  }
  text = trim_cell(text.substr(prefix.size()));
  return true;
}

bool consume_suffix(std::string_view& text, std::string_view suffix) {
  if (!text.ends_with(suffix)) {
    return false;
  }
  text = trim_cell(text.substr(0, text.size() - suffix.size()));
  return true;
}

long double to_long_double(Decimal value) {
  return static_cast<long double>(value.units()) / Decimal::kUnitsPerOne;
}

bool is_plain(const NumberCell& cell) {
  return cell.status == CellStatus::Value && !cell.notation.currency && !cell.notation.multiplier;
}

// "120%" as an achievement (1.2); none for anything that is not a plain percentage.
std::optional<long double> achievement(std::string_view text) {
  const NumberCell cell = parse_number(text);
  if (!is_plain(cell) || !cell.notation.percent) {
    return std::nullopt;
  }
  return to_long_double(cell.value);
}

long double require_achievement(std::string_view part, std::string_view text) {
  const std::optional<long double> value = achievement(text);
  if (!value) {
    reject(part, kRuleProblem);
  }
  return *value;
}

long double require_points(std::string_view part, std::string_view text) {
  const NumberCell cell = parse_number(text);
  if (!is_plain(cell) || cell.notation.percent) {
    reject(part, kRuleProblem);
  }
  return to_long_double(cell.value);
}

// A cap is the most achievement a KPI earns points for; below 100% a met KPI would score less
// than 100 (cap 0%: nothing at all).
long double require_cap(std::string_view part, std::string_view text) {
  const long double cap = require_achievement(part, text);
  if (cap < 1) {
    reject(part, fmt::format("caps achievement at {}, so a met KPI would score less than 100; a "
                             "cap is 100% or more, as in cap 120%",
                             trim_cell(text)));
  }
  return cap;
}

ScoringRule capped_rule(std::string_view part, std::string_view rest) {
  ScoringRule rule;
  rule.kind = ScoringRule::Kind::CappedRatio;
  rule.cap = require_cap(part, rest);
  return rule;
}

ScoringRule floor_rule(std::string_view part, std::string_view rest) {
  ScoringRule rule;
  rule.kind = ScoringRule::Kind::Floor;
  std::string_view cap;
  for (std::string_view keyword : {"cap", "封顶"}) {
    if (const std::size_t at = rest.find(keyword); at != std::string_view::npos) {
      cap = trim_cell(rest.substr(at + keyword.size()));
      rest = trim_cell(rest.substr(0, at));
      break;
    }
  }
  rule.threshold = require_achievement(part, rest);
  if (!cap.empty()) {
    rule.cap = require_cap(part, cap);
    if (rule.threshold > rule.cap) {
      reject(part, fmt::format("puts the floor {} above the cap {}; the floor is the least "
                               "achievement that scores, the cap the most",
                               rest, cap));
    }
  }
  return rule;
}

ScoringRule linear_rule(std::string_view part, std::string_view rest) {
  const std::size_t dots = rest.find("..");
  if (dots == std::string_view::npos) {
    reject(part, kRuleProblem);
  }
  ScoringRule rule;
  rule.kind = ScoringRule::Kind::Linear;
  rule.from = require_achievement(part, trim_cell(rest.substr(0, dots)));
  rule.to = require_achievement(part, trim_cell(rest.substr(dots + 2)));
  if (rule.from >= rule.to) {
    reject(part, "needs the lower achievement first, as in linear 60%..100%");
  }
  return rule;
}

// "100% = 100" → "100%=100", so that bands can be split at blanks.
std::string join_around_equals(std::string_view text) {
  std::string joined;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == ' ' || text[i] == '\t') {
      const std::size_t next = text.find_first_not_of(" \t", i);
      const bool before_equals = next != std::string_view::npos && text[next] == '=';
      if (before_equals || (!joined.empty() && joined.back() == '=')) {
        continue;
      }
    }
    joined.push_back(text[i]);
  }
  return joined;
}

ScoringRule bands_rule(std::string_view part, std::string_view rest) {
  ScoringRule rule;
  rule.kind = ScoringRule::Kind::Bands;
  const std::string joined = join_around_equals(rest);
  std::string_view remaining = joined;
  while (!(remaining = trim_cell(remaining)).empty()) {
    const std::string_view band = remaining.substr(0, remaining.find_first_of(" \t"));
    remaining.remove_prefix(band.size());
    const std::size_t equals = band.find('=');
    if (equals == std::string_view::npos) {
      reject(part, kRuleProblem);
    }
    const std::string_view threshold_text = band.substr(0, equals);
    const long double threshold = require_achievement(part, threshold_text);
    for (const ScoringRule::Band& earlier : rule.bands) {
      if (earlier.threshold == threshold) {
        reject(part, fmt::format("gives the {} band twice; give each achievement one score",
                                 threshold_text));
      }
    }
    rule.bands.push_back({threshold, require_points(part, band.substr(equals + 1))});
  }
  if (rule.bands.empty()) {
    reject(part, kRuleProblem);
  }
  std::stable_sort(rule.bands.begin(), rule.bands.end(),
                   [](const auto& a, const auto& b) { return a.threshold > b.threshold; });
  return rule;
}

// A number of points: "5", "5分".
std::optional<long double> points_number(std::string_view text) {
  text = trim_cell(text);
  consume_suffix(text, "分");
  const NumberCell cell = parse_number(trim_cell(text));
  if (cell.status != CellStatus::Value || cell.notation.percent) {
    return std::nullopt;
  }
  return to_long_double(cell.value);
}

// 扣分制: "deduct 5", "deduct 5 floor 40", "扣分 5", "扣5分/次", "每次扣5分 最低40分".
ScoringRule deduct_rule(std::string_view part, std::string_view rest) {
  std::string_view floor_text;
  for (std::string_view keyword : {"floor", "最低"}) {
    if (const std::size_t at = rest.find(keyword); at != std::string_view::npos) {
      floor_text = trim_cell(rest.substr(at + keyword.size()));
      rest = trim_cell(rest.substr(0, at));
      break;
    }
  }
  for (std::string_view suffix : {"/event", "per event", "/次", "每次"}) {
    if (consume_suffix(rest, suffix)) {
      rest = trim_cell(rest);
      break;
    }
  }
  ScoringRule rule;
  rule.kind = ScoringRule::Kind::Deduct;
  const std::optional<long double> per = points_number(rest);
  if (!per || *per <= 0 || *per > 100) {
    reject(part,
           "needs the points taken off per event, above 0 and up to 100, as in deduct 5 "
           "or 扣5分/次");
  }
  rule.per = *per;
  if (!floor_text.empty()) {
    const std::optional<long double> least = points_number(floor_text);
    if (!least || *least < 0 || *least >= 100) {
      reject(part, "needs a floor of 0 or more points and below 100, as in deduct 5 floor 40");
    }
    rule.least = *least;
  }
  return rule;
}

ScoringRule parse_one_rule(std::string_view part) {
  const std::string lowered = lower_ascii(part);
  std::string_view rest = lowered;
  if (rest == "pass/fail" || rest == "pass-fail" || rest == "达标制") {
    ScoringRule rule;
    rule.kind = ScoringRule::Kind::PassFail;
    return rule;
  }
  if (consume_prefix(rest, "cap") || consume_prefix(rest, "封顶")) {
    return capped_rule(part, rest);
  }
  if (consume_prefix(rest, "floor")) {
    return floor_rule(part, rest);
  }
  if (consume_prefix(rest, "linear")) {
    return linear_rule(part, rest);
  }
  if (consume_prefix(rest, "bands")) {
    return bands_rule(part, rest);
  }
  if (consume_prefix(rest, "deduct") || consume_prefix(rest, "扣分制") ||
      consume_prefix(rest, "扣分") || consume_prefix(rest, "每次扣") ||
      consume_prefix(rest, "扣")) {
    return deduct_rule(part, trim_cell(rest));
  }
  reject(part, kRuleProblem);
}

bool is_veto(std::string_view part) { return lower_ascii(part) == "veto" || part == "一票否决"; }

// Full-width digits, %, the ideographic space, "；" and "＝" as Chinese input methods type them.
std::string fold_rule_text(std::string_view text) {
  const std::string folded = fold_full_width(text);
  std::string_view rest = folded;
  std::string result;
  while (!rest.empty()) {
    if (rest.starts_with("；") || rest.starts_with("＝")) {
      result += rest.starts_with("；") ? ';' : '=';
      rest.remove_prefix(std::string_view("；").size());
      continue;
    }
    result += rest.front();
    rest.remove_prefix(1);
  }
  return result;
}

}  // namespace

std::optional<Target> parse_target(std::string_view text) {
  const std::string_view written = trim_cell(text);
  if (is_missing_token(written)) {
    return std::nullopt;
  }
  std::string_view number = written;
  for (std::string_view comparator : kComparators) {
    if (consume_prefix(number, comparator)) {
      break;
    }
  }
  for (std::string_view unit : kUnitWords) {
    if (consume_suffix(number, unit)) {
      break;
    }
  }
  const NumberCell cell = parse_number(number);
  if (cell.status != CellStatus::Value) {
    const std::string_view problem =
        cell.status == CellStatus::Missing ? "is not a number" : cell.problem;
    reject(written, fmt::format("{}; {}", problem, kTargetExpected));
  }
  return Target{to_long_double(cell.value), cell.notation.percent, std::string(written)};
}

ParsedRule parse_rule(std::string_view text) {
  const std::string folded = fold_rule_text(text);
  ParsedRule parsed;
  std::string_view remaining = folded;
  while (!remaining.empty()) {
    const std::size_t semicolon = std::min(remaining.find(';'), remaining.size());
    const std::string_view part = trim_cell(remaining.substr(0, semicolon));
    remaining.remove_prefix(std::min(semicolon + 1, remaining.size()));
    if (part.empty()) {
      continue;
    }
    if (is_veto(part)) {
      parsed.veto = true;
      continue;
    }
    ScoringRule rule = parse_one_rule(part);
    if (parsed.rule) {
      reject(trim_cell(text), "names two scoring rules; combine at most one of them with veto");
    }
    parsed.rule = std::move(rule);
  }
  return parsed;
}

long double parse_weight(std::string_view text) {
  const std::string_view written = trim_cell(text);
  const NumberCell cell = parse_number(written);
  if (!is_plain(cell) || cell.value.units() < 0) {
    reject(written, kWeightProblem);
  }
  // "30%" is 0.3 to parse_number; dividing its millionths by 10⁴ gives exactly 30.
  const long double divisor = cell.notation.percent ? 10'000.0L : Decimal::kUnitsPerOne;
  return static_cast<long double>(cell.value.units()) / divisor;
}

Cycle parse_cycle(std::string_view text) {
  const std::string name = lower_ascii(trim_cell(text));
  if (name.empty()) {
    return Cycle::Monthly;
  }
  for (const CycleName& entry : kCycleNames) {
    if (name == entry.name) {
      return entry.cycle;
    }
  }
  reject(trim_cell(text), kCycleProblem);
}

}  // namespace kpi::score
