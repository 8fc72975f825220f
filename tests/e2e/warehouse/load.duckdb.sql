CREATE TABLE orders AS SELECT * FROM read_csv('orders.csv', header = true, columns = {
  'time': 'TIMESTAMP', '门店': 'VARCHAR', '渠道': 'VARCHAR', 'member': 'VARCHAR',
  '金额': 'DECIMAL(38, 6)', 'qty': 'DECIMAL(38, 6)', 'remark': 'VARCHAR', 'region': 'VARCHAR'});
CREATE TABLE stores AS SELECT * FROM read_csv('stores.csv', header = true,
  columns = {'门店': 'VARCHAR', 'region': 'VARCHAR'});
CREATE TABLE tickets AS SELECT * FROM read_csv('tickets.csv', header = true,
  columns = {'day': 'DATE', '门店': 'VARCHAR'});
