// SPDX-License-Identifier: MIT
#pragma once

namespace kpi {

/// What a typed cell parser made of a cell: a value, a documented "no value" token, or text
/// that is not of the type (the parser then says what it expected).
enum class CellStatus { Value, Missing, Invalid };

}  // namespace kpi
