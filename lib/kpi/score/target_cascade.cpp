// SPDX-License-Identifier: MIT
#include "kpi/score/target_cascade.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

#include "kpi/score/plan_resolution.hpp"
#include "kpi/score/plan_weights.hpp"

namespace kpi::score {
namespace {

using NodeKey = std::pair<std::string, std::string>;  // 部门/岗位, 对象

std::string node_text(const NodeKey& key) {
  return key.second.empty() ? key.first : fmt::format("{} · {}", key.first, key.second);
}

std::string period_label(const PlanRow& row) { return row.period ? row.period->label : ""; }

// The children of a whole scorecard, in file order (those written with `each` left out).
std::vector<NodeKey> children_of(const Plan& plan, const std::string& parent) {
  std::vector<NodeKey> children;
  const auto add = [&](NodeKey key) {
    if (key.second != kEachEntity &&
        std::find(children.begin(), children.end(), key) == children.end()) {
      children.push_back(std::move(key));
    }
  };
  for (const PlanRow& row : plan.rows) {
    if (row.parent == parent) {
      add({row.scorecard, row.entity});
    }
  }
  for (const ChildrenRow& row : plan.children_rows) {
    if (row.parent == parent) {
      add({row.scorecard, ""});
    }
  }
  return children;
}

// The child's row of the parent row's KPI and 期间, with a target; null if none.
const PlanRow* row_of(const Plan& plan, const NodeKey& child, const PlanRow& parent_row) {
  for (const PlanRow& row : plan.rows) {
    if (row.scorecard == child.first && row.entity == child.second && row.kpi == parent_row.kpi &&
        period_label(row) == period_label(parent_row) && row.target) {
      return &row;
    }
  }
  return nullptr;
}

struct Part {
  std::string child;
  const PlanRow* row;
};

std::string parts_text(const std::vector<Part>& parts) {
  std::vector<std::string> texts;
  for (const Part& part : parts) {
    texts.push_back(fmt::format("{} {}", part.child, part.row->target->text));
  }
  return fmt::format("{}", fmt::join(texts, ", "));
}

}  // namespace

std::vector<Diagnostic> check_target_cascade(const Plan& plan, std::span<const KpiInfo> kpis) {
  std::vector<Diagnostic> warnings;
  if (!plan.is_tree()) {
    return warnings;
  }
  for (const PlanRow& parent_row : plan.rows) {
    if (!parent_row.entity.empty() || !parent_row.target) {
      continue;
    }
    const std::vector<NodeKey> children = children_of(plan, parent_row.scorecard);
    std::vector<Part> parts;
    for (const NodeKey& child : children) {
      if (const PlanRow* row = row_of(plan, child, parent_row)) {
        parts.push_back({node_text(child), row});
      }
    }
    const auto kpi = std::find_if(kpis.begin(), kpis.end(),
                                  [&](const KpiInfo& info) { return info.id == parent_row.kpi; });
    if (parts.empty() || kpi == kpis.end()) {
      continue;
    }
    const long double target = parent_row.target->value;
    const SourceLocation where{plan.file, parent_row.where.line, plan.target_field};
    if (kpi->adds_up) {
      if (parts.size() != children.size()) {
        continue;  // some children do not carry it: their targets cannot add up to the whole
      }
      long double sum = 0;
      for (const Part& part : parts) {
        sum += part.row->target->value;
      }
      const long double off =
          target == 0 ? std::fabs(sum) : std::fabs(sum - target) / std::fabs(target);
      if (off > kCascadeTolerance + 1e-12L) {
        warnings.push_back(
            {"plan.cascade",
             fmt::format("KPI \"{}\" of \"{}\": the children's targets add up to {}, not the "
                         "target {} ({:.1f}% off, more than 0.5%): {}",
                         parent_row.kpi, parent_row.scorecard, plain_number(sum),
                         parent_row.target->text, static_cast<double>(off * 100),
                         parts_text(parts)),
             where});
      }
      continue;
    }
    const auto [lowest, highest] = std::minmax_element(
        parts.begin(), parts.end(),
        [](const Part& a, const Part& b) { return a.row->target->value < b.row->target->value; });
    if (target < lowest->row->target->value || target > highest->row->target->value) {
      warnings.push_back(
          {"plan.cascade",
           fmt::format("KPI \"{}\" of \"{}\": the target {} lies outside its children's targets, "
                       "{} to {}: {}",
                       parent_row.kpi, parent_row.scorecard, parent_row.target->text,
                       lowest->row->target->text, highest->row->target->text, parts_text(parts)),
           where});
    }
  }
  return warnings;
}

}  // namespace kpi::score
