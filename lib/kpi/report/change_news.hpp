// SPDX-License-Identifier: MIT
// Whether a change is good or bad news: read the same way by every format that colours it.
#pragma once

#include <optional>

#include "kpi/library/library.hpp"

namespace kpi::report {

enum class News { None, Good, Bad };

/// A change (环比, 同比) by the KPI's direction: a rise is good for higher-is-better KPIs and
/// bad for lower-is-better ones. None for no change, a neutral KPI, or a change that shows as
/// 0.0% (whatever its sign underneath).
News change_news(std::optional<long double> change, library::Direction direction);

}  // namespace kpi::report
