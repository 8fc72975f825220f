-- Workload W2 (tests/bench/workload_w2.toml, tests/bench/README.md) in DuckDB: one statement,
-- one scan of each export. Run by
--   node workload_w_duckdb.js workload_w2_duckdb.sql POS.csv OUT.csv THREADS \
--     crm=CRM.csv stores=STORES.csv
-- which replaces {{input}} (the POS export), {{crm}}, {{stores}} and {{output}} by quoted paths.
-- The answer is kpi's long table: kpi,period,by,value (empty for no value).
--
-- Every column is read as text and amounts cast to DECIMAL(18,2), so sums are exact cents. A
-- row counts in up to three "slots": a period of the run (2025-06, 2025-Q2, 2025; even slots)
-- or the period before one of them (odd slots), which only 环比 reads.
COPY (
  WITH slots(slot, period, shift) AS (
    VALUES (0, '2025-06', 0), (1, '2025-06', 1), (2, '2025-Q2', 0), (3, '2025-Q2', 1),
           (4, '2025', 0), (5, '2025', 1)
  ),
  stores AS (
    SELECT "门店编码" AS store, "城市" AS city
    FROM read_csv({{stores}}, header = true, all_varchar = true)
  ),
  pos AS (
    SELECT nullif("单号", '') AS order_no,
           substr("交易时间", 1, 7) AS month,
           coalesce(nullif("门店编码", ''), '(missing)') AS store,
           coalesce(nullif("顾问工号", ''), '(missing)') AS consultant,
           nullif("会员卡号", '') AS member,
           nullif("项目类别", '') AS category,
           nullif("支付方式", '') AS payment,
           CAST(nullif("实收金额", '') AS DECIMAL(18, 2)) AS paid,
           CAST(nullif("成本金额", '') AS DECIMAL(18, 2)) AS cost
    FROM read_csv({{input}}, header = true, all_varchar = true)
  ),
  -- unnest keeps this to a single scan (a UNION ALL per period would read the file again).
  pos_slots AS (
    SELECT unnest(
             CASE WHEN month = '2025-06' THEN [0] WHEN month = '2025-05' THEN [1] ELSE [] END ||
             CASE WHEN month BETWEEN '2025-04' AND '2025-06' THEN [2]
                  WHEN month BETWEEN '2025-01' AND '2025-03' THEN [3] ELSE [] END ||
             CASE WHEN month BETWEEN '2025-01' AND '2025-12' THEN [4]
                  WHEN month BETWEEN '2024-01' AND '2024-12' THEN [5] ELSE [] END) AS slot,
           *,
           category IN ('皮肤管理', '注射美容', '光电项目', '身体护理', '套餐卡项')
             AND NOT starts_with(order_no, 'TK') AS service
    FROM pos
  ),
  -- One hash aggregation for both: a group per (slot, consultant, served member), which the
  -- consultant rows roll up (a served member's group is one distinct customer), and a group
  -- per (slot, store), which the city, store and whole rows roll up.
  pos_groups AS MATERIALIZED (
    SELECT slot, consultant, served, store,
           grouping(store) = 1 AS by_consultant,
           sum(paid) FILTER (WHERE service) AS service_sales,
           sum(cost) FILTER (WHERE service) AS service_cost,
           sum(paid) AS sales,
           sum(paid) FILTER (WHERE category = '产品零售') AS retail_sales,
           count(order_no) AS orders,
           count(order_no) FILTER (WHERE contains(payment, '微信')) AS wechat_orders
    FROM (SELECT *,
                 CASE WHEN slot % 2 = 0 AND category <> '产品零售'
                           AND NOT starts_with(order_no, 'TK') THEN member END AS served
          FROM pos_slots)
    GROUP BY GROUPING SETS ((slot, consultant, served), (slot, store))
  ),
  consultants AS (
    SELECT slot, consultant,
           coalesce(sum(service_sales), 0) AS service_sales,
           coalesce(sum(service_cost), 0) AS service_cost,
           count(served) AS customers
    FROM pos_groups
    WHERE by_consultant
    GROUP BY slot, consultant
  ),
  pos_stores AS (
    SELECT slot, store, coalesce(sales, 0) AS sales, coalesce(retail_sales, 0) AS retail_sales,
           orders, wechat_orders
    FROM pos_groups
    WHERE NOT by_consultant AND slot % 2 = 0
  ),
  -- The lookup: each store's city (40 stores, so after the aggregation rather than per row).
  cities AS (
    SELECT slot, coalesce(stores.city, '(missing)') AS city,
           sum(sales) AS sales, sum(retail_sales) AS retail_sales
    FROM pos_stores LEFT JOIN stores USING (store)
    GROUP BY ALL
  ),
  whole AS (
    SELECT slot, sum(sales) AS sales, sum(orders) AS orders, sum(wechat_orders) AS wechat_orders
    FROM pos_stores
    GROUP BY slot
  ),
  crm_stores AS (
    SELECT slot, store,
           count(booking) AS bookings,
           count(booking) FILTER (WHERE arrived IS NOT NULL) AS arrivals,
           count(booking) FILTER (WHERE arrived IS NOT NULL AND new_customer = '是')
             AS new_arrivals,
           avg(rating) AS avg_rating
    FROM (
      SELECT unnest(
               CASE WHEN month = '2025-06' THEN [0] ELSE [] END ||
               CASE WHEN month BETWEEN '2025-04' AND '2025-06' THEN [2] ELSE [] END ||
               CASE WHEN month BETWEEN '2025-01' AND '2025-12' THEN [4] ELSE [] END) AS slot,
             *
      FROM (SELECT nullif("预约单号", '') AS booking,
                   substr("预约日期", 1, 7) AS month,
                   nullif("到店日期", '') AS arrived,
                   coalesce(nullif("门店编码", ''), '(missing)') AS store,
                   nullif("是否新客", '') AS new_customer,
                   CAST(nullif("满意度评分", '') AS DOUBLE) AS rating
            FROM read_csv({{crm}}, header = true, all_varchar = true)))
    GROUP BY slot, store
  ),
  answers(kpi, slot, "by", value) AS (
    SELECT 'consultant_sales', slot, consultant, CAST(service_sales AS VARCHAR)
    FROM consultants WHERE slot % 2 = 0
    UNION ALL
    SELECT 'consultant_sales_mom', c.slot, c.consultant,
           CAST(CAST(c.service_sales AS DOUBLE) / nullif(p.service_sales, 0) - 1 AS VARCHAR)
    FROM consultants c
    LEFT JOIN consultants p ON p.slot = c.slot + 1 AND p.consultant = c.consultant
    WHERE c.slot % 2 = 0
    UNION ALL
    SELECT 'consultant_margin', slot, consultant,
           CAST(CAST(service_sales - service_cost AS DOUBLE) / nullif(service_sales, 0) AS VARCHAR)
    FROM consultants WHERE slot % 2 = 0
    UNION ALL
    SELECT 'consultant_customers', slot, consultant, CAST(customers AS VARCHAR)
    FROM consultants WHERE slot % 2 = 0
    UNION ALL
    SELECT 'city_sales', slot, city, CAST(sales AS VARCHAR) FROM cities
    UNION ALL
    SELECT 'city_share', slot, city,
           CAST(CAST(sales AS DOUBLE) / nullif(sum(sales) OVER (PARTITION BY slot), 0) AS VARCHAR)
    FROM cities
    UNION ALL
    SELECT 'city_retail_share', slot, city,
           CAST(CAST(retail_sales AS DOUBLE) / nullif(sales, 0) AS VARCHAR)
    FROM cities
    UNION ALL
    SELECT 'arrival_rate', slot, store, CAST(arrivals / nullif(bookings, 0) AS VARCHAR)
    FROM crm_stores
    UNION ALL
    SELECT 'new_arrivals', slot, store, CAST(new_arrivals AS VARCHAR) FROM crm_stores
    UNION ALL
    SELECT 'avg_rating', slot, store, CAST(avg_rating AS VARCHAR) FROM crm_stores
    UNION ALL
    -- sales per arrival reads both exports: a store of either has a row
    SELECT 'sales_per_arrival', slot, store,
           CAST(CAST(p.sales AS DOUBLE) / nullif(c.arrivals, 0) AS VARCHAR)
    FROM pos_stores p FULL JOIN crm_stores c USING (slot, store)
    UNION ALL
    SELECT 'wechat_share', slot, '', CAST(wechat_orders / nullif(orders, 0) AS VARCHAR)
    FROM whole
  )
  SELECT kpi, period, "by", value
  FROM answers JOIN slots USING (slot)
) TO {{output}} (HEADER, DELIMITER ',');
