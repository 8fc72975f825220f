// SPDX-License-Identifier: MIT
// Which columns of an export `kpi init --from` builds its KPIs on, guessed from their names and
// the types `kpi inspect` detected.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "kpi/csv/column_profile.hpp"

namespace kpi::app {

/// Column indexes, each unset when no column is recognised.
struct ColumnRoles {
  std::optional<std::size_t> time;      ///< the first datetime column, else the first date column
  std::optional<std::size_t> amount;    ///< the money the sales are the sum of
  std::optional<std::size_t> order;     ///< the order or invoice number
  std::optional<std::size_t> customer;  ///< the customer or member, an identifier before a name
};

ColumnRoles recognise_roles(const std::vector<csv::ColumnProfile>& columns);

}  // namespace kpi::app
