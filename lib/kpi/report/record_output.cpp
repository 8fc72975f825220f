// SPDX-License-Identifier: MIT
#include "kpi/report/record_output.hpp"

#include "kpi/report/escape.hpp"

namespace kpi::report {
namespace {

constexpr std::size_t kFlushBytes = 1 << 16;

void append_json_object(std::string& out, const std::vector<std::string>& names,
                        std::span<const std::string_view> fields) {
  out.push_back('{');
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) {
      out.push_back(',');
    }
    append_json_string(out, names[i]);
    out.push_back(':');
    append_json_string(out, fields[i]);
  }
  out.push_back('}');
}

template <typename Strings>
void append_csv_record(std::string& out, const Strings& fields) {
  bool first = true;
  for (std::string_view field : fields) {
    if (!first) {
      out.push_back(',');
    }
    first = false;
    append_csv_field(out, field);
  }
  out.push_back('\n');
}

}  // namespace

void write_records(csv::Reader& reader, RecordFormat format, std::optional<std::uint64_t> limit,
                   const TextSink& sink) {
  const std::vector<std::string>& names = reader.header().names;
  std::string out;
  if (format == RecordFormat::Csv) {
    append_csv_record(out, names);
  }
  if (format == RecordFormat::Json) {
    out.push_back('[');
  }
  std::uint64_t written = 0;
  csv::Record record;
  while ((!limit || written < *limit) && reader.next(record)) {
    if (format == RecordFormat::Csv) {
      append_csv_record(out, record.fields);
    } else {
      out += format == RecordFormat::Json ? (written == 0 ? "\n" : ",\n") : "";
      append_json_object(out, names, record.fields);
      out += format == RecordFormat::Jsonl ? "\n" : "";
    }
    ++written;
    if (out.size() >= kFlushBytes) {
      sink(out);
      out.clear();
    }
  }
  if (format == RecordFormat::Json) {
    out += written == 0 ? "]\n" : "\n]\n";
  }
  sink(out);
}

}  // namespace kpi::report
