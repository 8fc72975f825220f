#!/bin/sh
# Last month's KPI report, run by cron on the 1st in the folder of the library, its plan and
# its exports. The report is written atomically (-o), so a failed run leaves no half file; a
# failure or a score under --fail-under is mailed with kpi's messages. Extra arguments go to
# kpi report (--fail-under 60, --data pos=...).
set -u
to=${KPI_MAIL_TO:-kpi-admins@example.com}
reports=${KPI_REPORTS:-reports}
month=$(date -d 'last month' +%Y-%m)  # GNU date, in the TZ that kpi's last-month uses
mkdir -p "$reports"
messages=$(kpi report --period last-month --format html -o "$reports/kpi-$month.html" -q "$@" 2>&1)
code=$?
case $code in
  0) ;;
  1) printf '%s\n' "$messages" | mail -s "KPI report: a scorecard under --fail-under" "$to" ;;
  *) printf '%s\n' "$messages" | mail -s "KPI report failed (exit $code)" "$to" ;;
esac
exit $code
