// SPDX-License-Identifier: MIT
#include "kpi/expr/ast.hpp"

#include <string_view>

namespace kpi::expr {
namespace {

void append_string_literal(std::string& out, std::string_view value) {
  out += '"';
  for (const char c : value) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        out += c;
    }
  }
  out += '"';
}

std::string_view head_of(const Node& node) {
  switch (node.kind) {
    case NodeKind::Unary:
      if (node.text == "-") {
        return "neg";  // "-" alone would read as subtraction
      }
      return node.text;
    case NodeKind::In:
      return node.negated ? "not-in" : "in";
    case NodeKind::IsNull:
      return node.negated ? "is-not-null" : "is-null";
    default:
      return node.text;
  }
}

void append_node(std::string& out, const Node& node);

void append_children(std::string& out, const Node& node) {
  for (const auto& child : node.children) {
    if (&child != &node.children.front()) {
      out += ' ';
    }
    append_node(out, *child);
  }
}

void append_node(std::string& out, const Node& node) {
  switch (node.kind) {
    case NodeKind::Number:
    case NodeKind::Name:
      out += node.text;
      return;
    case NodeKind::String:
      append_string_literal(out, node.text);
      return;
    case NodeKind::List:
      out += '[';
      append_children(out, node);
      out += ']';
      return;
    default:
      out += '(';
      out += head_of(node);
      if (!node.children.empty()) {
        out += ' ';
        append_children(out, node);
      }
      out += ')';
  }
}

}  // namespace

std::string serialize(const Node& node) {
  std::string out;
  append_node(out, node);
  return out;
}

}  // namespace kpi::expr
