CREATE TABLE pos (time TEXT, store TEXT, member TEXT, amount NUMERIC);
.import --csv --skip 1 pos.csv pos
UPDATE pos SET store = NULLIF(store, ''), member = NULLIF(member, ''), amount = NULLIF(amount, '');
