# shellcheck shell=bash
# Sourced by the tests that read a report back from a measures table (measures_round_trip.sh,
# warehouse_engines.sh): the JSON `kpi report --measures TABLE` must write, to the byte.
#
#   expected_measures_report NATIVE.json TABLE ALERT_SOURCES
#
# NATIVE.json is `kpi report --format json` from the exports, TABLE the measures table as given
# to --measures, ALERT_SOURCES the sources the library's [alerts] read, in the order the native
# report lists them ("" for none). The report
# is the native one up to "data_problems"; then, since kpi read no export, no data problem and
# as inputs the table, whose every record was read ("source":null: it is no source's export),
# followed by the files of the alerts' sources as the native report lists them (the alerts
# are checked from the exports, even with --measures).
expected_measures_report() {
  local native=$1 table=$2 alert_sources=$3
  local records
  records=$(($(wc -l <"$table") - 1))
  sed '/^  "data_problems":\[/,$d' "$native"
  printf '  "data_problems":[],\n  "inputs":[\n'
  printf '    {"source":null,"file":"%s","rows_read":%d,"rows_skipped":0,"rows_without_time":0}' \
    "$table" "$records"
  local source line
  for source in $alert_sources; do
    while IFS= read -r line; do
      printf ',\n%s' "${line%,}"
    done < <(sed -n '/^  "inputs":\[/,$p' "$native" | grep -F "    {\"source\":\"$source\",")
  done
  printf '\n  ]\n}\n'
}
