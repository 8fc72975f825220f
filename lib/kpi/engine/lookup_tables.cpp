// SPDX-License-Identifier: MIT
#include "kpi/engine/lookup_tables.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace kpi::engine {
namespace {

struct MasterSlots {
  std::size_t key = 0, value = 0;  // in the master table
};

bool same_value(const expr::Value& a, const expr::Value& b) {
  return a.kind == b.kind && a.number == b.number && a.text == b.text && a.seconds == b.seconds &&
         a.truth == b.truth;
}

// A key the master table has already, with another value: the first row's stays (the one a
// reader of the file sees first), and the row is counted, or with --strict an error.
RowProblem duplicate_key(const library::Source& master, const MasterSlots& slots,
                         const std::string& key, const expr::Value& kept,
                         const expr::Value& ignored) {
  const std::string& key_field = master.fields[slots.key].name;
  const std::string& value_field = master.fields[slots.value].name;
  return {"data.duplicate-key",
          fmt::format("rows repeating a key of field \"{}\" with another \"{}\", ignored (the "
                      "first row's is used)",
                      key_field, value_field),
          fmt::format("key \"{}\" (field \"{}\") is already in master table \"{}\" with {} "
                      "\"{}\", and this row has \"{}\"",
                      key, key_field, master.name, value_field, key_text(kept), key_text(ignored))};
}

}  // namespace

std::vector<LookupTable> load_lookups(const library::Library& library,
                                      const library::Source& source, std::vector<bool>& needed,
                                      const FilesOf& files_of, bool strict, DataQuality& quality) {
  const auto slot_of = [](const library::Source& in, const std::string& name) {
    return static_cast<std::size_t>(in.find_field(name) - in.fields.data());
  };
  std::vector<LookupTable> tables;
  std::vector<MasterSlots> master_slots;
  std::vector<std::string> masters;  // per table: the master's name
  for (std::size_t slot = 0; slot < source.fields.size(); ++slot) {
    const auto& lookup = source.fields[slot].lookup;
    if (!needed[slot] || !lookup) {
      continue;
    }
    const library::Source& master = *library.find_source(lookup->source);
    LookupTable& table = tables.emplace_back();
    table.slot = slot;
    table.key_slot = slot_of(source, lookup->key);
    needed[table.key_slot] = true;
    master_slots.push_back({slot_of(master, lookup->key), slot_of(master, lookup->field)});
    masters.push_back(master.name);
  }
  for (std::size_t first = 0; first < tables.size(); ++first) {
    if (std::find(masters.begin(), masters.begin() + static_cast<std::ptrdiff_t>(first),
                  masters[first]) != masters.begin() + static_cast<std::ptrdiff_t>(first)) {
      continue;  // read with an earlier table of the same master
    }
    // Looked into, a source is a table by key: all its rows, whatever their time (a CRM
    // export with a visit date gives each member's channel), so its time is not read.
    library::Source master = *library.find_source(masters[first]);
    master.time_field.clear();
    std::vector<std::size_t> reading;  // the tables this pass fills
    std::vector<bool> master_needed(master.fields.size(), false);
    for (std::size_t t = first; t < tables.size(); ++t) {
      if (masters[t] == masters[first]) {
        reading.push_back(t);
        master_needed[master_slots[t].key] = master_needed[master_slots[t].value] = true;
      }
    }
    RowProblem duplicate;
    scan_source(master, files_of(master), master_needed, strict, quality,
                [&](std::span<const expr::Value> row, std::int32_t) -> const RowProblem* {
                  const RowProblem* problem = nullptr;
                  for (const std::size_t t : reading) {
                    LookupTable& table = tables[t];
                    const expr::Value& key = row[master_slots[t].key];
                    expr::Value value = row[master_slots[t].value];
                    const auto [at, added] = table.values.try_emplace(key_text(key), value);
                    if (added) {
                      if (value.kind == expr::Value::Kind::Text) {
                        at->second.text = table.texts.emplace_back(value.text);
                      }
                    } else if (!key.is_null() && !same_value(at->second, value) && !problem) {
                      duplicate =
                          duplicate_key(master, master_slots[t], at->first, at->second, value);
                      problem = &duplicate;
                    }
                  }
                  return problem;
                });
  }
  return tables;
}

}  // namespace kpi::engine
