-- Workload W (tests/bench/README.md) in DuckDB: one statement, one scan of the export.
-- workload_w_duckdb.js replaces {{input}} and {{output}} by quoted paths.
--
-- Every column is read as text and the amount cast to DECIMAL(18,2), so the sums are exact
-- cents like the reference, and member numbers keep any leading zeros.
COPY (
  WITH pos AS (
    SELECT "单号" AS order_no,
           "交易时间" AS ts,
           "门店编码" AS store,
           nullif("会员卡号", '') AS member,
           "渠道" AS channel,
           CAST("实收金额" AS DECIMAL(18, 2)) AS amount
    FROM read_csv({{input}}, header = true, all_varchar = true)
  ),
  -- Every row counts for ALL and June 2025 rows once more for 2025-06; unnest keeps this to
  -- a single scan (a UNION ALL of two selects would read the file twice).
  tagged AS (
    SELECT unnest(CASE WHEN starts_with(ts, '2025-06') THEN ['ALL', '2025-06']
                       ELSE ['ALL'] END) AS period,
           order_no, store, member, channel, amount
    FROM pos
  ),
  -- One hash aggregation for both tables: a group per (period, store, member), which the
  -- store rows roll up, and a group per (period, channel). Materialised because it is read
  -- twice below.
  groups AS MATERIALIZED (
    SELECT period, store, member, channel,
           grouping(channel) = 1 AS is_store,
           sum(amount) AS sales,
           count(order_no) AS orders,
           count(*) AS n
    FROM tagged
    GROUP BY GROUPING SETS ((period, store, member), (period, channel))
  ),
  stores AS (
    SELECT period, store,
           sum(sales) AS sales,
           sum(orders) AS orders,
           count(member) AS members,  -- the walk-in group (member NULL) is not counted
           count(member) FILTER (WHERE n >= 2) AS repeaters
    FROM groups
    WHERE is_store
    GROUP BY period, store
  ),
  channels AS (
    SELECT period, channel, sales,
           sales / sum(sales) OVER (PARTITION BY period) AS share
    FROM groups
    WHERE NOT is_store
  )
  SELECT 'store' AS "table", period, store AS key, sales, orders,
         CAST(sales AS DOUBLE) / orders AS avg_ticket,
         members,
         CAST(repeaters AS DOUBLE) / members AS repeat_rate,
         NULL AS share
  FROM stores
  UNION ALL
  SELECT 'channel', period, channel, sales, NULL, NULL, NULL, NULL, CAST(share AS DOUBLE)
  FROM channels
) TO {{output}} (HEADER, DELIMITER ',');
