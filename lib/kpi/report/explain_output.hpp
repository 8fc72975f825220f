// SPDX-License-Identifier: MIT
// What `kpi explain` prints: a KPI's formula with each term's value, and for each measure it
// reads the files, columns, filter, period and the counts the run made.
#pragma once

#include <string>
#include <vector>

#include "kpi/engine/kpi_explanation.hpp"
#include "kpi/library/compiled_library.hpp"
#include "kpi/report/explain_rows.hpp"
#include "kpi/report/formats.hpp"
#include "kpi/score/scoring.hpp"

namespace kpi::report {

/// The formats `kpi explain` writes, its default first.
inline constexpr Format kExplainFormats[] = {Format::Table, Format::Json};

/// The explanation as text for a terminal (`table`), or as one JSON object (`json`) with the
/// same facts: numbers raw, none as null.
/// With `plan_rows` (--plan; null without), each row that scores the KPI follows: its place in the
/// plan, target, weight, rule, and the achievement and score arithmetic step by step.
/// With `rows` (--rows N; null without), each measure ends with the rows behind it: in the
/// text, a line saying how many and a CSV block (measure, file, line, then the source's fields
/// as kpi rows writes them); in JSON, a "rows" array of {"file", "line", "fields"} objects.
std::string render_explanation(const library::CompiledLibrary& library,
                               const engine::KpiExplanation& explanation, Format format,
                               const std::vector<score::ExplainedPlanRow>* plan_rows = nullptr,
                               const RowsBehindShown* rows = nullptr);

/// A formula's reference as it reads: "sales", "prev(sales)", "rolling(sales, 3)",
/// "all(sales, \"store\")", "days_in_period()".
std::string reference_text(const library::CompiledLibrary& library,
                           const expr::Reference& reference);

}  // namespace kpi::report
