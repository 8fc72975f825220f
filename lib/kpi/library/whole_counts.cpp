// SPDX-License-Identifier: MIT
#include "kpi/library/whole_counts.hpp"

#include <string>
#include <string_view>
#include <unordered_map>

#include "kpi/value/number_parser.hpp"

namespace kpi::library {
namespace {

using expr::Node;
using expr::NodeKind;

class WholeCounts {
 public:
  explicit WholeCounts(const Library& library)
      : library_(library), state_(library.kpis.size(), State::Unseen), whole_(state_.size()) {
    for (const Measure& measure : library.measures) {
      measures_.emplace(measure.name, &measure);
    }
    for (std::size_t k = 0; k < library.kpis.size(); ++k) {
      kpis_.emplace(library.kpis[k].id, k);
    }
  }

  std::vector<bool> all() {
    for (std::size_t k = 0; k < state_.size(); ++k) {
      settle(k);
    }
    return whole_;
  }

 private:
  enum class State { Unseen, Open, Done };

  // Decides `start` after the KPIs it reads, with a stack of its own: a chain of 50 000 KPIs
  // must not recurse 50 000 calls deep. A KPI still open when read is in a cycle (which the
  // compiler reports): not whole.
  void settle(std::size_t start) {
    if (state_[start] != State::Unseen) {
      return;
    }
    std::vector<std::size_t> stack = {start};
    while (!stack.empty()) {
      const std::size_t kpi = stack.back();
      if (state_[kpi] == State::Done) {
        stack.pop_back();
        continue;
      }
      if (state_[kpi] == State::Unseen) {
        state_[kpi] = State::Open;
        const std::size_t before = stack.size();
        if (const Node* tree = library_.kpis[kpi].formula.tree.get()) {
          push_unseen_kpis(*tree, stack);
        }
        if (stack.size() > before) {
          continue;
        }
      }
      const Node* tree = library_.kpis[kpi].formula.tree.get();
      whole_[kpi] = tree != nullptr && whole(*tree);
      state_[kpi] = State::Done;
      stack.pop_back();
    }
  }

  void push_unseen_kpis(const Node& node, std::vector<std::size_t>& stack) const {
    if (node.kind == NodeKind::Name && !measures_.contains(node.text)) {
      const auto found = kpis_.find(node.text);
      if (found != kpis_.end() && state_[found->second] == State::Unseen) {
        stack.push_back(found->second);
      }
    }
    for (const auto& child : node.children) {
      push_unseen_kpis(*child, stack);
    }
  }

  bool whole(const Node& node) const {
    switch (node.kind) {
      case NodeKind::Number: {
        const NumberCell cell = parse_number(node.text);
        return cell.status == CellStatus::Value && cell.value.units() % Decimal::kUnitsPerOne == 0;
      }
      case NodeKind::Name:
        return whole_name(node.text);
      case NodeKind::Unary:
        return node.text == "-" && whole(*node.children[0]);
      case NodeKind::Binary:
        return (node.text == "+" || node.text == "-" || node.text == "*") &&
               whole(*node.children[0]) && whole(*node.children[1]);
      case NodeKind::Call:
        return whole_call(node);
      default:
        return false;
    }
  }

  bool whole_name(const std::string& name) const {
    if (const auto measure = measures_.find(name); measure != measures_.end()) {
      const Aggregate aggregate = measure->second->aggregate;
      return aggregate == Aggregate::Count || aggregate == Aggregate::CountDistinct;
    }
    const auto kpi = kpis_.find(name);
    return kpi != kpis_.end() && state_[kpi->second] == State::Done && whole_[kpi->second];
  }

  // The period functions keep what their first argument counts (their second is a count of
  // periods); abs, min and max of whole numbers are whole.
  bool whole_call(const Node& node) const {
    const std::string_view function = node.text;
    if (node.children.empty()) {
      return false;
    }
    if (function == "prev" || function == "last_year" || function == "rolling" ||
        function == "to_date" || function == "all") {
      return whole(*node.children[0]);
    }
    if (function == "abs" || function == "min" || function == "max") {
      for (const auto& child : node.children) {
        if (!whole(*child)) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  const Library& library_;
  std::unordered_map<std::string_view, const Measure*> measures_;
  std::unordered_map<std::string_view, std::size_t> kpis_;
  std::vector<State> state_;
  std::vector<bool> whole_;
};

}  // namespace

std::vector<bool> counts_whole_things(const Library& library) { return WholeCounts(library).all(); }

}  // namespace kpi::library
