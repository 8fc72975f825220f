// SPDX-License-Identifier: MIT
#include "kpi/engine/kpi_evaluation.hpp"

#include <absl/container/flat_hash_map.h>

#include <algorithm>
#include <set>
#include <string>
#include <utility>

#include "kpi/engine/aggregated_measures.hpp"
#include "kpi/engine/group_key.hpp"

namespace kpi::engine {
namespace {

using Group = BreakdownValue;

// A KPI's value, and the same in exact millionths when the formula and what it reads allow.
struct Figure {
  std::optional<long double> value;
  std::optional<ExactUnits> exact;
};

class KpiEvaluation {
 public:
  // The value of `reference` read from base period `base` in the whole or breakdown value
  // `value` of breakdown `by` (see reference_value).
  std::optional<long double> reference_value(std::size_t base, const expr::Reference& reference,
                                             const std::optional<Group>& group) {
    return read_reference(
        base, {}, group, reference, [](const Figure& nested) { return nested.value; },
        [&](std::size_t m, std::size_t w, const std::optional<Group>& g) {
          return measure_value(m, w, g);
        },
        [](std::optional<std::int32_t> count) -> std::optional<long double> {
          return count ? std::optional<long double>(*count) : std::nullopt;
        });
  }

  KpiEvaluation(const RunPlan& plan, MeasureReader& measures)
      : plan_(plan),
        library_(*plan.library),
        measures_(measures),
        referenced_(library_.kpis.size(), false),
        sources_of_(library_.kpis.size()) {
    for (const library::CompiledKpi& kpi : library_.kpis) {
      for (const expr::Reference& reference : kpi.formula.references()) {
        if (reference.name.kind == expr::FormulaName::Kind::Kpi) {
          referenced_[reference.name.index] = true;
        }
      }
    }
  }

  std::vector<KpiValue> evaluate() {
    // Which rows come, first, so that the rows are allocated once: grown by doubling, a
    // million breakdown values held the rows up to three times over (D11: --by member over
    // 100 000 members, 138 MB of 235 MB at the peak).
    struct Planned {
      std::size_t base, kpi, field;
      bool whole;
      std::vector<std::string> values;  // the breakdown values, when broken down
    };
    std::vector<Planned> planned;
    std::size_t count = 0;
    for (std::size_t base = 0; base < plan_.windows.base_count(); ++base) {
      for (std::size_t k = 0; k < library_.kpis.size(); ++k) {
        if (!plan_.computes(base, k)) {
          continue;
        }
        const std::optional<std::size_t> breakdown = plan_.breakdown_index(plan_.by_field_of(k));
        const std::size_t b = breakdown.value_or(0);
        const bool broken_down = breakdown && reads_field(k, b);
        Planned& rows =
            planned.emplace_back(Planned{base, k, b, !broken_down || plan_.request.with_whole, {}});
        if (broken_down) {
          rows.values = group_values(base, k, b);
        }
        count += (rows.whole ? 1 : 0) + rows.values.size();
      }
    }
    std::vector<KpiValue> rows;
    rows.reserve(count);
    for (Planned& next : planned) {
      if (next.whole) {
        rows.push_back(value_row(next.base, next.kpi, "", "", std::nullopt));
      }
      const std::string& field = plan_.by_field_of(next.kpi);
      for (const std::string& value : next.values) {
        rows.push_back(value_row(next.base, next.kpi, field, value, Group{next.field, value}));
      }
      next.values = {};
    }
    return rows;
  }

 private:
  KpiValue value_row(std::size_t base, std::size_t kpi, const std::string& field,
                     const std::string& value, const std::optional<Group>& group) {
    const Figure figure = kpi_value(base, kpi, {}, group);
    KpiValue row{base, kpi, field, value, {}, figure.value, figure.exact, {}, {}};
    if (group) {
      row.by_values = plan_.by_parts[group->by].size() == 1 ? std::vector<std::string>{value}
                                                            : decode_group_key(value);
      row.by_value = row.by_values[0];
      for (std::size_t i = 1; i < row.by_values.size(); ++i) {
        row.by_value += " / " + row.by_values[i];
      }
    }
    if (plan_.request.with_changes) {
      row.previous = kpi_value(base, kpi, {expr::Shift::Previous}, group).value;
      row.last_year = kpi_value(base, kpi, {expr::Shift::LastYear}, group).value;
    }
    return row;
  }

  // Breakdown values with rows in the reported period, in any source the KPI reads.
  std::vector<std::string> group_values(std::size_t base, std::size_t kpi,
                                        std::size_t field) const {
    std::set<std::string> values;
    for (std::size_t source : sources_of(kpi)) {
      measures_.keys_with_rows(source, field, base, values);
    }
    return {values.begin(), values.end()};
  }

  bool reads_field(std::size_t kpi, std::size_t field) const {
    const auto& sources = sources_of(kpi);
    return std::any_of(sources.begin(), sources.end(), [&](std::size_t source) {
      return !plan_.sources[source].by_slots[field].empty();
    });
  }

  // The sources a KPI reads, through the KPIs it references; each KPI's found once.
  const std::set<std::size_t>& sources_of(std::size_t kpi) const {
    std::optional<std::set<std::size_t>>& known = sources_of_[kpi];
    if (known) {
      return *known;
    }
    std::set<std::size_t> sources;
    for (const expr::Reference& reference : library_.kpis[kpi].formula.references()) {
      if (reference.name.kind == expr::FormulaName::Kind::Measure) {
        sources.insert(library_.measures[reference.name.index].source);
      } else {
        const auto& nested = sources_of(reference.name.index);
        sources.insert(nested.begin(), nested.end());
      }
    }
    known = std::move(sources);
    return *known;
  }

  // A KPI that other KPIs reference is evaluated once per period, chain of shifts and
  // breakdown value, and then read back: without this a library of n KPIs each reading the
  // next twice cost 2^n evaluations, and a chain of n KPIs n^2 (D07). Read back, the value is
  // the very long double computed, so the output is the same to the byte.
  struct MemoKey {
    std::size_t base, kpi;
    std::vector<expr::Shift> shifts;
    std::size_t field;  // kWhole, or the breakdown field
    std::string value;
    bool operator==(const MemoKey&) const = default;
    template <typename H>
    friend H AbslHashValue(H hash, const MemoKey& key) {
      hash =
          H::combine(std::move(hash), key.base, key.kpi, key.field, key.value, key.shifts.size());
      for (const expr::Shift& shift : key.shifts) {
        hash = H::combine(std::move(hash), static_cast<int>(shift.kind), shift.periods);
      }
      return hash;
    }
  };
  static constexpr std::size_t kWhole = static_cast<std::size_t>(-1);

  static MemoKey memo_key(std::size_t base, std::size_t kpi, const std::vector<expr::Shift>& shifts,
                          const std::optional<Group>& group) {
    return {base, kpi, shifts, group ? group->by : kWhole, group ? group->key : ""};
  }

  Figure kpi_value(std::size_t base, std::size_t kpi, const std::vector<expr::Shift>& prefix,
                   const std::optional<Group>& group) {
    if (!referenced_[kpi]) {
      evaluate_references_first(base, kpi, prefix, group);
      return evaluate_kpi(base, kpi, prefix, group);
    }
    MemoKey key = memo_key(base, kpi, prefix, group);
    if (const auto found = memo_.find(key); found != memo_.end()) {
      return found->second;
    }
    evaluate_references_first(base, kpi, prefix, group);
    const Figure value = evaluate_kpi(base, kpi, prefix, group);
    memo_.emplace(std::move(key), value);
    return value;
  }

  // Evaluates the KPIs that `kpi` reads, deepest first, into the memo, with a stack of its own:
  // each formula then finds the KPIs it reads there, so a chain of 10 000 KPIs costs no
  // recursion 10 000 calls deep (which overflowed the call stack).
  void evaluate_references_first(std::size_t base, std::size_t kpi,
                                 const std::vector<expr::Shift>& prefix,
                                 const std::optional<Group>& group) {
    struct Step {
      std::size_t kpi;
      std::vector<expr::Shift> shifts;
      std::optional<Group> group;
      bool expanded;
    };
    std::vector<Step> stack;
    const auto push_references = [&](std::size_t of, const std::vector<expr::Shift>& shifts,
                                     const std::optional<Group>& scope) {
      for (const expr::Reference& reference : library_.kpis[of].formula.references()) {
        if (reference.name.kind != expr::FormulaName::Kind::Kpi) {
          continue;
        }
        const std::optional<std::optional<Group>> read_in = scope_of(reference, scope);
        if (!read_in) {
          continue;  // no value: nothing to evaluate first
        }
        std::vector<expr::Shift> chain = shifts;
        chain.insert(chain.end(), reference.shifts.begin(), reference.shifts.end());
        stack.push_back({reference.name.index, std::move(chain), *read_in, false});
      }
    };
    push_references(kpi, prefix, group);
    while (!stack.empty()) {
      Step& step = stack.back();
      MemoKey key = memo_key(base, step.kpi, step.shifts, step.group);
      if (memo_.contains(key)) {
        stack.pop_back();
        continue;
      }
      if (!step.expanded) {
        step.expanded = true;
        const std::size_t of = step.kpi;
        const std::vector<expr::Shift> shifts = step.shifts;  // `step` moves as the stack grows
        const std::optional<Group> scope = step.group;
        push_references(of, shifts, scope);
        continue;
      }
      const Figure value = evaluate_kpi(base, step.kpi, step.shifts, step.group);
      memo_.emplace(std::move(key), value);
      stack.pop_back();
    }
  }

  // The long double as ever, and beside it, when the formula's shape allows (sums,
  // differences, whole multiples), the exact value: read again from what the formula reads,
  // which costs nothing per row.
  Figure evaluate_kpi(std::size_t base, std::size_t kpi, const std::vector<expr::Shift>& prefix,
                      const std::optional<Group>& group) {
    const expr::Formula& formula = library_.kpis[kpi].formula;
    const auto read = [&](const expr::Reference& reference, auto&& kpi_part, auto&& measure,
                          auto&& days) {
      return read_reference(base, prefix, group, reference, kpi_part, measure, days);
    };
    Figure figure;
    figure.value = formula.evaluate([&](const expr::Reference& reference) {
      return read(
          reference, [](const Figure& nested) { return nested.value; },
          [&](std::size_t m, std::size_t w, const std::optional<Group>& g) {
            return measure_value(m, w, g);
          },
          [](std::optional<std::int32_t> count) -> std::optional<long double> {
            return count ? std::optional<long double>(*count) : std::nullopt;
          });
    });
    if (figure.value && formula.exact()) {
      figure.exact = formula.evaluate_exact([&](const expr::Reference& reference) {
        return read(
            reference, [](const Figure& nested) { return nested.exact; },
            [&](std::size_t m, std::size_t w, const std::optional<Group>& g) {
              return measure_exact(m, w, g);
            },
            [](std::optional<std::int32_t> count) -> std::optional<ExactUnits> {
              return count ? std::optional<ExactUnits>(static_cast<ExactUnits>(*count) *
                                                       Decimal::kUnitsPerOne)
                           : std::nullopt;
            });
      });
    }
    return figure;
  }

  // A formula's reference from base period `base` after the shifts `prefix`, in `group`:
  // `kpi_part` takes a KPI's Figure, `measure` reads a measure, `days` converts a count of
  // days, each to the long double or to the exact value.
  template <typename KpiPart, typename Measure, typename Days>
  auto read_reference(std::size_t base, const std::vector<expr::Shift>& prefix,
                      const std::optional<Group>& group, const expr::Reference& reference,
                      KpiPart&& kpi_part, Measure&& measure, Days&& days)
      -> decltype(measure(0, 0, group)) {
    std::vector<expr::Shift> shifts = prefix;
    shifts.insert(shifts.end(), reference.shifts.begin(), reference.shifts.end());
    const std::optional<std::optional<Group>> read_in = scope_of(reference, group);
    if (!read_in) {
      return std::nullopt;
    }
    const std::optional<Group>& scope = *read_in;
    switch (reference.name.kind) {
      case expr::FormulaName::Kind::Kpi:
        return kpi_part(kpi_value(base, reference.name.index, shifts, scope));
      case expr::FormulaName::Kind::Measure:
        return measure(reference.name.index, plan_.windows.index_of_known(base, shifts), scope);
      case expr::FormulaName::Kind::PeriodDays:
      case expr::FormulaName::Kind::DaysElapsed:
        return days(period_days(reference.name.kind, days_period(base, shifts)));
    }
    return std::nullopt;
  }

  // Where a reference reads from `group`: the group itself; the whole for all(x); for
  // all(x, "store") the group of the value's store. None (no value) when the group's breakdown
  // lacks the parent's fields, as under --by channel.
  std::optional<std::optional<Group>> scope_of(const expr::Reference& reference,
                                               const std::optional<Group>& group) const {
    if (!reference.total) {
      return group;
    }
    if (reference.within.empty() || !group) {
      return std::optional<Group>();
    }
    const std::optional<std::size_t> parent = plan_.parent_of(group->by, reference.within);
    if (!parent) {
      return std::nullopt;
    }
    if (*parent == group->by) {
      return group;
    }
    const std::vector<std::string>& fields = plan_.by_parts[group->by];
    const std::vector<std::string> values =
        fields.size() == 1 ? std::vector<std::string>{group->key} : decode_group_key(group->key);
    std::vector<std::string_view> kept;
    for (const std::string& field : plan_.by_parts[*parent]) {
      kept.push_back(values[static_cast<std::size_t>(
          std::find(fields.begin(), fields.end(), field) - fields.begin())]);
    }
    Group projected{*parent, {}};
    if (kept.size() == 1) {
      projected.key = kept[0];
    } else {
      encode_group_key(kept, projected.key);
    }
    return std::optional<Group>(std::move(projected));
  }

  // The period days_in_period() and days_elapsed() count in: the whole of a period measured to
  // a day (ValuesRequest::whole_periods), else the one the shifts lead to.
  time::Period days_period(std::size_t base, const std::vector<expr::Shift>& shifts) const {
    const auto& wholes = plan_.request.whole_periods;
    if (shifts.empty() && base < wholes.size()) {
      return wholes[base];
    }
    return plan_.windows.period_after(base, shifts);
  }

  // days_in_period() and days_elapsed(): the days of the period, and those up to and with
  // today. A period back to the start of history has no length.
  std::optional<std::int32_t> period_days(expr::FormulaName::Kind kind,
                                          const time::Period& period) const {
    if (time::reaches_back_to_start(period)) {
      return std::nullopt;
    }
    const std::int32_t length = period.last_day - period.first_day + 1;
    if (kind == expr::FormulaName::Kind::PeriodDays || !plan_.request.today) {
      return length;
    }
    return std::clamp(*plan_.request.today - period.first_day + 1, 0, length);
  }

  std::optional<long double> measure_value(std::size_t measure, std::size_t window,
                                           const std::optional<Group>& group) {
    return measures_.value(measure, window, group);
  }

  std::optional<ExactUnits> measure_exact(std::size_t measure, std::size_t window,
                                          const std::optional<Group>& group) {
    return measures_.exact(measure, window, group);
  }

  const RunPlan& plan_;
  const library::CompiledLibrary& library_;
  MeasureReader& measures_;
  std::vector<bool> referenced_;  // per KPI: read by another KPI's formula
  mutable std::vector<std::optional<std::set<std::size_t>>> sources_of_;  // per KPI, when found
  absl::flat_hash_map<MemoKey, Figure> memo_;
};

}  // namespace

std::vector<KpiValue> evaluate_kpis(const RunPlan& plan, MeasureReader& measures) {
  return KpiEvaluation(plan, measures).evaluate();
}

std::vector<KpiValue> evaluate_kpis(const RunPlan& plan,
                                    std::vector<std::optional<SourceAggregation>>& sources,
                                    PerEntityValues& per_entity) {
  AggregatedMeasures measures(plan, sources, per_entity);
  return evaluate_kpis(plan, measures);
}

std::optional<long double> reference_value(const RunPlan& plan,
                                           std::vector<std::optional<SourceAggregation>>& sources,
                                           PerEntityValues& per_entity,
                                           const expr::Reference& reference,
                                           const std::optional<BreakdownValue>& in) {
  AggregatedMeasures measures(plan, sources, per_entity);
  KpiEvaluation evaluation(plan, measures);
  return evaluation.reference_value(0, reference, in);
}

}  // namespace kpi::engine
