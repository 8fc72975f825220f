// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <string_view>

#include "kpi/library/compiled_library.hpp"

namespace kpi::app {

/// The index of the KPI whose id or display name is `name`, as a user names one on the command
/// line (kpi explain, kpi values --kpi). Throws kpi::Error ("usage.kpi") naming the closest id
/// when there is none.
std::size_t find_kpi(const library::CompiledLibrary& compiled, std::string_view name);

}  // namespace kpi::app
