-- The same for SQLite: dates are ISO texts, compared as text; money is summed in integer
-- millionths (SQLite's numbers are floating point) and written back as a plain decimal.
WITH periods (period, first_day, next_day) AS (
  VALUES ('2025-06', '2025-06-01', '2025-07-01'),
         ('2025-05', '2025-05-01', '2025-06-01')
),
pos_in AS (
  SELECT p.period, r.store, r.member, CAST(round(r.amount * 1000000) AS INTEGER) AS units
  FROM pos r JOIN periods p ON r.time >= p.first_day AND r.time < p.next_day
),
pos_groups AS (
  SELECT period, '' AS breakdown_field, '' AS breakdown_value, COUNT(*) AS n,
         COALESCE(SUM(units), 0) AS sales, AVG(units) / 1000000.0 AS average_ticket,
         COUNT(DISTINCT member) AS members
  FROM pos_in GROUP BY period
  UNION ALL
  SELECT period, 'store', COALESCE(store, '(missing)'), COUNT(*), COALESCE(SUM(units), 0),
         AVG(units) / 1000000.0, COUNT(DISTINCT member)
  FROM pos_in GROUP BY period, COALESCE(store, '(missing)')
),
complaints_in AS (
  SELECT p.period, r.* FROM complaints r JOIN periods p ON r.day >= p.first_day AND r.day < p.next_day
),
complaints_groups AS (
  SELECT period, '' AS breakdown_field, '' AS breakdown_value, COUNT(*) AS n
  FROM complaints_in GROUP BY period
  UNION ALL
  SELECT period, 'store', COALESCE(store, '(missing)'), COUNT(*)
  FROM complaints_in GROUP BY period, COALESCE(store, '(missing)')
)
SELECT 'rows(pos)' AS measure, period, breakdown_field, breakdown_value, n AS value FROM pos_groups
UNION ALL SELECT 'sales', period, breakdown_field, breakdown_value,
  printf('%s%d.%06d', CASE WHEN sales < 0 THEN '-' ELSE '' END, abs(sales) / 1000000, abs(sales) % 1000000)
  FROM pos_groups
UNION ALL SELECT 'average_ticket', period, breakdown_field, breakdown_value, average_ticket FROM pos_groups
UNION ALL SELECT 'members', period, breakdown_field, breakdown_value, members FROM pos_groups
UNION ALL SELECT 'rows(complaints)', period, breakdown_field, breakdown_value, n FROM complaints_groups
UNION ALL SELECT 'complaints', period, breakdown_field, breakdown_value, n FROM complaints_groups;
