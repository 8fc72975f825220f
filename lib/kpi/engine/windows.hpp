// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <utility>
#include <vector>

#include "kpi/expr/formula.hpp"
#include "kpi/time/period.hpp"

namespace kpi::engine {

/// The periods one run reads: the requested ones first, then one for each distinct chain of
/// shifts (previous period, same period last year) from one of them. Equal periods reached
/// by different chains share an index, so each is accumulated once.
///
/// A requested period measured to a day (June to the 15th) has as its previous period the
/// previous whole period measured to the same point (May 1–15, not the fifteen days just before
/// it; see time::to_same_point); last year's is the same days a year before. (A rolling or
/// cumulative window still ends on the day itself.)
class Windows {
 public:
  /// `wholes`: per base, the whole period a base measured to a day is part of (empty when
  /// every base is whole).
  Windows(const std::vector<time::Period>& bases, time::Calendar calendar,
          const std::vector<time::Period>& wholes = {});

  /// The index of the period `shifts` lead to from base period `base`, added when new.
  std::size_t index_of(std::size_t base, const std::vector<expr::Shift>& shifts);
  /// The same for a chain of shifts index_of has added already (every one a plan reads).
  std::size_t index_of_known(std::size_t base, const std::vector<expr::Shift>& shifts) const {
    return by_shifts_.at(std::pair(base, shifts));
  }
  /// The period `shifts` lead to from base period `base`, whether or not the run reads it.
  time::Period period_after(std::size_t base, const std::vector<expr::Shift>& shifts) const;
  std::size_t base_count() const { return base_count_; }
  std::size_t size() const { return periods_.size(); }
  const time::Period& period(std::size_t index) const { return periods_[index]; }

  /// The index of the `periods` periods just before period `index` (one: the previous
  /// period), when the run reads them.
  std::optional<std::size_t> previous_of(std::size_t index, int periods = 1) const;

  /// Indices of the periods that contain `day` (all of them for kTimeless), into `out`.
  void containing(std::int32_t day, std::vector<std::size_t>& out) const;
  /// Whether any period contains `day`.
  bool any_contains(std::int32_t day) const;

 private:
  time::Period shifted(const time::Period& period, const expr::Shift& shift) const;
  void note_previous(std::size_t base, const std::vector<expr::Shift>& shifts, std::size_t index);

  time::Calendar calendar_;
  std::vector<time::Period> periods_;
  std::vector<time::Period> wholes_;
  std::size_t base_count_;
  std::map<std::pair<std::size_t, std::vector<expr::Shift>>, std::size_t> by_shifts_;
  // (window, periods) → the window of the `periods` periods before it, as index_of reached it.
  std::map<std::pair<std::size_t, int>, std::size_t> previous_;
};

}  // namespace kpi::engine
