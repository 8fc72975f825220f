// SPDX-License-Identifier: MIT
// Checking a library's alerts (预警) for one period: which fired, on which breakdown value, and
// against what bound or range.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kpi/engine/data_quality.hpp"
#include "kpi/engine/scan_settings.hpp"
#include "kpi/library/compiled_library.hpp"
#include "kpi/time/period.hpp"

namespace kpi::alerts {

/// One alert on one breakdown value (or the whole).
struct AlertCheck {
  const library::Alert* alert = nullptr;
  std::size_t kpi = 0;   ///< index into Library::kpis
  std::string by_field;  ///< "store", "store,channel"; "" for the whole
  std::vector<std::string> by_values;
  std::optional<long double> value;  ///< the KPI in the period
  bool fired = false;
  /// The range the value should stay in: a rule's bounds, or the normal range; for a change
  /// rule, the change (`change`) should stay within ± Alert::change_beyond.
  std::optional<long double> low, high;
  std::optional<long double> change;  ///< change rules: (value − then) ÷ |then|
  std::optional<long double> mean;    ///< normal rules: the past periods' mean and σ
  std::optional<long double> sigma;
  int history = 0;  ///< normal rules: the past periods that have a value
  /// Why the alert could not be judged: "no value", "no value in the previous period",
  /// "2 of 12 past periods have a value; 3 are needed"; empty when it was.
  std::string unjudged;
};

struct AlertResults {
  std::vector<AlertCheck> checks;  ///< every alert on every value, in library order
  engine::DataQuality quality;     ///< of the run that reads the most rows
};

/// Checks every alert of `library` in `period`, reading the exports once per distinct
/// breakdown the alerts use; `today` for days_elapsed().
///
/// With `as_of` (a day of `period`, --as-of), the period is measured to that day, and so is
/// every period it is compared with, to the same point: as many days from its start (the
/// previous month's first 15 days when as_of is June 15th; last year's June 1st to 15th; each
/// of the past periods of a normal range likewise, a shorter month whole when the point falls
/// past its end). Fixed bounds are not pro-rated: they hold for the value to date.
AlertResults check_alerts(const library::CompiledLibrary& library, const time::Period& period,
                          const engine::ScanSettings& scan, std::int32_t today,
                          std::optional<std::int32_t> as_of = std::nullopt);

}  // namespace kpi::alerts
