-- Workload W2 (tests/bench/workload_w2.toml, tests/bench/README.md) in DuckDB the way the shared
-- baseline's w_duckdb.js runs W: each export loaded into a temporary table of the columns W2
-- needs, types auto-detected (交易时间 TIMESTAMP, 会员卡号 BIGINT, 实收金额 DOUBLE, 预约日期 DATE,
-- 满意度评分 BIGINT), then a plain query: a UNION ALL per period, the city looked up per row.
-- Run by
--   node workload_w_duckdb.js workload_w2_duckdb_baseline.sql POS.csv OUT.csv THREADS \
--     crm=CRM.csv stores=STORES.csv
-- The answer is kpi's long table: kpi,period,by,value (empty for no value).
CREATE TEMP TABLE pos AS
SELECT "单号" AS order_no, "交易时间" AS ts, "门店编码" AS store, "顾问工号" AS consultant,
       "会员卡号" AS member, "项目类别" AS category, "支付方式" AS payment,
       "实收金额" AS paid, "成本金额" AS cost
FROM read_csv({{input}}, header = true);

CREATE TEMP TABLE crm AS
SELECT "预约单号" AS booking, "预约日期" AS booked, "到店日期" AS arrived, "门店编码" AS store,
       "是否新客" AS new_customer, "满意度评分" AS rating
FROM read_csv({{crm}}, header = true);

CREATE TEMP TABLE stores AS
SELECT "门店编码" AS store, "城市" AS city
FROM read_csv({{stores}}, header = true);

COPY (
  WITH cur AS (
    SELECT '2025-06' AS period, * FROM pos WHERE ts >= DATE '2025-06-01' AND ts < DATE '2025-07-01'
    UNION ALL
    SELECT '2025-Q2', * FROM pos WHERE ts >= DATE '2025-04-01' AND ts < DATE '2025-07-01'
    UNION ALL
    SELECT '2025', * FROM pos WHERE ts >= DATE '2025-01-01' AND ts < DATE '2026-01-01'
  ),
  prev AS (
    SELECT '2025-06' AS period, * FROM pos WHERE ts >= DATE '2025-05-01' AND ts < DATE '2025-06-01'
    UNION ALL
    SELECT '2025-Q2', * FROM pos WHERE ts >= DATE '2025-01-01' AND ts < DATE '2025-04-01'
    UNION ALL
    SELECT '2025', * FROM pos WHERE ts >= DATE '2024-01-01' AND ts < DATE '2025-01-01'
  ),
  crm_cur AS (
    SELECT '2025-06' AS period, * FROM crm
    WHERE booked >= DATE '2025-06-01' AND booked < DATE '2025-07-01'
    UNION ALL
    SELECT '2025-Q2', * FROM crm WHERE booked >= DATE '2025-04-01' AND booked < DATE '2025-07-01'
    UNION ALL
    SELECT '2025', * FROM crm WHERE booked >= DATE '2025-01-01' AND booked < DATE '2026-01-01'
  ),
  consultants AS (
    SELECT period, consultant,
           coalesce(sum(paid) FILTER (WHERE category IN ('皮肤管理', '注射美容', '光电项目', '身体护理', '套餐卡项')
                                        AND NOT starts_with(order_no, 'TK')), 0) AS service_sales,
           coalesce(sum(cost) FILTER (WHERE category IN ('皮肤管理', '注射美容', '光电项目', '身体护理', '套餐卡项')
                                        AND NOT starts_with(order_no, 'TK')), 0) AS service_cost,
           count(DISTINCT member) FILTER (WHERE category <> '产品零售'
                                            AND NOT starts_with(order_no, 'TK')) AS customers
    FROM cur
    GROUP BY period, consultant
  ),
  prev_consultants AS (
    SELECT period, consultant,
           coalesce(sum(paid) FILTER (WHERE category IN ('皮肤管理', '注射美容', '光电项目', '身体护理', '套餐卡项')
                                        AND NOT starts_with(order_no, 'TK')), 0) AS service_sales
    FROM prev
    GROUP BY period, consultant
  ),
  cities AS (
    SELECT period, coalesce(stores.city, '(missing)') AS city,
           coalesce(sum(paid), 0) AS sales,
           coalesce(sum(paid) FILTER (WHERE category = '产品零售'), 0) AS retail_sales
    FROM cur LEFT JOIN stores USING (store)
    GROUP BY ALL
  ),
  pos_stores AS (
    SELECT period, store, coalesce(sum(paid), 0) AS sales FROM cur GROUP BY period, store
  ),
  whole AS (
    SELECT period, count(order_no) AS orders,
           count(order_no) FILTER (WHERE contains(payment, '微信')) AS wechat_orders
    FROM cur GROUP BY period
  ),
  crm_stores AS (
    SELECT period, store,
           count(booking) AS bookings,
           count(booking) FILTER (WHERE arrived IS NOT NULL) AS arrivals,
           count(booking) FILTER (WHERE arrived IS NOT NULL AND new_customer = '是')
             AS new_arrivals,
           avg(rating) AS avg_rating
    FROM crm_cur GROUP BY period, store
  )
  SELECT 'consultant_sales' AS kpi, period, consultant AS "by", round(service_sales, 2) AS value
  FROM consultants
  UNION ALL
  SELECT 'consultant_sales_mom', c.period, c.consultant,
         c.service_sales / nullif(p.service_sales, 0) - 1
  FROM consultants c LEFT JOIN prev_consultants p USING (period, consultant)
  UNION ALL
  SELECT 'consultant_margin', period, consultant,
         (service_sales - service_cost) / nullif(service_sales, 0)
  FROM consultants
  UNION ALL
  SELECT 'consultant_customers', period, consultant, customers FROM consultants
  UNION ALL
  SELECT 'city_sales', period, city, round(sales, 2) FROM cities
  UNION ALL
  SELECT 'city_share', period, city, sales / nullif(sum(sales) OVER (PARTITION BY period), 0)
  FROM cities
  UNION ALL
  SELECT 'city_retail_share', period, city, retail_sales / nullif(sales, 0) FROM cities
  UNION ALL
  SELECT 'arrival_rate', period, store, arrivals / nullif(bookings, 0) FROM crm_stores
  UNION ALL
  SELECT 'new_arrivals', period, store, new_arrivals FROM crm_stores
  UNION ALL
  SELECT 'avg_rating', period, store, avg_rating FROM crm_stores
  UNION ALL
  SELECT 'sales_per_arrival', period, store, p.sales / nullif(c.arrivals, 0)
  FROM pos_stores p FULL JOIN crm_stores c USING (period, store)
  UNION ALL
  SELECT 'wechat_share', period, '', wechat_orders / nullif(orders, 0) FROM whole
) TO {{output}} (HEADER, DELIMITER ',');
