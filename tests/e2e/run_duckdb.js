#!/usr/bin/env node
// Runs SQL in an in-memory DuckDB through @duckdb/node-api (found through NODE_PATH), for the
// warehouse test: every statement of SQL_FILE in turn, then QUERY_FILE's query written to
// OUTPUT.csv with a header, as `duckdb -csv` would print it. Usage:
//   node run_duckdb.js SQL_FILE QUERY_FILE OUTPUT.csv
'use strict';
const fs = require('fs');
const duckdb = require('@duckdb/node-api');

function sqlString(text) {
  return `'${text.replace(/'/g, "''")}'`;
}

async function main(argv) {
  if (argv.length !== 3) {
    throw new Error('usage: run_duckdb.js SQL_FILE QUERY_FILE OUTPUT.csv');
  }
  const [sqlFile, queryFile, output] = argv;
  const instance = await duckdb.DuckDBInstance.create(':memory:', { threads: '1' });
  const connection = await instance.connect();
  await connection.run(fs.readFileSync(sqlFile, 'utf8'));
  const query = fs.readFileSync(queryFile, 'utf8').replace(/;\s*$/, '');
  await connection.run(`COPY (${query}) TO ${sqlString(output)} (FORMAT csv, HEADER true)`);
}

main(process.argv.slice(2)).catch((error) => {
  console.error(error.message || error);
  process.exit(1);
});
