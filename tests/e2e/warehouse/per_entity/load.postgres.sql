CREATE TABLE pos (time timestamp, store text, member text, amount numeric(38, 6));
\copy pos FROM 'pos.csv' WITH (FORMAT csv, HEADER true)
