CREATE TABLE orders (time TEXT, "门店" TEXT, "渠道" TEXT, member TEXT, "金额" NUMERIC, qty NUMERIC,
  remark TEXT, region TEXT);
CREATE TABLE stores ("门店" TEXT, region TEXT);
CREATE TABLE tickets (day TEXT, "门店" TEXT);
.import --csv --skip 1 orders.csv orders
.import --csv --skip 1 stores.csv stores
.import --csv --skip 1 tickets.csv tickets
UPDATE orders SET "门店" = NULLIF("门店", ''), "渠道" = NULLIF("渠道", ''),
  member = NULLIF(member, ''), "金额" = NULLIF("金额", ''), qty = NULLIF(qty, ''),
  remark = NULLIF(remark, ''), region = NULLIF(region, '');
UPDATE tickets SET "门店" = NULLIF("门店", '');
