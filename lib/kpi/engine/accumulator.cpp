// SPDX-License-Identifier: MIT
#include "kpi/engine/accumulator.hpp"

#include <algorithm>
#include <cstring>

namespace kpi::engine {
namespace {

using library::Aggregate;

long double from_units(long double units) { return units / Decimal::kUnitsPerOne; }

}  // namespace

static_assert(sizeof(Accumulator) == 32);

Accumulator::Accumulator(library::Aggregate aggregate)
    : count_and_aggregate_(static_cast<std::uint64_t>(aggregate) << kAggregateShift) {
  if (library::info(aggregate).state == library::AggregateState::AllValues) {
    values_ = std::make_unique<Values>();
  }
}

Accumulator::Accumulator(const Accumulator& other)
    : sum_or_extreme_{other.sum_or_extreme_[0], other.sum_or_extreme_[1]},
      count_and_aggregate_(other.count_and_aggregate_),
      values_(other.values_ ? std::make_unique<Values>(*other.values_) : nullptr) {}

Accumulator& Accumulator::operator=(const Accumulator& other) {
  if (this != &other) {
    *this = Accumulator(other);
  }
  return *this;
}

Accumulator::Values& Accumulator::values() {
  if (!values_) {
    values_ = std::make_unique<Values>();
  }
  return *values_;
}

void Accumulator::add_any(const expr::Value& value) {
  if (value.is_null()) {
    return;
  }
  // Dates (min and max of a per-key aggregate) count in seconds.
  const std::int64_t units = value.kind == expr::Value::Kind::Moment
                                 ? value.seconds * Decimal::kUnitsPerOne
                                 : value.number.units();
  switch (aggregate()) {
    case Aggregate::CountDistinct:
      return;  // by id, in add_distinct
    case Aggregate::Min:
      set_extreme(count() == 0 ? units : std::min(extreme(), units));
      break;
    case Aggregate::Max:
      set_extreme(count() == 0 ? units : std::max(extreme(), units));
      break;
    case Aggregate::Sum:
    case Aggregate::Avg:
      set_sum(sum() + units);
      break;
    case Aggregate::Count:
      break;  // only how many
    default:  // an order statistic: its registry entry computes it from every value
      values().all.push_back(units);
      break;
  }
  ++count_and_aggregate_;
}

void Accumulator::add_distinct(std::uint32_t id) {
  values().distinct.insert(id);
  ++count_and_aggregate_;
}

void Accumulator::merge(const Accumulator& other, std::span<const std::uint32_t> remap) {
  if (!other.values_ || other.values_->distinct.empty()) {
    merge(other);
    return;
  }
  Accumulator translated(aggregate());
  translated.count_and_aggregate_ = other.count_and_aggregate_;
  absl::flat_hash_set<std::uint32_t>& distinct = translated.values().distinct;
  distinct.reserve(other.values_->distinct.size());
  for (const std::uint32_t id : other.values_->distinct) {
    distinct.insert(remap[id]);
  }
  merge(translated);
}

void Accumulator::merge(const Accumulator& other) {
  switch (aggregate()) {
    case Aggregate::Sum:
    case Aggregate::Avg:
      set_sum(sum() + other.sum());
      break;
    case Aggregate::Min:
    case Aggregate::Max:
      if (other.count() > 0) {
        const bool min = aggregate() == Aggregate::Min;
        set_extreme(count() == 0 ? other.extreme()
                    : min        ? std::min(extreme(), other.extreme())
                                 : std::max(extreme(), other.extreme()));
      }
      break;
    default:
      break;
  }
  count_and_aggregate_ += other.count();
  if (other.values_) {
    Values& ours = values();
    ours.distinct.insert(other.values_->distinct.begin(), other.values_->distinct.end());
    ours.all.insert(ours.all.end(), other.values_->all.begin(), other.values_->all.end());
  }
}

std::optional<long double> Accumulator::result() const {
  switch (aggregate()) {
    case Aggregate::Sum:
      return from_units(static_cast<long double>(sum()));
    case Aggregate::Count:
      return static_cast<long double>(count());
    case Aggregate::CountDistinct:
      return static_cast<long double>(values_ ? values_->distinct.size() : 0);
    default:
      break;
  }
  if (count() == 0) {
    return std::nullopt;
  }
  switch (aggregate()) {
    case Aggregate::Avg:
      return from_units(static_cast<long double>(sum())) / static_cast<long double>(count());
    case Aggregate::Min:
    case Aggregate::Max:
      return from_units(static_cast<long double>(extreme()));
    default:
      break;
  }
  std::vector<std::int64_t> all = values_->all;  // the entry may reorder them
  return library::info(aggregate()).of_values(all);
}

std::optional<ExactUnits> Accumulator::exact() const {
  const auto whole = [](std::uint64_t count) {
    return static_cast<ExactUnits>(count) * Decimal::kUnitsPerOne;
  };
  switch (aggregate()) {
    case Aggregate::Sum:
      return sum();
    case Aggregate::Count:
      return whole(count());
    case Aggregate::CountDistinct:
      return whole(values_ ? values_->distinct.size() : 0);
    case Aggregate::Min:
    case Aggregate::Max:
      return count() == 0 ? std::nullopt : std::optional<ExactUnits>(extreme());
    default:
      return std::nullopt;  // averages and order statistics divide
  }
}

}  // namespace kpi::engine
