// SPDX-License-Identifier: MIT
#include "kpi/engine/accumulator.hpp"

#include <algorithm>
#include <cstring>

namespace kpi::engine {
namespace {

using library::Aggregate;

long double from_units(long double units) { return units / Decimal::kUnitsPerOne; }

}  // namespace

static_assert(sizeof(Accumulator) == 64);

Accumulator::Accumulator(library::Aggregate aggregate) : aggregate_(aggregate) {
  if (library::info(aggregate).state == library::AggregateState::AllValues) {
    values_ = std::make_unique<std::vector<std::int64_t>>();
  }
}

Accumulator::Accumulator(const Accumulator& other)
    : sum_(other.sum_),
      count_(other.count_),
      aggregate_(other.aggregate_),
      min_(other.min_),
      max_(other.max_),
      distinct_(other.distinct_
                    ? std::make_unique<absl::flat_hash_set<std::uint32_t>>(*other.distinct_)
                    : nullptr),
      values_(other.values_ ? std::make_unique<std::vector<std::int64_t>>(*other.values_)
                            : nullptr) {}

Accumulator& Accumulator::operator=(const Accumulator& other) {
  if (this != &other) {
    *this = Accumulator(other);
  }
  return *this;
}

void Accumulator::add_any(const expr::Value& value) {
  if (value.is_null()) {
    return;
  }
  // Dates (min and max of a per-key aggregate) count in seconds.
  const std::int64_t units = value.kind == expr::Value::Kind::Moment
                                 ? value.seconds * Decimal::kUnitsPerOne
                                 : value.number.units();
  if (values_) {  // an order statistic: its registry entry computes it from every value
    values_->push_back(units);
    ++count_;
    return;
  }
  switch (aggregate_) {
    case Aggregate::CountDistinct:
      return;  // by id, in add_distinct
    case Aggregate::Min:
      min_ = count_ == 0 ? units : std::min(min_, units);
      break;
    case Aggregate::Max:
      max_ = count_ == 0 ? units : std::max(max_, units);
      break;
    case Aggregate::Sum:
    case Aggregate::Avg:
      sum_ += units;
      break;
    default:  // count: only how many
      break;
  }
  ++count_;
}

void Accumulator::add_distinct(std::uint32_t id) {
  if (!distinct_) {
    distinct_ = std::make_unique<absl::flat_hash_set<std::uint32_t>>();
  }
  distinct_->insert(id);
  ++count_;
}

void Accumulator::merge(const Accumulator& other, std::span<const std::uint32_t> remap) {
  if (!other.distinct_) {
    merge(other);
    return;
  }
  Accumulator translated(aggregate_);
  translated.count_ = other.count_;
  translated.distinct_ = std::make_unique<absl::flat_hash_set<std::uint32_t>>();
  translated.distinct_->reserve(other.distinct_->size());
  for (const std::uint32_t id : *other.distinct_) {
    translated.distinct_->insert(remap[id]);
  }
  merge(translated);
}

void Accumulator::merge(const Accumulator& other) {
  if (other.count_ > 0) {
    min_ = count_ == 0 ? other.min_ : std::min(min_, other.min_);
    max_ = count_ == 0 ? other.max_ : std::max(max_, other.max_);
  }
  sum_ += other.sum_;
  count_ += other.count_;
  if (other.distinct_) {
    if (!distinct_) {
      distinct_ = std::make_unique<absl::flat_hash_set<std::uint32_t>>();
    }
    distinct_->insert(other.distinct_->begin(), other.distinct_->end());
  }
  if (values_ && other.values_) {
    values_->insert(values_->end(), other.values_->begin(), other.values_->end());
  }
}

std::optional<long double> Accumulator::result() const {
  switch (aggregate_) {
    case Aggregate::Sum:
      return from_units(static_cast<long double>(sum_));
    case Aggregate::Count:
      return static_cast<long double>(count_);
    case Aggregate::CountDistinct:
      return static_cast<long double>(distinct_ ? distinct_->size() : 0);
    default:
      break;
  }
  if (count_ == 0) {
    return std::nullopt;
  }
  switch (aggregate_) {
    case Aggregate::Avg:
      return from_units(static_cast<long double>(sum_)) / static_cast<long double>(count_);
    case Aggregate::Min:
      return from_units(static_cast<long double>(min_));
    case Aggregate::Max:
      return from_units(static_cast<long double>(max_));
    default:
      break;
  }
  std::vector<std::int64_t> values = *values_;  // the entry may reorder them
  return library::info(aggregate_).of_values(values);
}

std::optional<ExactUnits> Accumulator::exact() const {
  const auto whole = [](std::uint64_t count) {
    return static_cast<ExactUnits>(count) * Decimal::kUnitsPerOne;
  };
  switch (aggregate_) {
    case Aggregate::Sum:
      return sum_;
    case Aggregate::Count:
      return whole(count_);
    case Aggregate::CountDistinct:
      return whole(distinct_ ? distinct_->size() : 0);
    case Aggregate::Min:
      return count_ == 0 ? std::nullopt : std::optional<ExactUnits>(min_);
    case Aggregate::Max:
      return count_ == 0 ? std::nullopt : std::optional<ExactUnits>(max_);
    default:
      return std::nullopt;  // averages and order statistics divide
  }
}

}  // namespace kpi::engine
