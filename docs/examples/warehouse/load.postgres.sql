-- Loads kpi rows' output into PostgreSQL with the fields' types (run with psql where pos.csv and
-- complaints.csv were written by kpi rows). Money as numeric(38, 6): exact.
CREATE TABLE pos (time timestamp, store text, member text, amount numeric(38, 6));
CREATE TABLE complaints (day date, store text);
\copy pos FROM 'pos.csv' WITH (FORMAT csv, HEADER true)
\copy complaints FROM 'complaints.csv' WITH (FORMAT csv, HEADER true)
