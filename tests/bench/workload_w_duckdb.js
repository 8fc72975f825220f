#!/usr/bin/env node
// Runs workload W in an in-memory DuckDB through @duckdb/node-api (found through NODE_PATH;
// run_workload_bench.py installs it). Usage:
//   node workload_w_duckdb.js SQL_FILE INPUT.csv OUTPUT.csv THREADS
//   node workload_w_duckdb.js --version
'use strict';
const fs = require('fs');
const duckdb = require('@duckdb/node-api');

// A path as an SQL string literal: quotes doubled so any file name is safe.
function sqlString(text) {
  return `'${text.replace(/'/g, "''")}'`;
}

async function main(argv) {
  if (argv[0] === '--version') {
    const pkg = require('@duckdb/node-api/package.json');
    const bindings = `@duckdb/node-api ${pkg.version}, node ${process.versions.node}`;
    console.log(`DuckDB ${duckdb.version()} (${bindings})`);
    return;
  }
  if (argv.length !== 4) {
    throw new Error('usage: workload_w_duckdb.js SQL_FILE INPUT.csv OUTPUT.csv THREADS');
  }
  const [sqlFile, input, output, threads] = argv;
  const sql = fs.readFileSync(sqlFile, 'utf8')
    .replaceAll('{{input}}', sqlString(input))
    .replaceAll('{{output}}', sqlString(output));
  const instance = await duckdb.DuckDBInstance.create(':memory:', { threads: String(threads) });
  const connection = await instance.connect();
  await connection.run(sql);
}

main(process.argv.slice(2)).catch((error) => {
  console.error(error.message || error);
  process.exit(1);
});
