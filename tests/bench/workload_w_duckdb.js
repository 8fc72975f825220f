#!/usr/bin/env node
// Runs a workload's SQL (W, or W2 with its three files) in an in-memory DuckDB through
// @duckdb/node-api (found through NODE_PATH; run_workload_bench.py installs it). Usage:
//   node workload_w_duckdb.js SQL_FILE INPUT.csv OUTPUT.csv THREADS [NAME=PATH]...
//   node workload_w_duckdb.js --version
// The SQL's {{input}} and {{output}} become INPUT.csv and OUTPUT.csv, and each {{NAME}} its
// PATH (W2: pos=, crm=, stores=), all as quoted SQL strings.
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
  if (argv.length < 4) {
    throw new Error(
      'usage: workload_w_duckdb.js SQL_FILE INPUT.csv OUTPUT.csv THREADS [NAME=PATH]...');
  }
  const [sqlFile, input, output, threads, ...named] = argv;
  let sql = fs.readFileSync(sqlFile, 'utf8')
    .replaceAll('{{input}}', sqlString(input))
    .replaceAll('{{output}}', sqlString(output));
  for (const pair of named) {
    const at = pair.indexOf('=');
    if (at <= 0) {
      throw new Error(`expected NAME=PATH, got ${pair}`);
    }
    sql = sql.replaceAll(`{{${pair.slice(0, at)}}}`, sqlString(pair.slice(at + 1)));
  }
  const instance = await duckdb.DuckDBInstance.create(':memory:', { threads: String(threads) });
  const connection = await instance.connect();
  await connection.run(sql);
}

main(process.argv.slice(2)).catch((error) => {
  console.error(error.message || error);
  process.exit(1);
});
