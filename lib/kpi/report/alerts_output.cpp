// SPDX-License-Identifier: MIT
#include "kpi/report/alerts_output.hpp"

#include <fmt/format.h>

#include "kpi/library/breakdown.hpp"
#include "kpi/report/escape.hpp"
#include "kpi/report/number_format.hpp"
#include "kpi/report/text_table.hpp"

namespace kpi::report {
namespace {

using library::Alert;

// A value as the KPI shows it: at its precision, a percentage ×100 with "%".
std::string shown(const library::Kpi& kpi, long double value) {
  if (kpi.unit == "percent") {
    return format_fixed(value * 100, kpi.precision) + "%";
  }
  return format_fixed(value, kpi.precision);
}

// A change, always as a signed percentage with one decimal.
std::string shown_change(long double change) {
  return fmt::format("{}{}%", change > 0 ? "+" : "", format_fixed(change * 100, 1));
}

std::string_view rule_name(Alert::Rule rule) {
  switch (rule) {
    case Alert::Rule::Bounds:
      return "bounds";
    case Alert::Rule::Change:
      return "change";
    case Alert::Rule::Normal:
      return "normal";
  }
  return "bounds";
}

std::string breakdown_text(const alerts::AlertCheck& check) {
  const std::vector<std::string> fields = library::breakdown_fields(check.by_field);
  std::string text;
  for (std::size_t i = 0; i < fields.size() && i < check.by_values.size(); ++i) {
    text += fmt::format("{}{}={}", i == 0 ? "" : ", ", fields[i], check.by_values[i]);
  }
  return text;
}

// What the value should have been, in words: "≥ 90.0%", "≤ 3.0%", "2000.00 to 3000.00",
// "change within ±20.0% (was +31.2%)", "80.10 to 120.30 (mean 100.20, σ 10.05, 12 periods)".
std::string expected_text(const library::Kpi& kpi, const alerts::AlertCheck& check) {
  const Alert& alert = *check.alert;
  switch (alert.rule) {
    case Alert::Rule::Bounds:
      if (check.low && check.high) {
        return fmt::format("{} to {}", shown(kpi, *check.low), shown(kpi, *check.high));
      }
      return check.low ? fmt::format("≥ {}", shown(kpi, *check.low))
                       : fmt::format("≤ {}", shown(kpi, *check.high));
    case Alert::Rule::Change:
      return fmt::format(
          "change from {} within ±{} (was {})",
          alert.change_from == Alert::ChangeFrom::Previous ? "previous period" : "last year",
          format_fixed(alert.change_beyond * 100, 1) + "%", shown_change(*check.change));
    case Alert::Rule::Normal:
      return fmt::format("{} to {} (mean {}, σ {}, {} periods)", shown(kpi, *check.low),
                         shown(kpi, *check.high), shown(kpi, *check.mean), shown(kpi, *check.sigma),
                         check.history);
  }
  return "";
}

std::vector<const alerts::AlertCheck*> fired(const alerts::AlertResults& results) {
  std::vector<const alerts::AlertCheck*> checks;
  for (const alerts::AlertCheck& check : results.checks) {
    if (check.fired) {
      checks.push_back(&check);
    }
  }
  return checks;
}

std::string render_table(const library::Library& library, const alerts::AlertResults& results,
                         const time::Period& period) {
  const std::vector<const alerts::AlertCheck*> checks = fired(results);
  if (checks.empty()) {
    return fmt::format("No alert fired for {}.\n", period.label);
  }
  std::vector<std::vector<std::string>> rows = {
      {"alert", "severity", "KPI", "by", "value", "expected", "message"}};
  for (const alerts::AlertCheck* check : checks) {
    const library::Kpi& kpi = library.kpis[check->kpi];
    rows.push_back({check->alert->id, check->alert->severity, kpi.name, breakdown_text(*check),
                    shown(kpi, *check->value), expected_text(kpi, *check), check->alert->message});
  }
  return fmt::format("Alerts fired for {}: {}\n", period.label, checks.size()) +
         render_text_table(rows, {Align::Left, Align::Left, Align::Left, Align::Left, Align::Right,
                                  Align::Left, Align::Left});
}

std::string number_or(const std::optional<long double>& value, std::string_view none) {
  return value ? format_raw_number(*value) : std::string(none);
}

std::string render_csv(const library::Library& library, const alerts::AlertResults& results,
                       const time::Period& period) {
  std::string text = "alert,severity,kpi,name,period,by,value,rule,low,high,change,message\n";
  for (const alerts::AlertCheck* check : fired(results)) {
    const library::Kpi& kpi = library.kpis[check->kpi];
    std::string by;
    for (std::size_t i = 0; i < check->by_values.size(); ++i) {
      by += (i == 0 ? "" : " / ") + check->by_values[i];
    }
    for (const std::string& field :
         {check->alert->id, check->alert->severity, kpi.id, kpi.name, period.label, by}) {
      append_spreadsheet_text(text, field);
      text += ',';
    }
    text += number_or(check->value, "") + ',';
    text += std::string(rule_name(check->alert->rule)) + ',';
    text += number_or(check->low, "") + ',';
    text += number_or(check->high, "") + ',';
    text += number_or(check->change, "") + ',';
    append_spreadsheet_text(text, check->alert->message);
    text += '\n';
  }
  return text;
}

// One fired alert as a JSON object.
std::string json_object(const library::Library& library, const alerts::AlertCheck& check,
                        const time::Period& period) {
  const library::Kpi& kpi = library.kpis[check.kpi];
  std::string text = "{\"alert\":";
  append_json_string(text, check.alert->id);
  text += ",\"severity\":";
  append_json_string(text, check.alert->severity);
  text += ",\"kpi\":";
  append_json_string(text, kpi.id);
  text += ",\"name\":";
  append_json_string(text, kpi.name);
  text += ",\"period\":";
  append_json_string(text, period.label);
  text += ",\"by\":{";
  const std::vector<std::string> fields = library::breakdown_fields(check.by_field);
  for (std::size_t i = 0; i < fields.size() && i < check.by_values.size(); ++i) {
    text += i == 0 ? "" : ",";
    append_json_string(text, fields[i]);
    text += ':';
    append_json_string(text, check.by_values[i]);
  }
  text += "},\"value\":" + number_or(check.value, "null");
  text += ",\"unit\":";
  append_json_string(text, kpi.unit);
  text += fmt::format(",\"rule\":\"{}\"", rule_name(check.alert->rule));
  text += ",\"low\":" + number_or(check.low, "null");
  text += ",\"high\":" + number_or(check.high, "null");
  text += ",\"change\":" + number_or(check.change, "null");
  text += ",\"mean\":" + number_or(check.mean, "null");
  text += ",\"sigma\":" + number_or(check.sigma, "null");
  text += ",\"message\":";
  append_json_string(text, check.alert->message);
  return text + '}';
}

}  // namespace

std::string render_alerts(const library::Library& library, const alerts::AlertResults& results,
                          const time::Period& period, Format format) {
  switch (format) {
    case Format::Csv:
      return render_csv(library, results, period);
    case Format::Json: {
      std::string text = "[";
      for (const alerts::AlertCheck* check : fired(results)) {
        text += text.size() == 1 ? "\n" : ",\n";
        text += json_object(library, *check, period);
      }
      return text + (text.size() == 1 ? "]\n" : "\n]\n");
    }
    case Format::Jsonl: {
      std::string text;
      for (const alerts::AlertCheck* check : fired(results)) {
        text += json_object(library, *check, period) + '\n';
      }
      return text;
    }
    case Format::Table:
    default:  // kpi alerts writes only kAlertFormats
      return render_table(library, results, period);
  }
}

std::vector<ReportAlert> report_alerts(const library::Library& library,
                                       const alerts::AlertResults& results,
                                       const time::Period& period) {
  std::vector<ReportAlert> alerts;
  for (const alerts::AlertCheck* check : fired(results)) {
    const library::Kpi& kpi = library.kpis[check->kpi];
    alerts.push_back({check->alert->id, check->alert->severity, kpi.name, breakdown_text(*check),
                      shown(kpi, *check->value), check->value, expected_text(kpi, *check),
                      check->alert->message, json_object(library, *check, period)});
  }
  return alerts;
}

std::vector<StatusLine> unjudged_alert_lines(const library::Library& library,
                                             const alerts::AlertResults& results) {
  std::vector<StatusLine> lines;
  for (const alerts::AlertCheck& check : results.checks) {
    if (check.unjudged.empty()) {
      continue;
    }
    const std::string by = breakdown_text(check);
    lines.push_back(
        {StatusLine::Kind::Warning,
         fmt::format("alert \"{}\" on {}{}{} not judged: {}", check.alert->id,
                     library.kpis[check.kpi].name, by.empty() ? "" : " · ", by, check.unjudged)});
  }
  return lines;
}

}  // namespace kpi::report
