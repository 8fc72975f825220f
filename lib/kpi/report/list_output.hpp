// SPDX-License-Identifier: MIT
// What `kpi list` prints: the keys behind a per-entity measure with their aggregates.
#pragma once

#include <string>

#include "kpi/engine/entity_list.hpp"
#include "kpi/library/compiled_library.hpp"
#include "kpi/report/formats.hpp"

namespace kpi::report {

/// The formats `kpi list` writes, its default first.
inline constexpr Format kListFormats[] = {Format::Table, Format::Csv, Format::Json, Format::Jsonl};

/// One row per key: the breakdown's fields (with --by), the key (headed by the measure's `per`
/// as written), its rows in the period judged, then each other aggregate its `having` reads,
/// headed as `having` names it (sum(amount), max(time), is_new, lost).
/// - table: aligned for a terminal, numbers right; none as "—";
/// - csv: raw numbers (up to six decimals), dates as 2025-06-03 or 2025-06-03 14:05:00,
///   true/false, empty for none;
/// - json: an array of objects, one per key, with the same names (the breakdown's fields
///   under "by"); numbers as numbers, dates as text, true/false, null for none;
/// - jsonl: the same objects, one per line.
std::string render_entity_list(const library::CompiledLibrary& library,
                               const engine::EntityList& list, Format format);

}  // namespace kpi::report
