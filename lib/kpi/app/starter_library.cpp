// SPDX-License-Identifier: MIT
#include "kpi/app/starter_library.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <set>
#include <string_view>
#include <utility>

#include "kpi/app/starter_names.hpp"
#include "kpi/app/starter_roles.hpp"
#include "kpi/csv/dialect.hpp"
#include "kpi/report/escape.hpp"

namespace kpi::app {
namespace {

using csv::ColumnType;

// TOML's basic strings take JSON's escapes.
std::string toml_string(std::string_view text) {
  std::string out;
  append_json_string(out, text);
  return out;
}

std::string_view field_type(ColumnType type) {
  return type == ColumnType::Empty ? "text" : csv::type_name(type);
}

std::string_view delimiter_value(char delimiter) {
  switch (delimiter) {
    case '\t':
      return "tab";
    case ';':
      return ";";
    case '|':
      return "|";
    default:
      return ",";
  }
}

// A KPI the starter plan scores.
struct PlannedKpi {
  std::string name;
  bool percent = false;
};

// One export's source, its measures and KPIs.
class SourceWriter {
 public:
  SourceWriter(const StarterExport& source, std::string name, bool several)
      : export_(source),
        name_(std::move(name)),
        suffix_(several ? fmt::format("_{}", name_) : ""),
        name_suffix_(several ? fmt::format(" ({})", name_) : ""),
        roles_(recognise_roles(source.profile.columns)) {
    std::set<std::string> taken;
    for (std::size_t i = 0; i < source.profile.columns.size(); ++i) {
      fields_.push_back(unique_name(
          ascii_name(source.profile.columns[i].name, fmt::format("col_{}", i + 1)), taken));
    }
  }

  std::string source_text() const {
    const csv::FileProfile& profile = export_.profile;
    const csv::Dialect& dialect = profile.dialect;
    std::string text = fmt::format(
        "# {}: {}, {} delimited{}, {} records\n[sources.{}]\nfiles = {}\nencoding = {}\n"
        "delimiter = {}\n",
        export_.files, dialect.encoding.describe(), csv::delimiter_name(dialect.delimiter),
        dialect.decimal == ',' ? ", decimal comma" : "", profile.records, name_,
        toml_string(export_.files), toml_string(lower(dialect.encoding.name)),
        toml_string(delimiter_value(dialect.delimiter)));
    if (dialect.decimal == ',') {
      text += "decimal = \",\"\n";
    }
    if (roles_.time) {
      text += fmt::format("time = \"{}\"\n", fields_[*roles_.time]);
    }
    text += fmt::format("\n[sources.{}.fields]\n", name_);
    for (std::size_t i = 0; i < profile.columns.size(); ++i) {
      text += field_line(i);
    }
    return text;
  }

  std::string measures_text() const {
    std::string text;
    if (roles_.amount) {
      text += measure("sales", fmt::format("sum = \"{}\"", fields_[*roles_.amount]));
    }
    text += measure(orders_id(),
                    roles_.order ? fmt::format("count_distinct = \"{}\"", fields_[*roles_.order])
                                 : std::string("count = \"*\""));
    if (roles_.customer) {
      const std::string& customer = fields_[*roles_.customer];
      text += measure("customers", fmt::format("count_distinct = \"{}\"", customer));
      text += measure("repeat_customers",
                      fmt::format("count_distinct = \"{}\"\nper = \"{}\"\nhaving = \"{}\"",
                                  customer, customer, repeat_condition()));
    }
    return text;
  }

  std::string kpis_text(std::vector<PlannedKpi>& planned) const {
    std::string text;
    if (roles_.amount) {
      text += kpi("sales", "销售额", fmt::format("sales{}", suffix_), "money", planned);
    }
    text +=
        kpi(orders_id(), roles_.order ? "订单数" : "记录数", orders_id() + suffix_, "", planned);
    if (roles_.amount) {
      text +=
          kpi(roles_.order ? "avg_ticket" : "avg_per_row", roles_.order ? "客单价" : "每行平均金额",
              fmt::format("sales{} / {}{}", suffix_, orders_id(), suffix_), "money", planned);
    }
    if (roles_.customer) {
      text += kpi("customers", "客户数", fmt::format("customers{}", suffix_), "", planned);
      text += kpi("repeat_rate", "复购率",
                  fmt::format("repeat_customers{} / customers{}", suffix_, suffix_), "percent",
                  planned);
    }
    return text;
  }

  // What the columns did not support, as commented blocks to complete.
  std::string suggestions_text() const {
    std::string text;
    if (!roles_.amount) {
      text += fmt::format(
          "\n# No sales amount was recognised in {}'s columns. With one (a money field, or an\n"
          "# expression such as \"qty * price\"), the sales and the average ticket would be:\n"
          "# [measures.sales{}]\n# source = \"{}\"\n# sum = \"FIELD\"\n#\n"
          "# [kpis.sales{}]\n# name = \"销售额{}\"\n# formula = \"sales{}\"\n# unit = \"money\"\n"
          "#\n# [kpis.avg_ticket{}]\n# name = \"客单价{}\"\n# formula = \"sales{} / {}{}\"\n"
          "# unit = \"money\"\n",
          export_.files, suffix_, name_, suffix_, name_suffix_, suffix_, suffix_, name_suffix_,
          suffix_, orders_id(), suffix_);
    }
    if (!roles_.customer) {
      text += fmt::format(
          "\n# No customer or member column was recognised in {}'s columns. With one, the\n"
          "# distinct customers and the repeat rate would be:\n"
          "# [measures.customers{}]\n# source = \"{}\"\n# count_distinct = \"FIELD\"\n#\n"
          "# [measures.repeat_customers{}]\n# source = \"{}\"\n# count_distinct = \"FIELD\"\n"
          "# per = \"FIELD\"\n# having = \"{}\"\n#\n"
          "# [kpis.repeat_rate{}]\n# name = \"复购率{}\"\n"
          "# formula = \"repeat_customers{} / customers{}\"\n# unit = \"percent\"\n",
          export_.files, suffix_, name_, suffix_, name_, repeat_condition(), suffix_, name_suffix_,
          suffix_, suffix_);
    }
    return text;
  }

 private:
  static std::string lower(std::string text) {
    for (char& c : text) {
      c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return text;
  }

  std::string orders_id() const { return roles_.order ? "orders" : "row_count"; }

  // A customer who came back: with order numbers, two distinct orders (two lines of one order
  // are not a second visit); without them, two rows.
  std::string repeat_condition() const {
    return roles_.order ? fmt::format("count_distinct({}) >= 2", fields_[*roles_.order])
                        : std::string("rows >= 2");
  }

  std::string field_line(std::size_t i) const {
    const csv::ColumnProfile& column = export_.profile.columns[i];
    // Order numbers and customers are keys, counted and matched, never added up.
    const bool key = i == roles_.order || i == roles_.customer;
    std::string line = fmt::format("{} = {{ column = {}", fields_[i], toml_string(column.name));
    if (!key && column.type != ColumnType::Text && column.type != ColumnType::Empty) {
      line += fmt::format(", type = \"{}\"", field_type(column.type));
    }
    if (!key && !column.date_format.empty()) {
      line += fmt::format(", format = {}", toml_string(column.date_format));
    }
    if (!key && column.unclear_decimal) {
      line += ", decimal = \".\"";
    }
    line += " }";
    if (!key && !column.other_date_format.empty()) {
      line += fmt::format("  # every date also reads as {}: check which", column.other_date_format);
    } else if (!key && column.unclear_decimal) {
      line += "  # \"1,250\" is read as 1250; decimal = \",\" reads it as 1.25";
    } else if (column.type == ColumnType::Empty) {
      line += "  # empty in this export";
    }
    return line + "\n";
  }

  std::string measure(const std::string& id, const std::string& body) const {
    return fmt::format("\n[measures.{}{}]\nsource = \"{}\"\n{}\n", id, suffix_, name_, body);
  }

  std::string kpi(const std::string& id, std::string_view name, const std::string& formula,
                  std::string_view unit, std::vector<PlannedKpi>& planned) const {
    const std::string full_name = fmt::format("{}{}", name, name_suffix_);
    planned.push_back({full_name, unit == "percent"});
    std::string text = fmt::format("\n[kpis.{}{}]\nname = {}\nformula = \"{}\"\n", id, suffix_,
                                   toml_string(full_name), formula);
    if (!unit.empty()) {
      text += fmt::format("unit = \"{}\"\n", unit);
    }
    return text;
  }

  const StarterExport& export_;
  std::string name_, suffix_, name_suffix_;
  ColumnRoles roles_;
  std::vector<std::string> fields_;
};

// Equal weights in whole percents that add up to 100, the remainder on the first KPIs.
std::string plan_text(const std::vector<PlannedKpi>& planned) {
  std::string text = "部门/岗位,KPI,目标值,权重,考核周期\n";
  const std::size_t count = planned.size();
  for (std::size_t i = 0; i < count; ++i) {
    const std::size_t weight = 100 / count + (i < 100 % count ? 1 : 0);
    text += "团队,";
    append_csv_field(text, planned[i].name);
    text += fmt::format(",{},{}%,每月\n", planned[i].percent ? "1%" : "1", weight);
  }
  return text;
}

}  // namespace

StarterFiles starter_files(const std::vector<StarterExport>& exports) {
  std::vector<SourceWriter> writers;
  std::set<std::string> taken;
  for (const StarterExport& source : exports) {
    const std::string stem = std::filesystem::path(source.files).stem().string();
    writers.emplace_back(source, unique_name(ascii_name(stem, "export"), taken),
                         exports.size() > 1);
  }
  std::string library =
      "# A KPI library written by `kpi init --from` from what `kpi inspect` detected in the\n"
      "# exports: check the fields' types and the KPIs' columns, rename at will, then\n"
      "#   kpi check                  the library, plan.csv and the exports' columns\n"
      "#   kpi values --period all    every KPI over all the rows\n"
      "# plan.csv scores the KPIs with placeholder targets (1): write yours before kpi report.\n";
  for (const SourceWriter& writer : writers) {
    library += "\n";
    library += writer.source_text();
  }
  std::vector<PlannedKpi> planned;
  for (const SourceWriter& writer : writers) {
    library += writer.measures_text();
  }
  for (const SourceWriter& writer : writers) {
    library += writer.kpis_text(planned);
  }
  for (const SourceWriter& writer : writers) {
    library += writer.suggestions_text();
  }
  return {library, plan_text(planned)};
}

}  // namespace kpi::app
