-- Loads kpi rows' output into DuckDB with the fields' types (run where pos.csv and
-- complaints.csv were written by `kpi rows pos -o pos.csv` and `kpi rows complaints -o
-- complaints.csv`). Money as DECIMAL(38, 6): exact, as kpi adds it up.
CREATE TABLE pos AS SELECT * FROM read_csv('pos.csv', header = true,
  columns = {'time': 'TIMESTAMP', 'store': 'VARCHAR', 'member': 'VARCHAR', 'amount': 'DECIMAL(38, 6)'});
CREATE TABLE complaints AS SELECT * FROM read_csv('complaints.csv', header = true,
  columns = {'day': 'DATE', 'store': 'VARCHAR'});
