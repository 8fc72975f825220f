-- The KPIs of kpi.toml for one month, computed by sqlite3 from the same CSV files, in the
-- shape `kpi values --format csv` prints (kpi,by,value). Amounts are summed as integer cents.
-- Parameters are substituted by run_sqlite_check.sh: :MONTH, :PREV_MONTH, :LAST_YEAR_MONTH.
.mode csv
.import POS_FILE pos
.import CRM_FILE crm
CREATE TEMP VIEW p AS
  SELECT substr("交易时间", 1, 7) AS month, "渠道" AS channel,
         CAST(ROUND(CAST("实收金额" AS REAL) * 100) AS INTEGER) AS cents,
         CAST(ROUND(CAST("成本金额" AS REAL) * 100) AS INTEGER) AS cost_cents
  FROM pos;
.headers off
SELECT 'sales', '', SUM(cents) / 100.0 FROM p WHERE month = 'MONTH';
SELECT 'orders', '', COUNT(*) FROM p WHERE month = 'MONTH';
SELECT 'avg_ticket', '', SUM(cents) / 100.0 / COUNT(*) FROM p WHERE month = 'MONTH';
SELECT 'sales_mom', '', (SELECT SUM(cents) FROM p WHERE month = 'MONTH') * 1.0 /
       (SELECT SUM(cents) FROM p WHERE month = 'PREV_MONTH') - 1;
SELECT 'sales_yoy', '', (SELECT SUM(cents) FROM p WHERE month = 'MONTH') * 1.0 /
       (SELECT SUM(cents) FROM p WHERE month = 'LAST_YEAR_MONTH') - 1;
SELECT 'gross_margin', '', (SUM(cents) - SUM(cost_cents)) * 1.0 / SUM(cents) FROM p WHERE month = 'MONTH';
SELECT 'channel_share', channel,
       SUM(cents) * 1.0 / (SELECT SUM(cents) FROM p WHERE month = 'MONTH')
  FROM p WHERE month = 'MONTH' GROUP BY channel;
SELECT 'show_rate', '', SUM(CASE WHEN "到店日期" <> '' THEN 1 ELSE 0 END) * 1.0 / COUNT(*)
  FROM crm WHERE substr("预约日期", 1, 7) = 'MONTH';
