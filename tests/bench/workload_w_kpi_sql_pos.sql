-- The POS export as the table `pos` that `kpi sql tests/bench/workload_w.toml --dialect duckdb`
-- reads (workload_w_kpi_sql.sh): a column per field of workload_w.toml, named as the field and
-- typed, over the same read_csv as the hand-written workload_w_duckdb.sql (text columns, money
-- exact). A view, not a table: each grouped subquery of kpi sql's query reads the file.
-- workload_w_duckdb.js replaces {{input}} by the export's quoted path.
CREATE TEMP VIEW pos AS
SELECT nullif("单号", '') AS "order",
       CAST("交易时间" AS TIMESTAMP) AS "time",
       nullif("门店编码", '') AS store,
       nullif("会员卡号", '') AS member,
       nullif("渠道", '') AS channel,
       CAST(nullif("实收金额", '') AS DECIMAL(38, 6)) AS amount
FROM read_csv({{input}}, header = true, all_varchar = true);
