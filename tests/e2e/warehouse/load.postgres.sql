CREATE TABLE orders (time timestamp, "门店" text, "渠道" text, member text, "金额" numeric(38, 6),
  qty numeric(38, 6), remark text, region text);
CREATE TABLE stores ("门店" text, region text);
CREATE TABLE tickets (day date, "门店" text);
\copy orders FROM 'orders.csv' WITH (FORMAT csv, HEADER true)
\copy stores FROM 'stores.csv' WITH (FORMAT csv, HEADER true)
\copy tickets FROM 'tickets.csv' WITH (FORMAT csv, HEADER true)
