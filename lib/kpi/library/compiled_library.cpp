// SPDX-License-Identifier: MIT
#include "kpi/library/compiled_library.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <functional>

#include "kpi/core/did_you_mean.hpp"
#include "kpi/expr/bind_error.hpp"
#include "kpi/library/breakdown.hpp"

namespace kpi::library {
namespace {

[[noreturn]] void fail(SourceLocation where, std::string message) {
  throw Error({"library.invalid", std::move(message), std::move(where)});
}

// Binding errors point into the expression text, one column after the opening quote.
template <typename Bind>
auto bind_located(const Expression& expression, std::string_view what, Bind bind) {
  try {
    return bind();
  } catch (const expr::BindError& error) {
    SourceLocation where = expression.where;
    where.column += 1 + characters_in(expression.text, error.where().offset);
    throw Error({"library.invalid", fmt::format("{}: {}", what, error.what()), where});
  }
}

template <typename Items, typename Name>
std::vector<std::string> names_of(const Items& items, Name name) {
  std::vector<std::string> names;
  for (const auto& item : items) {
    names.push_back(item.*name);
  }
  return names;
}

// N of lost(N): the previous N periods, from 1 to 120.
int lost_periods(const expr::Node& call) {
  const bool one_number =
      call.children.size() == 1 && call.children[0]->kind == expr::NodeKind::Number;
  const std::string text = one_number ? call.children[0]->text : "";
  const bool whole = !text.empty() && text.size() <= 3 &&
                     text.find_first_not_of("0123456789") == std::string::npos;
  const int periods = whole ? std::stoi(text) : 0;
  if (periods < 1 || periods > 120) {
    throw expr::BindError(call.span, "lost(N) takes a whole number of periods from 1 to 120");
  }
  return periods;
}

// The per-key aggregate a call such as sum(amount) names, or null.
const AggregateInfo* per_key_aggregate(const expr::Node& node) {
  if (node.kind != expr::NodeKind::Call || node.children.size() != 1) {
    return nullptr;
  }
  const AggregateInfo* aggregate = find_aggregate(node.text);
  return aggregate != nullptr && aggregate->per_key ? aggregate : nullptr;
}

// Copies a `having` tree, turning each per-key aggregate (rows, sum(x), count(x), avg(x),
// min(x), max(x), and is_new) into a name that stands for a slot of the key's aggregates.
std::unique_ptr<expr::Node> rewrite_having(const expr::Node& node,
                                           const std::vector<expr::FieldSlot>& fields,
                                           CompiledMeasure& compiled,
                                           std::vector<expr::FieldSlot>& slots,
                                           std::string_view source) {
  auto copy = std::make_unique<expr::Node>();
  copy->kind = node.kind;
  copy->span = node.span;
  copy->text = node.text;
  copy->negated = node.negated;
  std::optional<KeyAggregate> aggregate;
  if (node.kind == expr::NodeKind::Name && node.text == "rows") {
    aggregate = KeyAggregate{Aggregate::Count, std::nullopt, false, false, false};
  } else if (node.kind == expr::NodeKind::Name && node.text == "is_new") {
    aggregate = KeyAggregate{Aggregate::Count, std::nullopt, true, false, false};
    compiled.tracks_first_seen = true;
  } else if ((node.kind == expr::NodeKind::Name && node.text == "lost") ||
             (node.kind == expr::NodeKind::Call && node.text == "lost")) {
    aggregate = KeyAggregate{Aggregate::Count, std::nullopt, false, true, false};
    compiled.reads_previous_keys = true;
    compiled.lost_periods = node.kind == expr::NodeKind::Call ? lost_periods(node) : 1;
  } else if (const AggregateInfo* per_key = per_key_aggregate(node)) {
    const Aggregate kind = per_key->aggregate;
    auto inner = expr::RowExpression::bind(*node.children[0], fields, source);
    const bool moment =
        inner.type() == expr::ValueType::Date || inner.type() == expr::ValueType::DateTime;
    if (moment && !per_key->of_dates) {
      throw expr::BindError(node.span, fmt::format("{}() of dates means nothing; use min() "
                                                   "or max() for the first or last date",
                                                   per_key->name));
    }
    // Per key as for a measure: only count takes any value; the others need numbers (a
    // min() of order numbers read as text would otherwise be 0, and the having wrong).
    if (!moment && !per_key->takes_any_type && inner.type() != expr::ValueType::Number) {
      throw expr::BindError(node.span,
                            fmt::format("{}() needs a number, but \"{}\" is {}; count() counts a "
                                        "key's rows where it is not null",
                                        per_key->name, expr::serialize(*node.children[0]),
                                        expr::value_type_name(inner.type())));
    }
    // A first or last date is a date; a count of dates is a number.
    const bool gives_date = kind == Aggregate::Min || kind == Aggregate::Max;
    aggregate = KeyAggregate{kind, std::move(inner), false, false, moment && gives_date};
  }
  if (!aggregate) {
    for (const auto& child : node.children) {
      copy->children.push_back(rewrite_having(*child, fields, compiled, slots, source));
    }
    return copy;
  }
  copy->kind = expr::NodeKind::Name;
  copy->text = expr::serialize(node);
  const bool known = std::any_of(slots.begin(), slots.end(), [&](const expr::FieldSlot& slot) {
    return slot.name == copy->text;
  });
  if (!known) {
    const bool signal = aggregate->first_seen || aggregate->lost;
    slots.push_back({copy->text, signal              ? expr::ValueType::Bool
                                 : aggregate->moment ? expr::ValueType::DateTime
                                                     : expr::ValueType::Number});
    compiled.key_aggregates.push_back(std::move(*aggregate));
  }
  return copy;
}

void compile_having(const Expression& having, const std::string& what,
                    const std::vector<expr::FieldSlot>& fields, CompiledMeasure& compiled,
                    std::vector<expr::FieldSlot>& slots) {
  compiled.having = bind_located(having, what, [&] {
    const auto rewritten = rewrite_having(*having.tree, fields, compiled, slots, having.text);
    return expr::RowExpression::bind(*rewritten, slots, having.text);
  });
  if (compiled.having->type() != expr::ValueType::Bool) {
    fail(having.where, fmt::format("{}: `having` must be true or false, e.g. \"rows >= 2\" or "
                                   "\"sum(amount) > 10000000\"",
                                   what));
  }
}

// Whether an expression reads a key's aggregates: rows, is_new, lost, or sum(x) and the like.
bool reads_key_aggregates(const expr::Node& node) {
  if (node.kind == expr::NodeKind::Name &&
      (node.text == "rows" || node.text == "is_new" || node.text == "lost")) {
    return true;
  }
  if (node.kind == expr::NodeKind::Call && node.text == "lost") {
    return true;
  }
  if (per_key_aggregate(node) != nullptr) {
    return true;
  }
  return std::any_of(node.children.begin(), node.children.end(),
                     [](const auto& child) { return reads_key_aggregates(*child); });
}

CompiledMeasure compile_measure(const Library& library, const Measure& measure,
                                const std::vector<std::vector<expr::FieldSlot>>& source_fields) {
  const Source* source = library.find_source(measure.source);
  if (source == nullptr) {
    fail(measure.where,
         fmt::format("measure \"{}\": unknown source \"{}\"{}", measure.name, measure.source,
                     did_you_mean(measure.source, names_of(library.sources, &Source::name))));
  }
  CompiledMeasure compiled;
  compiled.definition = &measure;
  compiled.source = static_cast<std::size_t>(source - library.sources.data());
  const auto& fields = source_fields[compiled.source];
  const std::string what = fmt::format("measure \"{}\"", measure.name);
  std::vector<expr::FieldSlot> key_slots;
  if (measure.per) {
    compiled.per = bind_located(*measure.per, what, [&] {
      return expr::RowExpression::bind(*measure.per->tree, fields, measure.per->text);
    });
  }
  const bool counts = info(measure.aggregate).takes_any_type;
  if (measure.of.tree && measure.per && reads_key_aggregates(*measure.of.tree)) {
    compiled.key_of = bind_located(measure.of, what, [&] {
      const auto rewritten =
          rewrite_having(*measure.of.tree, fields, compiled, key_slots, measure.of.text);
      return expr::RowExpression::bind(*rewritten, key_slots, measure.of.text);
    });
  } else if (measure.of.tree) {
    compiled.of = bind_located(measure.of, what, [&] {
      return expr::RowExpression::bind(*measure.of.tree, fields, measure.of.text);
    });
  }
  const auto* value = compiled.key_of ? &*compiled.key_of : compiled.of ? &*compiled.of : nullptr;
  if (value != nullptr && !counts && value->type() != expr::ValueType::Number) {
    fail(measure.of.where, fmt::format("{}: {} needs a number, but \"{}\" is {}", what,
                                       aggregate_name(measure.aggregate), measure.of.text,
                                       expr::value_type_name(value->type())));
  }
  if (measure.having) {
    compile_having(*measure.having, what, fields, compiled, key_slots);
  } else if (measure.per && !compiled.key_of) {
    fail(measure.where,
         fmt::format("{}: `per` needs a `having` condition (having = \"rows >= 2\"), "
                     "or a value of each key's aggregates "
                     "(avg = \"days_between(min(contacted), min(dealt))\")",
                     what));
  }
  if (measure.per) {
    compiled.counts_keys = measure.aggregate == Aggregate::CountDistinct && measure.of.tree &&
                           expr::serialize(*measure.of.tree) == expr::serialize(*measure.per->tree);
  }
  if (measure.filter) {
    const std::vector<expr::FieldSlot> bounded = with_period_bounds(fields);
    compiled.filter = bind_located(*measure.filter, what, [&] {
      return expr::RowExpression::bind(*measure.filter->tree, bounded, measure.filter->text);
    });
    const std::vector<bool>& used = compiled.filter->fields_used();
    compiled.filter_reads_period = used[fields.size()] || used[fields.size() + 1];
    if (compiled.filter_reads_period && compiled.tracks_first_seen) {
      // is_new is a key's first row in all history, which a period's own filter cannot judge.
      fail(measure.filter->where,
           fmt::format("{}: a filter that reads period_start or period_end cannot go with "
                       "is_new in `having`, which looks at all history, not one period",
                       what));
    }
    if (compiled.filter->type() != expr::ValueType::Bool) {
      fail(measure.filter->where,
           fmt::format("{}: a filter must be true or false, but \"{}\" is {}", what,
                       measure.filter->text, expr::value_type_name(compiled.filter->type())));
    }
  }
  return compiled;
}

std::optional<expr::FormulaName> resolve(const Library& library, std::string_view name) {
  if (const Measure* measure = library.find_measure(name)) {
    return expr::FormulaName{expr::FormulaName::Kind::Measure,
                             static_cast<std::size_t>(measure - library.measures.data())};
  }
  if (const Kpi* kpi = library.find_kpi(name)) {
    return expr::FormulaName{expr::FormulaName::Kind::Kpi,
                             static_cast<std::size_t>(kpi - library.kpis.data())};
  }
  return std::nullopt;
}

// Depth-first search over KPI references from `start`, with its own stack rather than the
// call stack: a chain of 100 000 KPIs must not overflow it. `stack` holds the KPIs being
// visited, each with the next of its references to follow.
void check_cycles(const CompiledLibrary& compiled, std::size_t start, std::vector<int>& state) {
  enum { kUnvisited, kVisiting, kDone };
  if (state[start] != kUnvisited) {
    return;
  }
  struct Visit {
    std::size_t kpi;
    std::vector<expr::Reference> references;
    std::size_t next = 0;
  };
  std::vector<Visit> stack;
  const auto enter = [&](std::size_t kpi) {
    state[kpi] = kVisiting;
    stack.push_back({kpi, compiled.kpis[kpi].formula.references(), 0});
  };
  enter(start);
  while (!stack.empty()) {
    Visit& visit = stack.back();
    if (visit.next == visit.references.size()) {
      state[visit.kpi] = kDone;
      stack.pop_back();
      continue;
    }
    const expr::Reference& reference = visit.references[visit.next++];
    if (reference.name.kind != expr::FormulaName::Kind::Kpi) {
      continue;
    }
    const std::size_t kpi = reference.name.index;
    if (state[kpi] == kVisiting) {
      const Kpi& definition = *compiled.kpis[kpi].definition;
      std::vector<std::string> cycle;
      const auto first = std::find_if(stack.begin(), stack.end(),
                                      [&](const Visit& on_path) { return on_path.kpi == kpi; });
      for (auto it = first; it != stack.end(); ++it) {
        cycle.push_back(compiled.kpis[it->kpi].definition->id);
      }
      std::string text = join_elided(cycle, " → ");
      text += " → " + definition.id;
      fail(definition.formula.where,
           fmt::format("KPI \"{}\" depends on itself: {}", definition.id, text));
    }
    if (state[kpi] == kUnvisited) {
      enter(kpi);  // `visit` is not used after this: the push may move it
    }
  }
}

// Each field of a KPI's own breakdown must be one that some source maps; and all(x, "store")
// must name fields of that breakdown, so that each of its values has a parent.
void check_breakdown_field(const Library& library, const CompiledKpi& compiled) {
  const Kpi& kpi = *compiled.definition;
  std::vector<std::string> fields;
  for (const Source& source : library.sources) {
    for (const Field& field : source.fields) {
      fields.push_back(field.name);
    }
  }
  const std::vector<std::string> by = breakdown_fields(kpi.by);
  for (const std::string& field : by) {
    if (std::find(fields.begin(), fields.end(), field) == fields.end()) {
      fail(kpi.where, fmt::format("KPI \"{}\": no source maps the breakdown field \"{}\"{}", kpi.id,
                                  field, did_you_mean(field, fields)));
    }
  }
  for (const expr::Reference& reference : compiled.formula.references()) {
    for (const std::string& field : breakdown_fields(reference.within)) {
      if (!by.empty() && std::find(by.begin(), by.end(), field) == by.end()) {
        fail(kpi.formula.where,
             fmt::format("KPI \"{}\": all(…, \"{}\") needs \"{}\" among the KPI's breakdown "
                         "fields, but it is broken down by \"{}\"; write by = [\"{}\", \"{}\"]",
                         kpi.id, reference.within, field, kpi.by, field, kpi.by));
      }
    }
  }
}

// An alert watches a computed KPI of the library, broken down by fields some source maps.
void check_alert(const Library& library, const Alert& alert) {
  const std::string what = fmt::format("alert \"{}\"", alert.id);
  const Kpi* kpi = find_alert_kpi(library, alert);
  if (kpi == nullptr) {
    std::vector<std::string> ids = names_of(library.kpis, &Kpi::id);
    fail(alert.where,
         fmt::format("{}: unknown KPI \"{}\"{}", what, alert.kpi, did_you_mean(alert.kpi, ids)));
  }
  if (kpi->qualitative) {
    fail(alert.where,
         fmt::format("{}: KPI \"{}\" is scored by hand and has no value to watch", what, kpi->id));
  }
  std::vector<std::string> fields;
  for (const Source& source : library.sources) {
    for (const Field& field : source.fields) {
      fields.push_back(field.name);
    }
  }
  for (const std::string& field : breakdown_fields(alert.by)) {
    if (std::find(fields.begin(), fields.end(), field) == fields.end()) {
      fail(alert.where, fmt::format("{}: no source maps the breakdown field \"{}\"{}", what, field,
                                    did_you_mean(field, fields)));
    }
  }
}

// The master table's field a lookup field takes, after checking every name it uses.
const Field& master_field(const Library& library, const Source& source, const Field& field) {
  const Lookup& lookup = *field.lookup;
  const std::string what = fmt::format("field \"{}\" of source \"{}\"", field.name, source.name);
  const Source* master = library.find_source(lookup.source);
  if (master == nullptr || master == &source) {
    fail(field.where,
         fmt::format("{}: \"{}\" is not another source of the library{}", what, lookup.source,
                     did_you_mean(lookup.source, names_of(library.sources, &Source::name))));
  }
  const Field* taken = master->find_field(lookup.field);
  const Field* master_key = master->find_field(lookup.key);
  const Field* own_key = source.find_field(lookup.key);
  if (taken == nullptr || taken->lookup) {
    fail(field.where,
         fmt::format("{}: source \"{}\" has no field \"{}\"{}", what, master->name, lookup.field,
                     did_you_mean(lookup.field, names_of(master->fields, &Field::name))));
  }
  if (master_key == nullptr || own_key == nullptr || own_key->lookup) {
    fail(field.where, fmt::format("{}: the key \"{}\" must be a field of both \"{}\" and \"{}\"",
                                  what, lookup.key, source.name, master->name));
  }
  return *taken;
}

}  // namespace

const Kpi* find_alert_kpi(const Library& library, const Alert& alert) {
  if (const Kpi* kpi = library.find_kpi(alert.kpi)) {
    return kpi;
  }
  for (const Kpi& kpi : library.kpis) {
    if (kpi.name == alert.kpi) {
      return &kpi;
    }
  }
  return nullptr;
}

std::vector<expr::FieldSlot> with_period_bounds(const std::vector<expr::FieldSlot>& fields) {
  std::vector<expr::FieldSlot> bounded = fields;
  bounded.push_back({std::string(kPeriodStart), expr::ValueType::Date});
  bounded.push_back({std::string(kPeriodEnd), expr::ValueType::Date});
  return bounded;
}

expr::ValueType value_type_of(FieldType type) {
  switch (type) {
    case FieldType::Number:
    case FieldType::Money:
    case FieldType::Percent:
      return expr::ValueType::Number;
    case FieldType::Date:
      return expr::ValueType::Date;
    case FieldType::DateTime:
      return expr::ValueType::DateTime;
    case FieldType::Bool:
      return expr::ValueType::Bool;
    case FieldType::Text:
      return expr::ValueType::Text;
  }
  return expr::ValueType::Text;
}

CompiledLibrary compile_library(const Library& library) {
  CompiledLibrary compiled;
  compiled.library = &library;
  for (const Source& source : library.sources) {
    std::vector<expr::FieldSlot> slots;
    for (const Field& field : source.fields) {
      const Field& typed = field.lookup ? master_field(library, source, field) : field;
      slots.push_back({field.name, value_type_of(typed.type)});
    }
    compiled.source_fields.push_back(std::move(slots));
  }
  for (const Measure& measure : library.measures) {
    compiled.measures.push_back(compile_measure(library, measure, compiled.source_fields));
  }
  std::vector<std::string> known = names_of(library.measures, &Measure::name);
  for (const Kpi& kpi : library.kpis) {
    known.push_back(kpi.id);
  }
  for (const Kpi& kpi : library.kpis) {
    if (kpi.qualitative) {
      compiled.kpis.push_back({&kpi, expr::Formula::no_value()});
      continue;
    }
    compiled.kpis.push_back(
        {&kpi, bind_located(kpi.formula, fmt::format("KPI \"{}\"", kpi.id), [&] {
           return expr::Formula::bind(
               *kpi.formula.tree, [&](std::string_view name) { return resolve(library, name); },
               known);
         })});
  }
  for (const CompiledKpi& kpi : compiled.kpis) {
    check_breakdown_field(library, kpi);
  }
  for (const Alert& alert : library.alerts) {
    check_alert(library, alert);
  }
  std::vector<int> state(compiled.kpis.size(), 0);
  for (std::size_t kpi = 0; kpi < compiled.kpis.size(); ++kpi) {
    check_cycles(compiled, kpi, state);
  }
  return compiled;
}

}  // namespace kpi::library
