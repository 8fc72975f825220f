CREATE TABLE pos AS SELECT * FROM read_csv('pos.csv', header = true, columns = {
  'time': 'TIMESTAMP', 'store': 'VARCHAR', 'member': 'VARCHAR', 'amount': 'DECIMAL(38, 6)'});
