-- The measures table of `kpi values --period 2025-06` for this library, by hand, for DuckDB and
-- PostgreSQL: the periods as a table joined on date ranges (June, and May for prev(sales)),
-- then per source its rows(SOURCE) and measures for the whole and per store.
WITH periods (period, first_day, next_day) AS (
  VALUES ('2025-06', DATE '2025-06-01', DATE '2025-07-01'),
         ('2025-05', DATE '2025-05-01', DATE '2025-06-01')
),
pos_in AS (
  SELECT p.period, r.* FROM pos r JOIN periods p ON r.time >= p.first_day AND r.time < p.next_day
),
pos_groups AS (
  SELECT period, '' AS breakdown_field, '' AS breakdown_value, COUNT(*) AS n,
         COALESCE(SUM(amount), 0) AS sales, AVG(amount) AS average_ticket,
         COUNT(DISTINCT member) AS members
  FROM pos_in GROUP BY period
  UNION ALL
  SELECT period, 'store', COALESCE(store, '(missing)'), COUNT(*), COALESCE(SUM(amount), 0),
         AVG(amount), COUNT(DISTINCT member)
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
SELECT 'rows(pos)' AS measure, period, breakdown_field, breakdown_value, CAST(n AS VARCHAR) AS value FROM pos_groups
UNION ALL SELECT 'sales', period, breakdown_field, breakdown_value, CAST(sales AS VARCHAR) FROM pos_groups
UNION ALL SELECT 'average_ticket', period, breakdown_field, breakdown_value, CAST(average_ticket AS VARCHAR) FROM pos_groups
UNION ALL SELECT 'members', period, breakdown_field, breakdown_value, CAST(members AS VARCHAR) FROM pos_groups
UNION ALL SELECT 'rows(complaints)', period, breakdown_field, breakdown_value, CAST(n AS VARCHAR) FROM complaints_groups
UNION ALL SELECT 'complaints', period, breakdown_field, breakdown_value, CAST(n AS VARCHAR) FROM complaints_groups;
