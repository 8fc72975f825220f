-- The KPIs of kpi.toml for 2025-06, by sqlite3 from the same files (kpi,by,value).
.mode csv
.import POS_FILE pos
.import CRM_FILE crm
.import ERP_FILE erp
.import STORES_FILE stores
.import MANUAL_FILE manual
CREATE TEMP VIEW p AS SELECT substr("交易时间", 1, 7) AS month, "门店编码" AS store,
  "会员卡号" AS member, CAST(ROUND(CAST("实收金额" AS REAL) * 100) AS INTEGER) AS cents FROM pos;
CREATE TEMP VIEW june_members AS SELECT member, COUNT(*) AS n FROM p
  WHERE month = '2025-06' AND member <> '' GROUP BY member;
CREATE TEMP VIEW may_members AS SELECT DISTINCT member FROM p WHERE month = '2025-05' AND member <> '';
.headers off
SELECT 'repeat_rate', '', SUM(n >= 2) * 1.0 / COUNT(*) FROM june_members;
SELECT 'new_members', '', COUNT(*) FROM (SELECT member, MIN(month) AS first FROM p
  WHERE member <> '' GROUP BY member) WHERE first = '2025-06';
SELECT 'churn_rate', '', (SELECT COUNT(*) FROM may_members WHERE member NOT IN
  (SELECT member FROM june_members)) * 1.0 / (SELECT COUNT(*) FROM may_members);
SELECT 'arrival_delay', '', AVG(julianday("到店日期") - julianday("预约日期")) FROM crm
  WHERE substr("预约日期", 1, 7) = '2025-06' AND "到店日期" <> '';
SELECT 'sales_per_m2', p.store, SUM(cents) / 100.0 / s."面积" FROM p JOIN stores s
  ON s."门店编码" = p.store WHERE month = '2025-06' GROUP BY p.store;
SELECT 'inventory_turnover', '', SUM(CAST("销售成本" AS REAL)) /
  ((SUM(CAST("期初库存金额" AS REAL)) + SUM(CAST("期末库存金额" AS REAL))) / 2)
  FROM erp WHERE "月份" = '2025-06';
SELECT 'mystery_shopper', '', AVG(CAST("数值" AS REAL)) FROM manual
  WHERE "月份" = '2025-06' AND "指标" = '神秘顾客得分';
