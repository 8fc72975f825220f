// SPDX-License-Identifier: MIT
#include "kpi/score/plan_loader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <tuple>
#include <vector>

#include "kpi/core/did_you_mean.hpp"
#include "kpi/score/plan_rule.hpp"
#include "kpi/score/plan_tree.hpp"
#include "kpi/score/plan_weights.hpp"
#include "kpi/score/table_columns.hpp"
#include "kpi/time/written_period.hpp"
#include "kpi/value/cell_text.hpp"
#include "kpi/value/decimal.hpp"

namespace kpi::score {
namespace {

constexpr std::string_view kInvalid = kTableError;

enum class Column {
  Scorecard,
  Entity,
  Kpi,
  Target,
  Weight,
  Cycle,
  Rule,
  Period,
  Base,
  Stretch,
  Veto,
  Area,
  Parent
};
constexpr std::size_t kColumnCount = 13;

struct ColumnSpec {
  std::string_view label;  // how messages name the column
  std::vector<std::string_view> aliases;
  bool required;
};

const ColumnSpec& spec(Column column) {
  static const std::array<ColumnSpec, kColumnCount> kSpecs = {{
      {"scorecard",
       {"部门/岗位", "部门", "岗位", "岗位名称", "部门名称", "scorecard", "department", "role",
        "position", "job"},
       true},
      {"entity",
       {"对象", "考核对象", "姓名", "员工", "员工姓名", "entity", "employee", "person"},
       false},
      {"KPI",
       {"KPI", "指标", "KPI名称", "考核指标", "KPI指标", "指标名称", "kpi name", "indicator",
        "metric"},
       true},
      {"target", {"目标值", "目标", "target", "target value"}, false},
      {"weight", {"权重", "weight"}, true},
      {"cycle", {"考核周期", "周期", "cycle", "assessment cycle", "frequency"}, false},
      {"rule", {"评分规则", "规则", "计分方式", "rule", "scoring rule", "scoring"}, false},
      {"period", {"期间", "考核期间", "period"}, false},
      {"base", {"保底", "保底目标", "base"}, false},
      {"stretch", {"挑战", "挑战目标", "stretch"}, false},
      {"veto", {"一票否决", "veto"}, false},
      {"area",
       {"考核维度", "指标类别", "KPI指标类别", "关键绩效领域", "维度", "area", "category"},
       false},
      {"parent", {"上级", "上级部门", "所属部门", "上级岗位", "parent", "parent scorecard"}, false},
  }};
  return kSpecs[static_cast<std::size_t>(column)];
}

using ColumnIndex = std::array<std::optional<std::size_t>, kColumnCount>;

// "a, b or c"
template <typename Names>
std::string join_names(const Names& names, std::string_view last_separator) {
  std::string joined;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) {
      joined += i + 1 == names.size() ? last_separator : ", ";
    }
    joined += names[i];
  }
  return joined;
}

ColumnIndex find_columns(const csv::Header& header, const std::string& file) {
  ColumnIndex index;
  for (std::size_t c = 0; c < kColumnCount; ++c) {
    const ColumnSpec& column = spec(static_cast<Column>(c));
    index[c] = find_column(header, column.aliases);
    if (!index[c] && column.required) {
      std::string message = fmt::format("no {} column ({}); the header has ", column.label,
                                        join_names(column.aliases, " or "));
      message += join_elided(header.names, ", ");
      throw Error({std::string(kInvalid), std::move(message), {file, 1, 0}});
    }
  }
  return index;
}

std::string period_label(const PlanRow& row) { return row.period ? row.period->label : ""; }

class PlanLoader {
 public:
  PlanLoader(csv::Reader& reader, std::span<const KpiInfo> kpis, const time::Calendar& calendar)
      : reader_(reader), kpis_(kpis), calendar_(calendar) {
    for (const KpiInfo& kpi : kpis) {
      kpi_names_.push_back(kpi.id);
      if (!kpi.name.empty()) {
        kpi_names_.push_back(kpi.name);
      }
    }
  }

  Plan load() {
    plan_.file = reader_.file();
    columns_ = find_columns(reader_.header(), plan_.file);
    plan_.parent_field = field_number(Column::Parent);
    plan_.target_field = field_number(Column::Target);
    while (next_record()) {
      if (is_blank_record()) {
        continue;
      }
      if (is_children_row()) {
        plan_.children_rows.push_back(read_children_row());
      } else {
        plan_.rows.push_back(read_row());
      }
    }
    if (plan_.rows.empty()) {
      throw Error({std::string(kInvalid), "the plan has no KPI rows", {plan_.file, 0, 0}});
    }
    check_plan_weights(plan_, field_number(Column::Weight), field_number(Column::Scorecard));
    plan_.area_field = field_number(Column::Area);
    check_plan_tree(plan_, field_number(Column::Parent), field_number(Column::Kpi));
    return std::move(plan_);
  }

 private:
  // A plan row must not silently disappear, so a record the reader skipped is an error.
  bool next_record() {
    const bool found = reader_.next(record_);
    if (reader_.skipped().count > 0) {
      const Diagnostic& skipped = reader_.skipped().first.front();
      throw Error({std::string(kInvalid), skipped.message, skipped.where});
    }
    return found;
  }

  bool is_blank_record() const {
    return std::all_of(record_.fields.begin(), record_.fields.end(),
                       [](std::string_view field) { return trim_cell(field).empty(); });
  }

  std::string_view cell(Column column) const {
    const std::optional<std::size_t>& index = columns_[static_cast<std::size_t>(column)];
    return index ? trim_cell(record_.fields[*index]) : std::string_view{};
  }

  std::uint64_t field_number(Column column) const {
    const std::optional<std::size_t>& index = columns_[static_cast<std::size_t>(column)];
    return index ? *index + 1 : 0;
  }

  [[noreturn]] void fail(std::uint64_t line, Column column, std::string message) const {
    throw Error(
        {std::string(kInvalid), std::move(message), {plan_.file, line, field_number(column)}});
  }

  [[noreturn]] void fail(Column column, std::string message) const {
    fail(record_.line, column, std::move(message));
  }

  // Runs a plan_rule parser on the cell, turning its std::invalid_argument into a located error.
  template <typename Parser>
  auto parse_cell(Column column, Parser parser) const {
    try {
      return parser(cell(column));
    } catch (const std::invalid_argument& error) {
      std::string message(spec(column).label);
      message += ' ';
      message += error.what();
      fail(column, std::move(message));
    }
  }

  PlanRow read_row() {
    PlanRow row;
    row.where = {plan_.file, record_.line, 0};
    row.scorecard = read_scorecard();
    row.entity = cell(Column::Entity);
    const KpiInfo& kpi = resolve_kpi();
    row.kpi = kpi.id;
    row.target = read_target(Column::Target, kpi);
    const ParsedRule rule = parse_cell(Column::Rule, parse_rule);
    row.rule = rule.rule;
    // A deduction rule (扣分制) scores the count itself: a target is optional.
    const bool deducts = row.rule && row.rule->kind == ScoringRule::Kind::Deduct;
    if (!row.target && !kpi.qualitative && !deducts) {
      fail(field_number(Column::Target) ? Column::Target : Column::Kpi,
           fmt::format("KPI \"{}\" needs a target", kpi.id));
    }
    if (deducts && kpi.qualitative) {
      fail(Column::Rule, fmt::format("KPI \"{}\" is qualitative (scored from a scores CSV): a "
                                     "deduction rule needs a KPI that counts events",
                                     kpi.id));
    }
    row.weight = read_weight(kpi);
    row.cycle = parse_cell(Column::Cycle, parse_cycle);
    row.period = read_period();
    row.base = read_target(Column::Base, kpi);
    row.stretch = read_target(Column::Stretch, kpi);
    check_tiers(row, kpi);
    row.veto = read_veto() || rule.veto;
    row.area = cell(Column::Area);
    if (row.area.empty() && !plan_.rows.empty() && plan_.rows.back().scorecard == row.scorecard) {
      row.area = plan_.rows.back().area;  // a merged 考核维度 cell, as Excel exports it
    }
    row.parent = cell(Column::Parent);
    if (row.parent.empty() && !plan_.rows.empty() && plan_.rows.back().scorecard == row.scorecard &&
        plan_.rows.back().entity == row.entity) {
      row.parent = plan_.rows.back().parent;  // a merged 上级 cell
    }
    check_duplicate(row);
    return row;
  }

  // A 下级 (children) row: only in a plan with a parent column, and only when no KPI of the
  // library is called so (the library's KPI wins).
  bool is_children_row() const {
    const std::string_view text = cell(Column::Kpi);
    if (!field_number(Column::Parent) ||
        std::find(std::begin(kChildrenWords), std::end(kChildrenWords), text) ==
            std::end(kChildrenWords)) {
      return false;
    }
    return std::none_of(kpis_.begin(), kpis_.end(),
                        [&](const KpiInfo& kpi) { return kpi.id == text || kpi.name == text; });
  }

  // The weighted mean of the children's totals as one line of a whole scorecard: it takes a
  // weight and a parent, nothing a KPI row scores with.
  ChildrenRow read_children_row() {
    ChildrenRow row;
    row.where = {plan_.file, record_.line, 0};
    row.scorecard = read_scorecard();
    row.word = cell(Column::Kpi);
    if (!cell(Column::Entity).empty()) {
      fail(Column::Entity, fmt::format("a {} row is the scorecard of a whole (部门/岗位); it takes "
                                       "no entity, \"{}\" here",
                                       row.word, cell(Column::Entity)));
    }
    for (const Column column : {Column::Target, Column::Rule, Column::Period, Column::Base,
                                Column::Stretch, Column::Veto}) {
      if (!is_missing_token(cell(column))) {
        fail(column, fmt::format("a {} row (the children's totals) takes a weight and a parent, "
                                 "no {}: \"{}\"",
                                 row.word, spec(column).label, cell(column)));
      }
    }
    if (cell(Column::Weight).empty()) {
      fail(Column::Weight, fmt::format("the {} row needs a weight", row.word));
    }
    row.weight = parse_cell(Column::Weight, parse_weight);
    row.parent = cell(Column::Parent);
    for (const ChildrenRow& other : plan_.children_rows) {
      if (other.scorecard == row.scorecard) {
        fail(Column::Kpi, fmt::format("duplicate row: scorecard \"{}\" already has a {} row on "
                                      "line {}",
                                      row.scorecard, other.word, other.where.line));
      }
    }
    return row;
  }

  std::optional<time::Period> read_period() const {
    const std::string_view text = cell(Column::Period);
    if (text.empty()) {
      return std::nullopt;
    }
    if (auto period = time::parse_written_period(text, calendar_)) {
      return period;
    }
    fail(Column::Period, fmt::format("period \"{}\" is not a period; write {}", text,
                                     time::written_period_forms()));
  }

  std::string read_scorecard() {
    const std::string_view text = cell(Column::Scorecard);
    if (!text.empty()) {
      previous_scorecard_ = text;
    } else if (previous_scorecard_.empty()) {
      fail(Column::Scorecard, "the scorecard (department or role) is empty");
    }
    return previous_scorecard_;
  }

  const KpiInfo& resolve_kpi() const {
    const std::string_view text = cell(Column::Kpi);
    if (text.empty()) {
      fail(Column::Kpi, "the KPI is empty");
    }
    std::vector<const KpiInfo*> named;
    for (const KpiInfo& kpi : kpis_) {
      if (kpi.id == text || kpi.name == text) {
        named.push_back(&kpi);
      }
    }
    if (named.size() > 1) {
      std::vector<std::string> ids;
      for (const KpiInfo* kpi : named) {
        ids.push_back(fmt::format("\"{}\"", kpi->id));
      }
      fail(Column::Kpi, fmt::format("\"{}\" names {} KPIs: {}; write the id of the one meant", text,
                                    named.size(), join_names(ids, " and ")));
    }
    if (named.size() == 1) {
      return *named.front();
    }
    fail(Column::Kpi, fmt::format("unknown KPI \"{}\"{}", text, did_you_mean(text, kpi_names_)));
  }

  std::optional<Target> read_target(Column column, const KpiInfo& kpi) const {
    // A hand-given score may stand against a target score (≥85分), but two tiers of points
    // would score what a person already scored.
    if (kpi.qualitative && column != Column::Target) {
      if (!is_missing_token(cell(column))) {
        fail(column, fmt::format("KPI \"{}\" is qualitative (scored from a scores CSV) and takes "
                                 "no {}",
                                 kpi.id, spec(column).label));
      }
      return std::nullopt;
    }
    std::optional<Target> target = parse_cell(column, parse_target);
    if (target) {
      check_percent(column, *target, kpi);
    }
    if (target && kpi.qualitative && (target->value <= 0 || target->value > 100)) {
      fail(column, fmt::format("target \"{}\" for qualitative KPI \"{}\" is not a score above 0 "
                               "and up to 100",
                               target->text, kpi.id));
    }
    return target;
  }

  // A percent KPI's target must say so (35% or 0.35); any other KPI's must not.
  void check_percent(Column column, const Target& target, const KpiInfo& kpi) const {
    const std::string_view label = spec(column).label;
    if (kpi.unit == "percent") {
      if (!target.written_as_percent && (target.value < 0 || target.value > 1)) {
        fail(column, fmt::format("{} \"{}\" for percent KPI \"{}\": write {}%", label, target.text,
                                 kpi.id, plain_number(target.value)));
      }
      return;
    }
    if (target.written_as_percent) {
      const std::string unit = kpi.unit.empty() ? "" : fmt::format(" (unit {})", kpi.unit);
      fail(column, fmt::format("{} \"{}\" for KPI \"{}\"{} is a percentage", label, target.text,
                               kpi.id, unit));
    }
  }

  // Two-tier targets: 0 below the base (保底), 60 at it, 100 at the target, the cap's points at
  // the stretch (挑战). A base beyond the target or a stretch short of it contradicts that.
  void check_tiers(const PlanRow& row, const KpiInfo& kpi) const {
    if (!row.target) {
      return;
    }
    const long double target = row.target->value;
    const bool lower = kpi.lower_is_better;
    const char* better = lower ? "below" : "above";
    const char* worse = lower ? "above" : "below";
    const std::string direction =
        lower ? fmt::format(" of lower-is-better KPI \"{}\"", kpi.id) : std::string();
    if (row.base && (lower ? row.base->value < target : row.base->value > target)) {
      fail(Column::Base,
           fmt::format("base \"{}\" is {} the target \"{}\"{}; the base (保底) is the bar "
                       "{} the target that still scores 60",
                       row.base->text, better, row.target->text, direction, worse));
    }
    if (row.stretch && (lower ? row.stretch->value > target : row.stretch->value < target)) {
      fail(Column::Stretch,
           fmt::format("stretch \"{}\" is {} the target \"{}\"{}; the stretch (挑战) is the "
                       "bar {} the target that scores the cap",
                       row.stretch->text, worse, row.target->text, direction, better));
    }
  }

  long double read_weight(const KpiInfo& kpi) const {
    if (cell(Column::Weight).empty()) {
      fail(Column::Weight, fmt::format("KPI \"{}\" needs a weight", kpi.id));
    }
    return parse_cell(Column::Weight, parse_weight);
  }

  bool read_veto() const {
    const std::string_view text = cell(Column::Veto);
    if (text.empty()) {
      return false;
    }
    const std::optional<bool> veto = parse_bool_token(text);
    if (!veto) {
      fail(Column::Veto, fmt::format("veto \"{}\" is not yes or no; expected 是/否, yes/no, "
                                     "true/false, 1/0 or Y/N",
                                     text));
    }
    return *veto;
  }

  void check_duplicate(const PlanRow& row) {
    const auto [found, added] = first_lines_.try_emplace(
        {row.scorecard, row.entity, row.kpi, period_label(row)}, row.where.line);
    if (!added) {
      fail(Column::Kpi, fmt::format("duplicate row: KPI \"{}\" of {} is already on line {}",
                                    row.kpi, describe_scorecard(row), found->second));
    }
  }

  csv::Reader& reader_;
  std::span<const KpiInfo> kpis_;
  time::Calendar calendar_;
  std::vector<std::string> kpi_names_;  // ids and display names, for did-you-mean
  ColumnIndex columns_;
  csv::Record record_;
  Plan plan_;
  std::string previous_scorecard_;
  std::map<std::tuple<std::string, std::string, std::string, std::string>, std::uint64_t>
      first_lines_;
};

}  // namespace

Plan load_plan(const std::string& path, std::span<const KpiInfo> kpis,
               const time::Calendar& calendar) {
  return as_table_errors([&] {
    const auto reader = csv::Reader::open(path, csv::ReaderOptions{});
    return PlanLoader(*reader, kpis, calendar).load();
  });
}

Plan load_plan(csv::Reader& reader, std::span<const KpiInfo> kpis, const time::Calendar& calendar) {
  return as_table_errors([&] { return PlanLoader(reader, kpis, calendar).load(); });
}

}  // namespace kpi::score
