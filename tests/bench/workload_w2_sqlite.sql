-- Workload W2 (tests/bench/workload_w2.toml, tests/bench/README.md) in sqlite3, after
--   sqlite3 :memory: '.import --csv POS.csv pos' '.import --csv CRM.csv crm' \
--     '.import --csv STORES.csv stores' '.read tests/bench/workload_w2_sqlite.sql'
-- .import takes the column names from the header row and stores every field as TEXT.
-- The answer is kpi's long table: kpi,period,by,value (empty for no value).
--
-- Amounts are summed as integer cents (round(x * 100) is exact for 2-decimal amounts), so the
-- sums are exact; an empty cell is no value. A row counts in up to three "slots": a period of
-- the run (shift 0) or the period before one of them (shift 1), which only 环比 reads.
.mode csv
.headers on
WITH slots(slot, period, shift, first_month, last_month) AS (
  VALUES (0, '2025-06', 0, '2025-06', '2025-06'), (1, '2025-06', 1, '2025-05', '2025-05'),
         (2, '2025-Q2', 0, '2025-04', '2025-06'), (3, '2025-Q2', 1, '2025-01', '2025-03'),
         (4, '2025', 0, '2025-01', '2025-12'), (5, '2025', 1, '2024-01', '2024-12')
),
pos_slots AS (
  SELECT slots.slot, slots.shift,
         nullif("单号", '') AS order_no,
         coalesce(nullif("门店编码", ''), '(missing)') AS store,
         coalesce(nullif("顾问工号", ''), '(missing)') AS consultant,
         nullif("会员卡号", '') AS member,
         nullif("项目类别", '') AS category,
         nullif("支付方式", '') AS payment,
         CAST(round(CAST(nullif("实收金额", '') AS REAL) * 100) AS INTEGER) AS paid,
         CAST(round(CAST(nullif("成本金额", '') AS REAL) * 100) AS INTEGER) AS cost
  FROM pos
  JOIN slots ON substr("交易时间", 1, 7) BETWEEN slots.first_month AND slots.last_month
),
pos_rows AS (
  SELECT *,
         category IN ('皮肤管理', '注射美容', '光电项目', '身体护理', '套餐卡项')
           AND NOT substr(order_no, 1, 2) = 'TK' AS service,
         category <> '产品零售' AND NOT substr(order_no, 1, 2) = 'TK' AS served
  FROM pos_slots
),
consultants AS (
  SELECT slot, consultant,
         coalesce(sum(CASE WHEN service THEN paid END), 0) AS service_sales,
         coalesce(sum(CASE WHEN service THEN cost END), 0) AS service_cost,
         count(DISTINCT CASE WHEN served AND shift = 0 THEN member END) AS customers
  FROM pos_rows
  GROUP BY slot, consultant
),
pos_stores AS (
  SELECT slot, store,
         coalesce(sum(paid), 0) AS sales,
         coalesce(sum(CASE WHEN category = '产品零售' THEN paid END), 0) AS retail_sales,
         count(order_no) AS orders,
         count(CASE WHEN instr(payment, '微信') > 0 THEN order_no END) AS wechat_orders
  FROM pos_rows
  WHERE shift = 0
  GROUP BY slot, store
),
-- The lookup: each store's city, joined after the aggregation (a store has one city).
cities AS (
  SELECT slot, coalesce(stores."城市", '(missing)') AS city,
         sum(sales) AS sales, sum(retail_sales) AS retail_sales
  FROM pos_stores LEFT JOIN stores ON stores."门店编码" = pos_stores.store
  GROUP BY 1, 2
),
whole AS (
  SELECT slot, sum(sales) AS sales, sum(orders) AS orders, sum(wechat_orders) AS wechat_orders
  FROM pos_stores
  GROUP BY slot
),
crm_stores AS (
  SELECT slots.slot,
         coalesce(nullif("门店编码", ''), '(missing)') AS store,
         count(nullif("预约单号", '')) AS bookings,
         count(CASE WHEN "到店日期" <> '' THEN nullif("预约单号", '') END) AS arrivals,
         count(CASE WHEN "到店日期" <> '' AND "是否新客" = '是' THEN nullif("预约单号", '') END)
           AS new_arrivals,
         avg(CAST(nullif("满意度评分", '') AS REAL)) AS avg_rating
  FROM crm
  JOIN slots ON slots.shift = 0
            AND substr("预约日期", 1, 7) BETWEEN slots.first_month AND slots.last_month
  GROUP BY 1, 2
),
answers(kpi, slot, "by", value) AS (
  SELECT 'consultant_sales', slot, consultant, printf('%.2f', service_sales / 100.0)
  FROM consultants WHERE slot % 2 = 0
  UNION ALL
  SELECT 'consultant_sales_mom', c.slot, c.consultant,
         CAST(c.service_sales AS REAL) / nullif(p.service_sales, 0) - 1
  FROM consultants c LEFT JOIN consultants p ON p.slot = c.slot + 1 AND p.consultant = c.consultant
  WHERE c.slot % 2 = 0
  UNION ALL
  SELECT 'consultant_margin', slot, consultant,
         CAST(service_sales - service_cost AS REAL) / nullif(service_sales, 0)
  FROM consultants WHERE slot % 2 = 0
  UNION ALL
  SELECT 'consultant_customers', slot, consultant, customers FROM consultants WHERE slot % 2 = 0
  UNION ALL
  SELECT 'city_sales', slot, city, printf('%.2f', sales / 100.0) FROM cities
  UNION ALL
  SELECT 'city_share', slot, city,
         CAST(sales AS REAL) / nullif(sum(sales) OVER (PARTITION BY slot), 0)
  FROM cities
  UNION ALL
  SELECT 'city_retail_share', slot, city, CAST(retail_sales AS REAL) / nullif(sales, 0)
  FROM cities
  UNION ALL
  SELECT 'arrival_rate', slot, store, CAST(arrivals AS REAL) / nullif(bookings, 0) FROM crm_stores
  UNION ALL
  SELECT 'new_arrivals', slot, store, new_arrivals FROM crm_stores
  UNION ALL
  SELECT 'avg_rating', slot, store, avg_rating FROM crm_stores
  UNION ALL
  -- sales per arrival reads both exports: a store of either has a row
  SELECT 'sales_per_arrival', slot, store, sales / 100.0 / nullif(arrivals, 0)
  FROM pos_stores p FULL JOIN crm_stores c USING (slot, store)
  UNION ALL
  SELECT 'wechat_share', slot, '', CAST(wechat_orders AS REAL) / nullif(orders, 0) FROM whole
)
SELECT kpi, period, "by", value
FROM answers JOIN slots USING (slot);
