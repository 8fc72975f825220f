// SPDX-License-Identifier: MIT
#pragma once

#include <stdexcept>
#include <string>

#include "kpi/expr/ast.hpp"

namespace kpi::expr {

/// A name that does not resolve, or operands of the wrong type: where in the expression text,
/// and what was expected. The library checker adds the file location.
class BindError : public std::runtime_error {
 public:
  BindError(Span where, const std::string& message) : std::runtime_error(message), where_(where) {}
  Span where() const { return where_; }

 private:
  Span where_;
};

}  // namespace kpi::expr
