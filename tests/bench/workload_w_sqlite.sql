-- Workload W (tests/bench/README.md) in sqlite3, after
--   sqlite3 :memory: '.import --csv FILE pos' '.read tests/bench/workload_w_sqlite.sql'
-- .import takes the column names from the header row and stores every field as TEXT.
--
-- Amounts are summed as integer cents (round(x * 100) is exact for 2-decimal amounts) so the
-- sums are exact like the reference; an empty 会员卡号 is a walk-in, not a member.
.mode csv
.headers on
WITH tagged AS (
  -- every row counts for ALL, June 2025 rows once more for 2025-06
  SELECT periods.period,
         "单号" AS order_no,
         "门店编码" AS store,
         "会员卡号" AS member,
         "渠道" AS channel,
         CAST(round(CAST("实收金额" AS REAL) * 100) AS INTEGER) AS cents
  FROM pos
  JOIN (SELECT 'ALL' AS period UNION ALL SELECT '2025-06') AS periods
    ON periods.period = 'ALL' OR substr("交易时间", 1, 7) = '2025-06'
),
-- one group per (period, store, member): its rows count toward the repeat rate
per_member AS (
  SELECT period, store, member,
         sum(cents) AS cents,
         sum(order_no <> '') AS orders,
         count(*) AS n
  FROM tagged
  GROUP BY period, store, member
),
stores AS (
  SELECT period, store,
         sum(cents) AS cents,
         sum(orders) AS orders,
         sum(member <> '') AS members,
         sum(member <> '' AND n >= 2) AS repeaters
  FROM per_member
  GROUP BY period, store
),
channels AS (
  SELECT period, channel, sum(cents) AS cents
  FROM tagged
  GROUP BY period, channel
)
SELECT 'store' AS "table", period, store AS key,
       printf('%.2f', cents / 100.0) AS sales,
       orders,
       cents / 100.0 / orders AS avg_ticket,
       members,
       CAST(repeaters AS REAL) / members AS repeat_rate,
       NULL AS share
FROM stores
UNION ALL
SELECT 'channel', period, channel,
       printf('%.2f', cents / 100.0), NULL, NULL, NULL, NULL,
       CAST(cents AS REAL) / sum(cents) OVER (PARTITION BY period)
FROM channels;
