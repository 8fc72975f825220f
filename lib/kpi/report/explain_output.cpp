// SPDX-License-Identifier: MIT
#include "kpi/report/explain_output.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "kpi/report/escape.hpp"
#include "kpi/report/number_format.hpp"
#include "kpi/report/text_table.hpp"
#include "kpi/value/date_parser.hpp"

namespace kpi::report {
namespace {

std::string raw(const std::optional<long double>& value) {
  return value ? format_raw_number(*value) : "";
}

// "2025-06-01 to 2025-06-30"; a period without a start or an end says so.
std::string days_text(const time::Period& period) {
  const std::string first = time::reaches_back_to_start(period) ? "the first day of the data"
                                                                : format_date(period.first_day);
  const std::string last =
      time::runs_on_to_end(period) ? "the last day of the data" : format_date(period.last_day);
  return fmt::format("{} to {}", first, last);
}

// The KPI's value as kpi values shows it: at its precision, a percent as "12.35%".
std::string kpi_text(const library::Kpi& kpi, const engine::KpiExplanation& explanation) {
  if (!explanation.value) {
    return "no value";
  }
  if (kpi.unit == "percent") {
    const std::optional<std::string> exact =
        explanation.exact ? format_hundredfold_units(*explanation.exact, kpi.precision)
                          : std::nullopt;
    return exact.value_or(format_fixed(*explanation.value * 100, kpi.precision)) + "%";
  }
  return explanation.exact ? format_fixed_units(*explanation.exact, kpi.precision)
                           : format_fixed(*explanation.value, kpi.precision);
}

// "count_distinct = "member", per "member", having "rows >= 2"".
std::string measure_text(const library::Measure& measure) {
  std::string text = fmt::format("{} = \"{}\"", library::aggregate_name(measure.aggregate),
                                 measure.of.text.empty() ? "*" : measure.of.text);
  if (measure.per) {
    text += fmt::format(", per \"{}\"", measure.per->text);
  }
  if (measure.having) {
    text += fmt::format(", having \"{}\"", measure.having->text);
  }
  return text;
}

// The files of the measure's source: each with its records, and what was skipped and why.
std::vector<const engine::InputFile*> files_of(const engine::KpiExplanation& explanation,
                                               const library::Source& source) {
  std::vector<const engine::InputFile*> files;
  for (const engine::InputFile& input : explanation.quality.inputs()) {
    if (input.source == source.name) {
      files.push_back(&input);
    }
  }
  return files;
}

// "amount ← 实收金额", per field the measure reads (and the time), with every column the
// files had it in; a field from a master table says so.
std::vector<std::string> column_lines(const library::CompiledMeasure& measure,
                                      const library::Source& source,
                                      const std::vector<const engine::InputFile*>& files) {
  std::vector<bool> used(source.fields.size(), false);
  const auto use = [&](const std::optional<expr::RowExpression>& expression) {
    if (expression) {
      const std::vector<bool>& fields = expression->fields_used();
      for (std::size_t slot = 0; slot < used.size() && slot < fields.size(); ++slot) {
        used[slot] = used[slot] || fields[slot];
      }
    }
  };
  use(measure.of);
  use(measure.filter);
  use(measure.per);
  for (const library::KeyAggregate& aggregate : measure.key_aggregates) {
    use(aggregate.of);
  }
  std::vector<std::string> lines;
  for (std::size_t slot = 0; slot < source.fields.size(); ++slot) {
    const library::Field& field = source.fields[slot];
    if (!used[slot] && field.name != source.time_field) {
      continue;
    }
    if (field.lookup) {
      lines.push_back(fmt::format("{} ← {}.{} by {}", field.name, field.lookup->source,
                                  field.lookup->field, field.lookup->key));
      continue;
    }
    std::vector<std::string> columns;
    for (const engine::InputFile* file : files) {
      if (slot < file->columns.size() && !file->columns[slot].empty() &&
          std::find(columns.begin(), columns.end(), file->columns[slot]) == columns.end()) {
        columns.push_back(file->columns[slot]);
      }
    }
    if (!columns.empty()) {
      lines.push_back(fmt::format("{} ← {}", field.name, fmt::join(columns, ", ")));
    }
  }
  return lines;
}

std::string passing_label(engine::ExplainedMeasure::Needs needs) {
  switch (needs) {
    case engine::ExplainedMeasure::Needs::Key:
      return "rows passing the filter, with a key";
    case engine::ExplainedMeasure::Needs::Value:
      return "rows passing the filter, with a value";
    case engine::ExplainedMeasure::Needs::Nothing:
      break;
  }
  return "rows passing the filter";
}

// The reference the formula reads the measure by: "sales", "prev(sales)".
expr::Reference measure_reference(const engine::ExplainedMeasure& explained) {
  return {{expr::FormulaName::Kind::Measure, explained.measure},
          explained.shifts,
          explained.total,
          explained.within};
}

std::string measure_heading(const library::CompiledLibrary& library,
                            const engine::ExplainedMeasure& explained) {
  return fmt::format("measure {}, {}: {}", reference_text(library, measure_reference(explained)),
                     explained.period.label, days_text(explained.period));
}

// How many rows are shown of those behind the value: all of them when fewer than --rows.
std::string rows_shown_text(std::size_t shown, std::size_t limit) {
  if (limit == 0) {
    return "none shown (--rows 0)";
  }
  if (shown == limit) {
    return fmt::format("the first {}, in file order", shown);
  }
  return shown == 0 ? "none: no row counts here" : fmt::format("all {}, in file order", shown);
}

// The rows as a CSV block: measure, file and line, then the source's fields.
void append_rows_csv(std::string& out, const std::string& measure, const ExplainedRows& shown) {
  out += "measure,file,line";
  for (const std::string& field : shown.fields) {
    out += ',';
    append_csv_field(out, field);
  }
  out += '\n';
  for (const ExplainedRow& row : shown.rows) {
    append_csv_field(out, measure);
    out += ',';
    append_csv_field(out, row.file);
    out += fmt::format(",{},", row.line);
    out += row.csv;
    out += '\n';
  }
}

void append_rows_json(std::string& out, const ExplainedRows& shown) {
  out += '[';
  for (std::size_t r = 0; r < shown.rows.size(); ++r) {
    out += r == 0 ? "{\"file\":" : ",{\"file\":";
    append_json_string(out, shown.rows[r].file);
    out += fmt::format(",\"line\":{},\"fields\":{}}}", shown.rows[r].line, shown.rows[r].json);
  }
  out += ']';
}

std::string text(const library::CompiledLibrary& library, const engine::KpiExplanation& explanation,
                 const RowsBehindShown* rows) {
  const library::Kpi& kpi = *library.kpis[explanation.kpi].definition;
  std::string out = fmt::format("KPI {} ({}), {}: {}", kpi.id, kpi.name, explanation.period.label,
                                days_text(explanation.period));
  if (!explanation.by_field.empty()) {
    out += fmt::format(", {} = {}", explanation.by_field, escape_controls(explanation.by_value));
  }
  out += fmt::format("\n  formula  {}\n  value    {}\n\n", kpi.formula.text,
                     kpi_text(kpi, explanation));
  std::vector<std::vector<std::string>> terms{{"term", "period", "value"}};
  for (const engine::ExplainedTerm& term : explanation.terms) {
    terms.push_back({reference_text(library, term.reference), term.period.label,
                     term.value ? format_raw_number(*term.value) : "no value"});
  }
  out += render_text_table(terms, {Align::Left, Align::Left, Align::Right}, "  ");
  std::vector<std::string> sources_shown;  // each source's files are listed once
  for (std::size_t m = 0; m < explanation.measures.size(); ++m) {
    const engine::ExplainedMeasure& explained = explanation.measures[m];
    const library::CompiledMeasure& measure = library.measures[explained.measure];
    const library::Source& source = library.library->sources[measure.source];
    const auto files = files_of(explanation, source);
    std::vector<std::vector<std::string>> lines{{"aggregate", measure_text(*measure.definition)},
                                                {"source", source.name}};
    const bool shown =
        std::find(sources_shown.begin(), sources_shown.end(), source.name) != sources_shown.end();
    if (shown) {
      lines.push_back(
          {"files", fmt::format("{} of source {}, as above", files.size(), source.name)});
    }
    sources_shown.push_back(source.name);
    for (const engine::InputFile* file : shown ? decltype(files){} : files) {
      lines.push_back({"file", fmt::format("{}: {} records, {} skipped (wrong number of fields), "
                                           "{} without a valid time",
                                           escape_controls(file->file), file->records,
                                           file->skipped, file->left_out)});
    }
    for (const std::string& column : column_lines(measure, source, files)) {
      lines.push_back({"column", column});
    }
    lines.push_back({"filter", measure.definition->filter
                                   ? measure.definition->filter->text
                                   : std::string("none: every row of the period counts")});
    if (!explained.whole && !explanation.by_field.empty()) {
      lines.push_back({"rows of", fmt::format("{} = {}", explanation.by_field,
                                              escape_controls(explanation.by_value))});
    } else if (!explanation.by_field.empty()) {
      lines.push_back({"rows of", "the whole (all(), or a source without the breakdown field)"});
    }
    if (explained.counted) {
      lines.push_back({"rows in the period", fmt::to_string(explained.rows_in_period)});
      lines.push_back(
          {passing_label(explained.passing_with), fmt::to_string(explained.rows_passing)});
      if (explained.judged_period) {
        lines.push_back({"keys judged from", fmt::format("{}: {}", explained.judged_period->label,
                                                         days_text(*explained.judged_period))});
      }
      if (explained.keys_seen) {
        lines.push_back({"keys seen", fmt::to_string(*explained.keys_seen)});
        lines.push_back({"keys passing having", fmt::to_string(*explained.keys_passing)});
      }
    } else {
      lines.push_back({"rows", "read in the value's parent group: not counted here"});
    }
    lines.push_back({"value", explained.value ? format_raw_number(*explained.value) : "no value"});
    const ExplainedRows* behind = nullptr;
    if (rows != nullptr && explained.counted) {
      behind = &rows->measures[m];
      lines.push_back({"rows behind it", rows_shown_text(behind->rows.size(), rows->limit)});
    }
    out += "\n" + measure_heading(library, explained) + "\n";
    out += render_text_table(lines, {Align::Left, Align::Left}, "  ");
    if (behind != nullptr && !behind->rows.empty()) {
      append_rows_csv(out, reference_text(library, measure_reference(explained)), *behind);
    }
  }
  return out;
}

void append_count(std::string& out, const char* name, std::uint64_t count) {
  out += fmt::format(",\"{}\":{}", name, count);
}

std::string json(const library::CompiledLibrary& library, const engine::KpiExplanation& explanation,
                 const RowsBehindShown* rows) {
  const library::Kpi& kpi = *library.kpis[explanation.kpi].definition;
  std::string out = "{\"kpi\":";
  append_json_string(out, kpi.id);
  out += ",\"name\":";
  append_json_string(out, kpi.name);
  out += ",\"period\":";
  append_json_string(out, explanation.period.label);
  out += ",\"by\":{";
  if (!explanation.by_field.empty()) {
    append_json_string(out, explanation.by_field);
    out += ':';
    append_json_string(out, explanation.by_value);
  }
  out += "},\"formula\":";
  append_json_string(out, kpi.formula.text);
  out += ",\"value\":";
  out += explanation.value ? raw(explanation.value) : "null";
  out += ",\n\"terms\":[";
  for (std::size_t t = 0; t < explanation.terms.size(); ++t) {
    const engine::ExplainedTerm& term = explanation.terms[t];
    out += t == 0 ? "\n{\"term\":" : ",\n{\"term\":";
    append_json_string(out, reference_text(library, term.reference));
    out += ",\"period\":";
    append_json_string(out, term.period.label);
    out += fmt::format(",\"value\":{}}}", term.value ? raw(term.value) : "null");
  }
  out += "],\n\"measures\":[";
  for (std::size_t m = 0; m < explanation.measures.size(); ++m) {
    const engine::ExplainedMeasure& explained = explanation.measures[m];
    const library::CompiledMeasure& measure = library.measures[explained.measure];
    const library::Source& source = library.library->sources[measure.source];
    const auto files = files_of(explanation, source);
    const expr::Reference reference{{expr::FormulaName::Kind::Measure, explained.measure},
                                    explained.shifts,
                                    explained.total,
                                    explained.within};
    out += m == 0 ? "\n{\"measure\":" : ",\n{\"measure\":";
    append_json_string(out, reference_text(library, reference));
    out += ",\"period\":";
    append_json_string(out, explained.period.label);
    out += ",\"source\":";
    append_json_string(out, source.name);
    out += ",\"files\":[";
    for (std::size_t f = 0; f < files.size(); ++f) {
      out += f == 0 ? "{\"file\":" : ",{\"file\":";
      append_json_string(out, files[f]->file);
      append_count(out, "records", files[f]->records);
      append_count(out, "skipped", files[f]->skipped);
      append_count(out, "without_time", files[f]->left_out);
      out += '}';
    }
    out += "],\"columns\":[";
    const std::vector<std::string> columns = column_lines(measure, source, files);
    for (std::size_t c = 0; c < columns.size(); ++c) {
      out += c == 0 ? "" : ",";
      append_json_string(out, columns[c]);
    }
    out += "],\"filter\":";
    if (measure.definition->filter) {
      append_json_string(out, measure.definition->filter->text);
    } else {
      out += "null";
    }
    if (explained.counted) {
      append_count(out, "rows_in_period", explained.rows_in_period);
      append_count(out, "rows_passing", explained.rows_passing);
      if (explained.passing_with != engine::ExplainedMeasure::Needs::Nothing) {
        out += fmt::format(
            ",\"rows_passing_with\":\"{}\"",
            explained.passing_with == engine::ExplainedMeasure::Needs::Key ? "key" : "value");
      }
      if (explained.judged_period) {
        out += ",\"keys_judged_from\":";
        append_json_string(out, explained.judged_period->label);
      }
      if (explained.keys_seen) {
        append_count(out, "keys_seen", *explained.keys_seen);
        append_count(out, "keys_passing", *explained.keys_passing);
      }
    }
    out += fmt::format(",\"value\":{}", explained.value ? raw(explained.value) : "null");
    if (rows != nullptr) {
      out += ",\"rows\":";
      if (explained.counted) {
        append_rows_json(out, rows->measures[m]);
      } else {
        out += "null";  // read in the value's parent group
      }
    }
    out += '}';
  }
  out += "]}\n";
  return out;
}

// A scoring rule in words; "" for none.
std::string rule_text(const std::optional<score::ScoringRule>& rule) {
  using Kind = score::ScoringRule::Kind;
  const score::ScoringRule shown = rule.value_or(score::ScoringRule{});
  const auto percent = [](long double fraction) { return format_raw_number(fraction * 100) + "%"; };
  std::string text;
  switch (shown.kind) {
    case Kind::CappedRatio:
      text = fmt::format("capped ratio, cap {}", percent(shown.cap));
      break;
    case Kind::Floor:
      text = fmt::format("floor {}, cap {}", percent(shown.threshold), percent(shown.cap));
      break;
    case Kind::Linear:
      text = fmt::format("linear {}..{}", percent(shown.from), percent(shown.to));
      break;
    case Kind::Bands:
      text = "bands";
      for (const score::ScoringRule::Band& band : shown.bands) {
        text += fmt::format(" {}={}", percent(band.threshold), format_raw_number(band.points));
      }
      break;
    case Kind::PassFail:
      text = "pass/fail";
      break;
    case Kind::Deduct:
      text = fmt::format("deduct {} per event from 100, not below {}", format_raw_number(shown.per),
                         format_raw_number(shown.least));
      break;
  }
  return rule ? text : text + " (the default)";
}

std::string row_title(const score::PlanRow& row) {
  return row.entity.empty() ? row.scorecard : fmt::format("{} · {}", row.scorecard, row.entity);
}

std::string plan_text(const std::vector<score::ExplainedPlanRow>& plan_rows,
                      const engine::KpiExplanation& explanation) {
  if (plan_rows.empty()) {
    return fmt::format("\nPlan: no row scores this KPI over {}{}\n", explanation.period.label,
                       explanation.by_field.empty() ? " for the whole" : " for this value");
  }
  std::string out;
  for (const score::ExplainedPlanRow& explained : plan_rows) {
    const score::PlanRow& row = *explained.row;
    std::vector<std::vector<std::string>> lines{
        {"row", fmt::format("{}:{}", row.where.file, row.where.line)},
        {"target", fmt::format("{} = {}", row.target ? row.target->text : "none",
                               row.target ? format_raw_number(row.target->value) : "none")},
        {"weight", format_raw_number(row.weight) + "%"},
        {"rule", rule_text(row.rule) + (row.veto ? "; 一票否决 veto" : "")}};
    if (row.base) {
      lines.push_back(
          {"保底", fmt::format("{} = {}", row.base->text, format_raw_number(row.base->value))});
    }
    if (row.stretch) {
      lines.push_back({"挑战", fmt::format("{} = {}", row.stretch->text,
                                           format_raw_number(row.stretch->value))});
    }
    lines.push_back(
        {"actual", raw(explanation.value).empty() ? "no value" : raw(explanation.value)});
    for (const std::string& step : explained.scored.steps) {
      lines.push_back({"step", step});
    }
    lines.push_back({"score", explained.scored.score.points
                                  ? format_raw_number(*explained.scored.score.points)
                                  : "none"});
    out += fmt::format("\nPlan row {}\n", escape_controls(row_title(row)));
    out += render_text_table(lines, {Align::Left, Align::Left}, "  ");
  }
  return out;
}

std::string plan_json(const std::vector<score::ExplainedPlanRow>& plan_rows) {
  std::string out = ",\"plan\":[";
  for (const score::ExplainedPlanRow& explained : plan_rows) {
    const score::PlanRow& row = *explained.row;
    const score::KpiScore& scored = explained.scored.score;
    out += out.back() == '[' ? "" : ",";
    out += "{\"file\":";
    append_json_string(out, row.where.file);
    out += fmt::format(",\"line\":{},\"scorecard\":", row.where.line);
    append_json_string(out, row.scorecard);
    out += ",\"entity\":";
    append_json_string(out, row.entity);
    out += ",\"target\":" + (row.target ? format_raw_number(row.target->value) : "null");
    out += ",\"target_text\":";
    append_json_string(out, row.target ? row.target->text : "");
    out += ",\"weight\":" + format_raw_number(row.weight);
    out += ",\"rule\":";
    append_json_string(out, rule_text(row.rule));
    out += fmt::format(",\"veto\":{}", row.veto ? "true" : "false");
    out += ",\"achievement\":" + (scored.achievement ? raw(scored.achievement) : "null");
    out += ",\"score\":" + (scored.points ? raw(scored.points) : "null");
    out += ",\"status\":";
    append_json_string(out, score::status_name(scored.status));
    out += ",\"steps\":[";
    for (const std::string& step : explained.scored.steps) {
      out += out.back() == '[' ? "" : ",";
      append_json_string(out, step);
    }
    out += "]}";
  }
  return out + "]";
}

}  // namespace

std::string reference_text(const library::CompiledLibrary& library,
                           const expr::Reference& reference) {
  std::string text;
  switch (reference.name.kind) {
    case expr::FormulaName::Kind::Measure:
      text = library.measures[reference.name.index].definition->name;
      break;
    case expr::FormulaName::Kind::Kpi:
      text = library.kpis[reference.name.index].definition->id;
      break;
    case expr::FormulaName::Kind::PeriodDays:
      text = "days_in_period()";
      break;
    case expr::FormulaName::Kind::DaysElapsed:
      text = "days_elapsed()";
      break;
  }
  // Shifts are outermost first: the innermost wraps the name first.
  for (auto shift = reference.shifts.rbegin(); shift != reference.shifts.rend(); ++shift) {
    switch (shift->kind) {
      case expr::Shift::Kind::Previous:
        text = fmt::format("prev({})", text);
        break;
      case expr::Shift::Kind::LastYear:
        text = fmt::format("last_year({})", text);
        break;
      case expr::Shift::Kind::Rolling:
        text = fmt::format("rolling({}, {})", text, shift->periods);
        break;
      case expr::Shift::Kind::Cumulative:
        text = fmt::format("to_date({})", text);
        break;
    }
  }
  if (reference.total) {
    text = reference.within.empty() ? fmt::format("all({})", text)
                                    : fmt::format("all({}, \"{}\")", text, reference.within);
  }
  return text;
}

std::string render_explanation(const library::CompiledLibrary& library,
                               const engine::KpiExplanation& explanation, Format format,
                               const std::vector<score::ExplainedPlanRow>* plan_rows,
                               const RowsBehindShown* rows) {
  if (format == Format::Json) {
    std::string out = json(library, explanation, rows);
    if (plan_rows != nullptr) {
      out.insert(out.size() - 2, plan_json(*plan_rows));  // before the closing "}\n"
    }
    return out;
  }
  return text(library, explanation, rows) +
         (plan_rows != nullptr ? plan_text(*plan_rows, explanation) : "");
}

}  // namespace kpi::report
