-- Loads kpi rows' output into SQLite (sqlite3 db.sqlite < load.sqlite.sql, where kpi rows wrote
-- pos.csv and complaints.csv). .import reads an empty cell as '': set to NULL, as missing.
CREATE TABLE pos (time TEXT, store TEXT, member TEXT, amount NUMERIC);
CREATE TABLE complaints (day TEXT, store TEXT);
.import --csv --skip 1 pos.csv pos
.import --csv --skip 1 complaints.csv complaints
UPDATE pos SET time = NULLIF(time, ''), store = NULLIF(store, ''), member = NULLIF(member, ''),
  amount = NULLIF(amount, '');
UPDATE complaints SET day = NULLIF(day, ''), store = NULLIF(store, '');
