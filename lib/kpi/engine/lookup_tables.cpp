// SPDX-License-Identifier: MIT
#include "kpi/engine/lookup_tables.hpp"

#include <algorithm>

namespace kpi::engine {

std::vector<LookupTable> load_lookups(const library::Library& library,
                                      const library::Source& source, std::vector<bool>& needed,
                                      const FilesOf& files_of, bool strict, DataQuality& quality) {
  const auto slot_of = [](const library::Source& in, const std::string& name) {
    return static_cast<std::size_t>(in.find_field(name) - in.fields.data());
  };
  struct MasterSlots {
    std::size_t key = 0, value = 0;  // in the master table
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
    scan_source(master, files_of(master), master_needed, strict, quality,
                [&](std::span<const expr::Value> row, std::int32_t) {
                  for (const std::size_t t : reading) {
                    LookupTable& table = tables[t];
                    expr::Value value = row[master_slots[t].value];
                    if (value.kind == expr::Value::Kind::Text) {
                      value.text = table.texts.emplace_back(value.text);
                    }
                    table.values.try_emplace(key_text(row[master_slots[t].key]), value);
                  }
                });
  }
  return tables;
}

}  // namespace kpi::engine
