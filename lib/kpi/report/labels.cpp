// SPDX-License-Identifier: MIT
#include "kpi/report/labels.hpp"

#include <fmt/format.h>

namespace kpi::report {
namespace {

constexpr Labels kEnglish = {
    .report_title = "KPI report {}",
    .kpi = "KPI",
    .actual = "actual",
    .target = "target",
    .achievement = "achievement",
    .weight = "weight",
    .score = "score",
    .status = "status",
    // 环比 and 同比 have no short English words that readers of these reports know better.
    .change_previous = "环比",
    .change_last_year = "同比",
    .expected = "expected",
    .pace = "pace",
    .projected = "projected",
    .total = "total",
    .total_line = "Total: {}",
    .data_quality = "Data quality",
    .summary = "Summary",
    .alerts = "Alerts fired",
    .no_alert = "No alert fired.",
    .alert = "alert",
    .severity = "severity",
    .expected_range = "expected",
    .message = "message",
    .scorecard = "scorecard",
    .plan_total = "plan total (weights across scorecards)",
    .source_line = "{} ({}): {} rows read, {} skipped, {} without a valid time",
    .files = "{} files",
    .measures_line = "measures table ({}): {} rows read",
    .left_out = "KPIs without a value are left out and the other weights scaled to 100",
    .scored_zero = "KPIs without a value score 0",
    .met = "met",
    .at_risk = "at risk",
    .missed = "missed",
    .no_value = "no value",
    .name = "name",
    .period = "period",
    .by = "by",
    .value = "value",
    .unit = "unit",
    .measures_table = "measures table",
    .entity = "entity",
    .values_sheet = "KPI values",
    .source = "source",
    .file = "file",
    .rows_read = "rows read",
    .rows_skipped = "rows skipped",
    .rows_without_time = "rows without a valid time",
    .problem = "problem",
    .occurrences = "count",
    .first_place = "first place",
    .notes = "notes",
    .chart_title = "{}: achievement",
    .money = "money",
    .percent = "percent",
    .count = "count",
    .days = "days",
    .points = "score",
};

constexpr Labels kChinese = {
    .report_title = "KPI 报告 {}",
    .kpi = "指标",
    .actual = "实际",
    .target = "目标",
    .achievement = "达成率",
    .weight = "权重",
    .score = "得分",
    .status = "状态",
    .change_previous = "环比",
    .change_last_year = "同比",
    .expected = "目标进度",
    .pace = "进度",
    .projected = "预计",
    .total = "合计",
    .total_line = "合计：{}",
    .data_quality = "数据质量",
    .summary = "汇总",
    .alerts = "触发的预警",
    .no_alert = "没有预警触发。",
    .alert = "预警规则",
    .severity = "级别",
    .expected_range = "正常范围",
    .message = "说明",
    .scorecard = "考核表",
    .plan_total = "计划合计（权重跨考核表）",
    .source_line = "{}（{}）：读取 {} 行，跳过 {} 行，{} 行无有效时间",
    .files = "{} 个文件",
    .measures_line = "度量表（{}）：读取 {} 行",
    .left_out = "无数值的指标不计分，其余指标的权重按比例补足 100",
    .scored_zero = "无数值的指标计 0 分",
    .met = "达标",
    .at_risk = "预警",
    .missed = "未达标",
    .no_value = "无数据",
    .name = "名称",
    .period = "期间",
    .by = "维度",
    .value = "数值",
    .unit = "单位",
    .measures_table = "度量表",
    .entity = "对象",
    .values_sheet = "指标数值",
    .source = "数据源",
    .file = "文件",
    .rows_read = "读取行数",
    .rows_skipped = "跳过行数",
    .rows_without_time = "无有效时间行数",
    .problem = "问题",
    .occurrences = "次数",
    .first_place = "首次出现",
    .notes = "说明",
    .chart_title = "{}：达成率",
    .money = "金额",
    .percent = "百分比",
    .count = "计数",
    .days = "天",
    .points = "分",
};

}  // namespace

const Labels& labels(Lang lang) { return lang == Lang::Zh ? kChinese : kEnglish; }

std::string_view status_label(Lang lang, score::Status status) {
  const Labels& words = labels(lang);
  switch (status) {
    case score::Status::Met:
      return words.met;
    case score::Status::AtRisk:
      return words.at_risk;
    case score::Status::Missed:
      return words.missed;
    case score::Status::NoValue:
      return words.no_value;
    // A hand-given score without a target; and the pace of a period in progress (进度).
    case score::Status::Scored:
      return lang == Lang::Zh ? "已评分" : "scored";
    case score::Status::Ahead:
      return lang == Lang::Zh ? "领先" : "ahead";
    case score::Status::OnPace:
      return lang == Lang::Zh ? "正常" : "on pace";
    case score::Status::Behind:
      return lang == Lang::Zh ? "落后" : "behind";
  }
  return words.no_value;
}

std::string as_of_suffix(Lang lang, std::string_view day) {
  return lang == Lang::Zh ? fmt::format("（截至 {}）", day) : fmt::format(" (as of {})", day);
}

std::string unit_label(Lang lang, const std::string& unit) {
  const Labels& words = labels(lang);
  if (unit == "money") {
    return std::string(words.money);
  }
  if (unit == "percent") {
    return std::string(words.percent);
  }
  if (unit == "count") {
    return std::string(words.count);
  }
  if (unit == "days") {
    return std::string(words.days);
  }
  if (unit == "score") {
    return std::string(words.points);
  }
  return unit;
}

std::optional<Lang> find_lang(std::string_view name) {
  if (name == "en") {
    return Lang::En;
  }
  if (name == "zh") {
    return Lang::Zh;
  }
  return std::nullopt;
}

Lang lang_from_locale(const char* lc_all, const char* lc_messages, const char* lang) {
  for (const char* value : {lc_all, lc_messages, lang}) {
    if (value != nullptr && *value != '\0') {
      return std::string_view(value).starts_with("zh") ? Lang::Zh : Lang::En;
    }
  }
  return Lang::En;
}

}  // namespace kpi::report
