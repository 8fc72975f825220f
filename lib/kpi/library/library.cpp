// SPDX-License-Identifier: MIT
#include "kpi/library/library.hpp"

#include <algorithm>

namespace kpi::library {
namespace {

template <typename Items>
auto find_named(const Items& items, std::string_view name, auto member) {
  const auto found = std::find_if(items.begin(), items.end(),
                                  [&](const auto& item) { return item.*member == name; });
  return found == items.end() ? nullptr : &*found;
}

}  // namespace

const Field* Source::find_field(std::string_view field_name) const {
  return find_named(fields, field_name, &Field::name);
}

const Source* Library::find_source(std::string_view name) const {
  return find_named(sources, name, &Source::name);
}

const Measure* Library::find_measure(std::string_view name) const {
  return find_named(measures, name, &Measure::name);
}

const Kpi* Library::find_kpi(std::string_view id) const { return find_named(kpis, id, &Kpi::id); }

}  // namespace kpi::library
