#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes the SQL that loads `kpi rows` output into an engine, one table per source named after
it, each field a column of its type (money and numbers DECIMAL(38, 6), dates DATE, datetimes
TIMESTAMP, the rest text; in SQLite booleans as 1 and 0), read from SOURCE.csv in the current
folder.

usage: warehouse_load.py duckdb|postgres|sqlite LIBRARY.toml SOURCE...
"""
import sys
import tomllib

TYPES = {
    "duckdb": {"number": "DECIMAL(38, 6)", "money": "DECIMAL(38, 6)", "percent": "DECIMAL(38, 6)",
               "date": "DATE", "datetime": "TIMESTAMP", "bool": "BOOLEAN", "text": "VARCHAR"},
    "postgres": {"number": "numeric(38, 6)", "money": "numeric(38, 6)",
                 "percent": "numeric(38, 6)", "date": "date", "datetime": "timestamp",
                 "bool": "boolean", "text": "text"},
    "sqlite": {"number": "NUMERIC", "money": "NUMERIC", "percent": "NUMERIC", "date": "TEXT",
               "datetime": "TEXT", "bool": "TEXT", "text": "TEXT"},
}


def quoted(name):
    return '"' + name.replace('"', '""') + '"'


def main(engine, library, sources):
    with open(library, "rb") as file:
        definition = tomllib.load(file)
    out = []
    for source in sources:
        fields = definition["sources"][source]["fields"]
        columns = []
        for name, field in fields.items():
            kind = field.get("type", "text") if isinstance(field, dict) else "text"
            columns.append((name, TYPES[engine][kind]))
        if engine == "duckdb":
            types = ", ".join(f"'{name}': '{kind}'" for name, kind in columns)
            out.append(f"CREATE TABLE {quoted(source)} AS SELECT * FROM read_csv('{source}.csv', "
                       f"header = true, columns = {{{types}}});")
            continue
        out.append(f"CREATE TABLE {quoted(source)} ("
                   + ", ".join(f"{quoted(name)} {kind}" for name, kind in columns) + ");")
        if engine == "postgres":
            out.append(f"\\copy {quoted(source)} FROM '{source}.csv' WITH (FORMAT csv, HEADER true)")
        else:
            out.append(f".import --csv --skip 1 {source}.csv {quoted(source)}")
            sets = ", ".join(f"{quoted(name)} = NULLIF({quoted(name)}, '')" for name, _ in columns)
            out.append(f"UPDATE {quoted(source)} SET {sets};")
            # SQLite has no booleans: true and false as 1 and 0, as kpi sql reads them.
            for name, field in fields.items():
                if isinstance(field, dict) and field.get("type") == "bool":
                    out.append(f"UPDATE {quoted(source)} SET {quoted(name)} = CASE {quoted(name)} "
                               f"WHEN 'true' THEN 1 WHEN 'false' THEN 0 END;")
    print("\n".join(out))


if __name__ == "__main__":
    if len(sys.argv) < 4 or sys.argv[1] not in TYPES:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
