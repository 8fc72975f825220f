// SPDX-License-Identifier: MIT
// The plan's tree (上级 column): which scorecard each one rolls up into, checked when the plan is
// read, and the order and depth the report shows it in (docs/hierarchy.md).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kpi/score/plan.hpp"

namespace kpi::score {

/// Checks the tree of a plan with a parent column; throws a located plan error (file:line:
/// column of the 上级 cell, `parent_column`) for a scorecard under two parents, a parent that is
/// no whole scorecard of the plan (one without 对象: KPI rows or a 下级 row), a cycle, and a
/// 下级 row of a scorecard that has no children. A row's scorecard is its 部门/岗位 and 对象.
/// `kpi_column` locates a 下级 row without children.
void check_plan_tree(const Plan& plan, std::uint64_t parent_column, std::uint64_t kpi_column);

/// The 上级 of a report's scorecard: the one its rows name (those of its entity, else of
/// `each`); "" for a root or a plan without a tree.
std::string parent_of(const Plan& plan, const std::string& scorecard, const std::string& entity);

/// The 下级 row of a whole scorecard, or null.
const ChildrenRow* children_row_of(const Plan& plan, const std::string& scorecard);

/// A scorecard of the report in the tree: its parent's index among the scorecards, if any.
struct TreeNode {
  std::optional<std::size_t> parent;
};

/// The tree's order (a parent, then each child's subtree, children in their given order; roots
/// in their given order) as indices into `nodes`, with each one's depth (0 for a root).
struct TreeOrder {
  std::vector<std::size_t> order;
  std::vector<std::size_t> depth;  ///< per node index
};
TreeOrder tree_order(const std::vector<TreeNode>& nodes);

}  // namespace kpi::score
