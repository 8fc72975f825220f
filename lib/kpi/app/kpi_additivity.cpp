// SPDX-License-Identifier: MIT
#include "kpi/app/kpi_additivity.hpp"

namespace kpi::app {
namespace {

bool sums_and_counts_at(const library::Library& library, const library::CompiledLibrary& compiled,
                        std::size_t kpi, int depth) {
  const expr::Formula& formula = compiled.kpis[kpi].formula;
  if (depth > 64 || !formula.exact()) {
    return false;
  }
  for (const expr::Reference& reference : formula.references()) {
    if (reference.name.kind == expr::FormulaName::Kind::Kpi) {
      if (!sums_and_counts_at(library, compiled, reference.name.index, depth + 1)) {
        return false;
      }
      continue;
    }
    const library::Aggregate aggregate = library.measures[reference.name.index].aggregate;
    if (aggregate != library::Aggregate::Sum && aggregate != library::Aggregate::Count &&
        aggregate != library::Aggregate::CountDistinct) {
      return false;
    }
  }
  return true;
}

}  // namespace

bool sums_and_counts(const library::Library& library, const library::CompiledLibrary& compiled,
                     std::size_t kpi) {
  return sums_and_counts_at(library, compiled, kpi, 0);
}

}  // namespace kpi::app
