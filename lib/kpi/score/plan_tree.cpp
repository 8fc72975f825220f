// SPDX-License-Identifier: MIT
#include "kpi/score/plan_tree.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "kpi/core/did_you_mean.hpp"
#include "kpi/score/plan_resolution.hpp"
#include "kpi/score/table_columns.hpp"

namespace kpi::score {
namespace {

using NodeKey = std::pair<std::string, std::string>;  // 部门/岗位, 对象

struct Link {
  std::string parent;
  std::uint64_t line = 0;
};

std::string node_text(const NodeKey& key) {
  return key.second.empty() ? fmt::format("\"{}\"", key.first)
                            : fmt::format("\"{} · {}\"", key.first, key.second);
}

class TreeCheck {
 public:
  TreeCheck(const Plan& plan, std::uint64_t parent_column, std::uint64_t kpi_column)
      : plan_(plan), parent_column_(parent_column), kpi_column_(kpi_column) {}

  void check() {
    for (const PlanRow& row : plan_.rows) {
      add({row.scorecard, row.entity}, row.parent, row.where.line);
    }
    for (const ChildrenRow& row : plan_.children_rows) {
      add({row.scorecard, ""}, row.parent, row.where.line);
    }
    check_parents_known();
    check_cycles();
    check_children_rows();
  }

 private:
  [[noreturn]] void fail(std::uint64_t line, std::uint64_t column, std::string message) const {
    throw Error({std::string(kTableError), std::move(message), {plan_.file, line, column}});
  }

  // Every row of a scorecard names the same parent (or leaves the cell empty).
  void add(const NodeKey& key, const std::string& parent, std::uint64_t line) {
    if (key.second.empty()) {
      wholes_.insert(key.first);
      whole_names_.push_back(key.first);
    }
    if (parent.empty()) {
      return;
    }
    const auto [found, added] = links_.try_emplace(key, Link{parent, line});
    if (!added && found->second.parent != parent) {
      fail(line, parent_column_,
           fmt::format("scorecard {} is under two parents: \"{}\" here and \"{}\" on line {}",
                       node_text(key), parent, found->second.parent, found->second.line));
    }
    if (added) {
      order_.push_back(key);
    }
  }

  void check_parents_known() const {
    for (const NodeKey& key : order_) {
      const Link& link = links_.at(key);
      if (wholes_.count(link.parent) == 0) {
        fail(link.line, parent_column_,
             fmt::format("unknown parent \"{}\" of scorecard {}: the plan has no scorecard of "
                         "that name without 对象, with KPI rows or a 下级 row{}",
                         link.parent, node_text(key), did_you_mean(link.parent, whole_names_)));
      }
    }
  }

  // Only whole scorecards have children, so a cycle runs through whole scorecards only.
  void check_cycles() const {
    for (const NodeKey& key : order_) {
      if (!key.second.empty()) {
        continue;
      }
      std::vector<std::string> path = {key.first};
      std::string at = key.first;
      while (true) {
        const auto link = links_.find({at, ""});
        if (link == links_.end()) {
          break;
        }
        at = link->second.parent;
        path.push_back(at);
        if (at == key.first) {
          fail(links_.at(key).line, parent_column_,
               fmt::format("cycle in the tree: {}", fmt::join(path, " → ")));
        }
        if (path.size() > links_.size() + 1) {
          break;  // a cycle further up, found from one of its own scorecards
        }
      }
    }
  }

  void check_children_rows() const {
    for (const ChildrenRow& row : plan_.children_rows) {
      const bool has_child = std::any_of(links_.begin(), links_.end(), [&](const auto& link) {
        return link.second.parent == row.scorecard;
      });
      if (!has_child) {
        fail(row.where.line, kpi_column_,
             fmt::format("scorecard \"{}\" has a {} row but no children: no row names it in the "
                         "parent column",
                         row.scorecard, row.word));
      }
    }
  }

  const Plan& plan_;
  std::uint64_t parent_column_;
  std::uint64_t kpi_column_;
  std::map<NodeKey, Link> links_;
  std::vector<NodeKey> order_;  // the scorecards with a parent, in file order
  std::set<std::string> wholes_;
  std::vector<std::string> whole_names_;  // for did-you-mean
};

}  // namespace

void check_plan_tree(const Plan& plan, std::uint64_t parent_column, std::uint64_t kpi_column) {
  if (plan.is_tree()) {
    TreeCheck(plan, parent_column, kpi_column).check();
  }
}

std::string parent_of(const Plan& plan, const std::string& scorecard, const std::string& entity) {
  std::string of_each;
  for (const PlanRow& row : plan.rows) {
    if (row.scorecard != scorecard || row.parent.empty()) {
      continue;
    }
    if (row.entity == entity) {
      return row.parent;
    }
    if (row.entity == kEachEntity && !entity.empty() && of_each.empty()) {
      of_each = row.parent;
    }
  }
  if (entity.empty()) {
    if (const ChildrenRow* children = children_row_of(plan, scorecard)) {
      return children->parent;
    }
  }
  return of_each;
}

const ChildrenRow* children_row_of(const Plan& plan, const std::string& scorecard) {
  for (const ChildrenRow& row : plan.children_rows) {
    if (row.scorecard == scorecard) {
      return &row;
    }
  }
  return nullptr;
}

TreeOrder tree_order(const std::vector<TreeNode>& nodes) {
  std::vector<std::vector<std::size_t>> children(nodes.size());
  std::vector<std::size_t> roots;
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    (nodes[i].parent ? children[*nodes[i].parent] : roots).push_back(i);
  }
  TreeOrder tree;
  tree.depth.assign(nodes.size(), 0);
  // Depth first, children in their order: a stack holding the rest of each level.
  std::vector<std::pair<std::size_t, std::size_t>> stack;  // node, depth
  for (auto root = roots.rbegin(); root != roots.rend(); ++root) {
    stack.emplace_back(*root, 0);
  }
  while (!stack.empty()) {
    const auto [node, depth] = stack.back();
    stack.pop_back();
    tree.order.push_back(node);
    tree.depth[node] = depth;
    for (auto child = children[node].rbegin(); child != children[node].rend(); ++child) {
      stack.emplace_back(*child, depth + 1);
    }
  }
  return tree;
}

}  // namespace kpi::score
