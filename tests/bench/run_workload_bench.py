#!/usr/bin/env python3
"""Times the benchmark's workloads with kpi, DuckDB and sqlite3 on generated exports, beside the
memchr floor (read() and memchr over the same files), checks every answer against a reference,
and prints a markdown table per workload and size. Workload W: per store sales, orders, average
ticket, distinct members, repeat rate, per channel share of sales, for 2025-06 and the whole
POS export. Workload W2 (workload_w2.toml): 585 consultants, text filters, a store-master
lookup, the POS and CRM exports, 2025-06, 2025-Q2 and 2025 with 环比. Python 3 standard library
only; see tests/bench/README.md.

    python3 tests/bench/run_workload_bench.py --kpi build/cli/kpi [--workload w,w2] [--sizes 1m,10m]
"""
import argparse
import csv
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent.parent
TOOL_GROUPS = ("kpi", "duckdb", "sqlite3", "floor")
WORKLOAD_KEYS = ("w", "w2")
BASELINE_DUCKDB = "DuckDB, the baseline's w_duckdb.js (2 threads)"
KPI_SQL_DUCKDB = "DuckDB via kpi sql (2 threads)"
BASELINE_DUCKDB_W2 = "DuckDB, tables first as the baseline runs W (2 threads)"
W2_PERIODS = ("2025-06", "2025-Q2", "2025")
FLOOR = "memchr floor (nlcount.cpp, g++ -O2)"
# Sizes from this many rows up get no warm-up and one timed run by default: a 10M-row run of
# sqlite3 alone takes over a minute.
LARGE_ROWS = 10_000_000
CHUNK = 4 << 20


# ---------------------------------------------------------------------------------------------
# Command line


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kpi", required=True, type=Path, help="the kpi binary to time")
    parser.add_argument("--workload", default="w",
                        help="workloads to run: w, w2 or w,w2 (default w)")
    parser.add_argument("--sizes", default="1m,10m", help="export sizes in rows (default 1m,10m)")
    parser.add_argument("--work", type=Path, default=Path("/tmp/kpi-bench"),
                        help="cache for exports, reference answers, npm packages and outputs")
    parser.add_argument("--generator", type=Path, default=default_generator(),
                        help="gen_exports.py; its folder also holds workload/kpi_reference.py "
                             "and workload/compare.py (default: $KPI_BENCH_SHARED or "
                             "<repo>/../shared/bench)")
    parser.add_argument("--runs", type=int,
                        help="timed runs per tool and size (default 3 below 10M rows, after "
                             "one untimed warm-up; 1 from 10M rows, no warm-up)")
    parser.add_argument("--only", default=",".join(TOOL_GROUPS),
                        help="tools to run, among kpi,duckdb,sqlite3,floor (default all)")
    parser.add_argument("--input", action="append", default=[], metavar="SIZE=FILE",
                        help="use an existing pos_transactions.csv for SIZE instead of "
                             "generating one (repeatable); W2 also reads the crm_visits.csv "
                             "beside it")
    args = parser.parse_args(argv)
    args.sizes = [s.strip().lower() for s in args.sizes.split(",") if s.strip()]
    for size in args.sizes:
        size_rows(size)  # fail early on a bad size
    args.only = {t.strip() for t in args.only.split(",") if t.strip()}
    if not args.only <= set(TOOL_GROUPS):
        parser.error(f"--only takes {','.join(TOOL_GROUPS)}")
    args.workload = [w.strip().lower() for w in args.workload.split(",") if w.strip()]
    if not args.workload or not set(args.workload) <= set(WORKLOAD_KEYS):
        parser.error(f"--workload takes {','.join(WORKLOAD_KEYS)}")
    args.input = dict(parse_input(item, parser) for item in args.input)
    args.kpi = args.kpi.resolve()
    if not os.access(args.kpi, os.X_OK):
        parser.error(f"{args.kpi} is not an executable")
    args.work = args.work.resolve()
    return args


def default_generator():
    shared = os.environ.get("KPI_BENCH_SHARED")
    folder = Path(shared) if shared else REPO.parent / "shared" / "bench"
    return folder / "gen_exports.py"


def parse_input(item, parser):
    size, sep, path = item.partition("=")
    if not sep or not Path(path).is_file():
        parser.error(f"--input {item}: expected SIZE=FILE with an existing file")
    return size.strip().lower(), Path(path).resolve()


def size_rows(size):
    """'1m' -> 1000000, '250k' -> 250000, '5000' -> 5000."""
    scale = {"k": 1_000, "m": 1_000_000}.get(size[-1:], 1)
    digits = size[:-1] if scale != 1 else size
    if not digits.isdigit():
        raise SystemExit(f"bad size {size!r}: use e.g. 1m, 10m, 250k")
    return int(digits) * scale


# ---------------------------------------------------------------------------------------------
# Data: exports and reference answers, cached in the work folder


@dataclass
class Dataset:
    size: str
    export: Path  # the POS export
    bytes: int  # of every file the tools read
    rows: int  # data rows in them
    expected: Path  # the reference answers
    files: list  # the files the tools read, which the floor reads too
    lines: int  # line feeds in them, which the floor must count
    large: bool  # 10M POS rows or more: one timed run, no warm-up
    heading: str  # what the size's table says of the data
    inputs: dict = field(default_factory=dict)  # W2: the pos, crm and stores files


def prepare_dataset(size, args):
    folder = args.work / size
    folder.mkdir(parents=True, exist_ok=True)
    export = args.input.get(size) or folder / "pos_transactions.csv"
    if not export.exists():
        generate(size, folder, args.generator)
    # The rows count and the reference answers are cached beside a stamp of the export, so
    # they are recomputed when the export changes (or --input points elsewhere).
    stat = export.stat()
    stamp = {"export": str(export), "bytes": stat.st_size, "mtime_ns": stat.st_mtime_ns}
    facts_file, expected = folder / "facts.json", folder / "expected.csv"
    facts = json.loads(facts_file.read_text()) if facts_file.exists() else {}
    if facts.get("stamp") != stamp or not expected.exists():
        log(f"{size}: counting rows and computing the reference answers for {export}")
        facts = {"stamp": stamp, "rows": count_rows(export)}
        reference = args.generator.parent / "workload" / "kpi_reference.py"
        write_atomically(expected, run_capture([sys.executable, str(reference), str(export)]))
        facts_file.write_text(json.dumps(facts, indent=1) + "\n")
    rows = facts["rows"]
    return Dataset(size, export, stat.st_size, rows, expected, [export], rows + 1,
                   rows >= LARGE_ROWS,
                   f"{export.name}, {stat.st_size:,} B, {rows:,} rows")


def prepare_w2_dataset(size, args):
    """The POS and CRM exports (generated, or --input's POS file and the crm_visits.csv beside
    it), the stores master written from the POS export, and W2's reference answers, cached in
    WORK/SIZE/ beside W's."""
    folder = args.work / size
    folder.mkdir(parents=True, exist_ok=True)
    if size in args.input:
        pos = args.input[size]
        crm = pos.parent / "crm_visits.csv"
        if not crm.is_file():
            raise SystemExit(f"--input {size}={pos}: workload W2 also reads {crm}, "
                             "which does not exist")
    else:
        pos, crm = folder / "pos_transactions.csv", folder / "crm_visits.csv"
        tables = [table for table, path in (("pos", pos), ("crm", crm)) if not path.exists()]
        if tables:
            generate(size, folder, args.generator, tables, jobs=1)
    stores = folder / "stores.csv"
    stamp = {}
    for path in (pos, crm):
        stat = path.stat()
        stamp[path.name] = {"path": str(path), "bytes": stat.st_size,
                            "mtime_ns": stat.st_mtime_ns}
    facts_file, expected = folder / "w2_facts.json", folder / "w2_expected.csv"
    facts = json.loads(facts_file.read_text()) if facts_file.exists() else {}
    if facts.get("stamp") != stamp or not expected.exists() or not stores.exists():
        log(f"{size}: writing stores.csv, counting rows and computing W2's reference answers")
        stores_count = write_stores(pos, stores)
        facts = {"stamp": stamp, "pos_lines": read_through(pos), "crm_lines": read_through(crm),
                 "stores": stores_count}
        write_atomically(expected, run_capture([sys.executable, str(BENCH / "w2_reference.py"),
                                                str(pos), str(crm), str(stores)]))
        facts_file.write_text(json.dumps(facts, indent=1) + "\n")
    files = [pos, crm, stores]
    pos_rows, crm_rows = facts["pos_lines"] - 1, facts["crm_lines"] - 1
    total_bytes = sum(path.stat().st_size for path in files)
    return Dataset(size, pos, total_bytes, pos_rows + crm_rows, expected, files,
                   facts["pos_lines"] + facts["crm_lines"] + facts["stores"] + 1,
                   pos_rows >= LARGE_ROWS,
                   f"{pos.name} + {crm.name} + {stores.name}, {total_bytes:,} B, "
                   f"{pos_rows + crm_rows:,} rows ({pos_rows:,} POS, {crm_rows:,} CRM, "
                   f"{facts['stores']} stores)",
                   {"pos": pos, "crm": crm, "stores": stores})


def write_stores(pos, stores):
    """Writes the store master stores.csv (门店编码,门店名称,城市) from a full pass of the POS
    export: every store code with the first name it has there, the city being the two
    characters after '·' in the name (悦颜·上海静安店 is in 上海). Returns the number of stores."""
    names = {}
    with open(pos, encoding="utf-8-sig", newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        code_at, name_at = header.index("门店编码"), header.index("门店名称")
        for row in reader:
            if len(row) == len(header) and row[code_at] not in names:
                names[row[code_at]] = row[name_at]
    rows = []
    for code in sorted(names):
        city = names[code].partition("·")[2][:2]
        if len(city) != 2:
            raise SystemExit(f"{pos}: store {code} is named {names[code]!r}: no city after '·'")
        rows.append((code, names[code], city))
    scratch = stores.with_suffix(".csv.tmp")
    with open(scratch, "w", encoding="utf-8", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(("门店编码", "门店名称", "城市"))
        out.writerows(rows)
    scratch.rename(stores)
    return len(rows)


def generate(size, folder, generator, tables=("pos",), jobs=2):
    # Generated into a scratch folder and moved in when complete, so an interrupted run does
    # not leave a truncated export that later runs would take as cached. The generator writes
    # the same files whatever --jobs and --tables, so a CRM export generated after the POS one
    # belongs with it.
    scratch = folder / "generating"
    shutil.rmtree(scratch, ignore_errors=True)
    log(f"{size}: generating {size_rows(size):,} rows of {','.join(tables)} with {generator}")
    subprocess.run([sys.executable, str(generator), "--rows", str(size_rows(size)),
                    "--out", str(scratch), "--jobs", str(jobs), "--tables", ",".join(tables)],
                   check=True)
    names = {"pos": "pos_transactions.csv", "crm": "crm_visits.csv"}
    for table in tables:
        (scratch / names[table]).rename(folder / names[table])
    shutil.rmtree(scratch)


def count_rows(path):
    """Data rows (lines after the header): the generator writes no newline inside a field."""
    return read_through(path) - 1


def read_through(path):
    """Reads the whole file (which also brings it into the page cache); returns its lines."""
    lines = 0
    with open(path, "rb", buffering=0) as f:
        while chunk := f.read(CHUNK):
            lines += chunk.count(b"\n")
    return lines


def write_atomically(path, text):
    scratch = path.with_suffix(path.suffix + ".tmp")
    scratch.write_text(text)
    scratch.rename(path)


# ---------------------------------------------------------------------------------------------
# Tools: how each one runs a workload and where its answers land


@dataclass
class Tool:
    name: str
    slug: str
    command: object  # (dataset, answers_path) -> (argv, path that receives stdout)
    env: dict = None
    convert: object = None  # (stdout_path, answers_path): when stdout is not yet canonical
    floor: bool = False  # command gives [(argv, stdout path)], one per file, timed as one


def kpi_tools(kpi):
    def command(threads):
        def build(data, answers):
            argv = [str(kpi), "values", str(BENCH / "workload_w.toml"),
                    "--data", f"pos={data.export}", "--period", "2025-06",
                    "--period", "2024-01-01..2025-12-31", "--format", "csv"]
            if threads:
                argv += ["--threads", str(threads)]
            return argv, answers.with_suffix(".out")
        return build

    return [Tool("kpi (default threads)", "kpi", command(None), convert=to_workload_csv),
            Tool("kpi --threads 1", "kpi-t1", command(1), convert=to_workload_csv)]


def to_workload_csv(raw, answers):
    # kpi prints one row per KPI value; the converter (untimed) reshapes it to the canonical CSV.
    with open(raw, "rb") as source, open(answers, "wb") as sink:
        subprocess.run([sys.executable, str(BENCH / "to_workload_csv.py")], stdin=source,
                       stdout=sink, check=True)


def duckdb_tools(node_modules, baseline_script):
    env = dict(os.environ, NODE_PATH=str(node_modules))

    def command(threads):
        def build(data, answers):
            return (["node", str(BENCH / "workload_w_duckdb.js"),
                     str(BENCH / "workload_w_duckdb.sql"), str(data.export), str(answers),
                     str(threads)], answers.with_suffix(".out"))
        return build

    tools = [Tool("DuckDB (2 threads)", "duckdb", command(2), env),
             Tool("DuckDB threads=1", "duckdb-t1", command(1), env)]
    if baseline_script.is_file():
        # The shared baseline's own script: a temporary table of the six columns, then the
        # query. The shared baseline's DuckDB figures were measured this way.
        def baseline(data, answers):
            return ["node", str(baseline_script), str(data.export), str(answers)], \
                answers.with_suffix(".out")
        tools.append(Tool(BASELINE_DUCKDB, "duckdb-baseline", baseline,
                          dict(env, DUCKDB_THREADS="2")))
    return tools


def kpi_sql_duckdb_tool(kpi, node_modules):
    """W the warehouse way (docs/warehouse.md): kpi sql's query for workload_w.toml run by
    DuckDB (2 threads) over a view of the export, then kpi values --measures on its table; the
    three steps timed as one run of workload_w_kpi_sql.sh."""
    def build(data, answers):
        return (["bash", str(BENCH / "workload_w_kpi_sql.sh"), str(kpi), str(data.export),
                 str(answers.with_name(answers.stem + "-steps")), "2"],
                answers.with_suffix(".out"))

    return Tool(KPI_SQL_DUCKDB, "duckdb-kpi-sql", build,
                dict(os.environ, NODE_PATH=str(node_modules)), convert=to_workload_csv)


def sqlite_tools():
    def build(data, answers):
        return (["sqlite3", ":memory:", f".import --csv {sqlite_quoted(data.export)} pos",
                 f".read {BENCH / 'workload_w_sqlite.sql'}"], answers)

    return [Tool("sqlite3 (.import + query)", "sqlite3", build)]


def sqlite_quoted(path):
    return '"' + str(path).replace("\\", "\\\\").replace('"', '\\"') + '"'


def kpi_w2_tools(kpi):
    def command(threads):
        def build(data, answers):
            argv = [str(kpi), "values", str(BENCH / "workload_w2.toml")]
            for source in ("pos", "crm", "stores"):
                argv += ["--data", f"{source}={data.inputs[source]}"]
            for period in W2_PERIODS:
                argv += ["--period", period]
            argv += ["--format", "csv"]
            if threads:
                argv += ["--threads", str(threads)]
            return argv, answers  # kpi's csv is W2's canonical answer
        return build

    return [Tool("kpi (default threads)", "kpi", command(None)),
            Tool("kpi --threads 1", "kpi-t1", command(1))]


def duckdb_w2_tools(node_modules):
    env = dict(os.environ, NODE_PATH=str(node_modules))

    def command(sql, threads):
        def build(data, answers):
            return (["node", str(BENCH / "workload_w_duckdb.js"), str(BENCH / sql),
                     str(data.inputs["pos"]), str(answers), str(threads),
                     f"crm={data.inputs['crm']}", f"stores={data.inputs['stores']}"],
                    answers.with_suffix(".out"))
        return build

    return [Tool("DuckDB (2 threads)", "duckdb", command("workload_w2_duckdb.sql", 2), env),
            Tool("DuckDB threads=1", "duckdb-t1", command("workload_w2_duckdb.sql", 1), env),
            Tool(BASELINE_DUCKDB_W2, "duckdb-baseline",
                 command("workload_w2_duckdb_baseline.sql", 2), env)]


def sqlite_w2_tools():
    def build(data, answers):
        argv = ["sqlite3", ":memory:"]
        for table in ("pos", "crm", "stores"):
            argv.append(f".import --csv {sqlite_quoted(data.inputs[table])} {table}")
        return argv + [f".read {BENCH / 'workload_w2_sqlite.sql'}"], answers

    return [Tool("sqlite3 (.import + query)", "sqlite3", build)]


def floor_tool(nlcount):
    """The memchr floor: nlcount.cpp reads each file with read() and counts its line feeds with
    memchr, one process per file, the times added up."""
    def build(data, answers):
        return [([str(nlcount), str(path)], answers.with_name(f"floor-{index}.out"))
                for index, path in enumerate(data.files)]

    return Tool(FLOOR, "floor", build, floor=True)


def ensure_floor(work, generator, notes, versions):
    """nlcount compiled with g++ -O2 from floors/nlcount.cpp beside the generator, or None."""
    source = generator.parent / "floors" / "nlcount.cpp"
    binary = work / "bin" / "nlcount"
    if not source.is_file():
        notes.append(f"memchr floor skipped: {source} is not there.")
        return None
    if not shutil.which("g++"):
        notes.append("memchr floor skipped: g++ is not installed.")
        return None
    versions["g++ (memchr floor)"] = first_line(["g++", "--version"])
    if not binary.exists() or binary.stat().st_mtime_ns < source.stat().st_mtime_ns:
        binary.parent.mkdir(parents=True, exist_ok=True)
        done = subprocess.run(["g++", "-O2", "-o", str(binary), str(source)],
                              capture_output=True, text=True)
        if done.returncode != 0:
            notes.append(f"memchr floor skipped: g++ failed: {done.stderr.strip()[:200]}")
            return None
    return binary


def ensure_duckdb(work, notes):
    """The node_modules folder holding @duckdb/node-api (installed on first use), or None."""
    if not (shutil.which("node") and shutil.which("npm")):
        notes.append("DuckDB skipped: node or npm is not installed.")
        return None
    prefix = work / "node"
    modules = prefix / "node_modules"
    if not (modules / "@duckdb" / "node-api").is_dir():
        prefix.mkdir(parents=True, exist_ok=True)
        log(f"installing @duckdb/node-api into {prefix}")
        install_log = prefix / "install.log"
        if not npm_install(prefix, install_log):
            notes.append(f"DuckDB skipped: npm install failed (see {install_log}).")
            return None
    return modules


def npm_install(prefix, install_log):
    # Bounded: without network npm can retry for a long time, and DuckDB is optional.
    with open(install_log, "w") as out:
        try:
            done = subprocess.run(["npm", "install", "--prefix", str(prefix), "--no-audit",
                                   "--no-fund", "@duckdb/node-api"], stdout=out,
                                  stderr=subprocess.STDOUT, timeout=600)
        except subprocess.TimeoutExpired:
            return False
    return done.returncode == 0


def select_tools(args, notes, versions):
    """{workload key: its tools}, in the order they run in each round."""
    tools = {"w": [], "w2": []}
    if "kpi" in args.only:
        versions["kpi"] = first_line([str(args.kpi), "--version"]) or "(no --version)"
        tools["w"] += kpi_tools(args.kpi)
        tools["w2"] += kpi_w2_tools(args.kpi)
    if "duckdb" in args.only and (modules := ensure_duckdb(args.work, notes)):
        env = dict(os.environ, NODE_PATH=str(modules))
        version = first_line(["node", str(BENCH / "workload_w_duckdb.js"), "--version"], env)
        if version:
            versions["DuckDB"] = version
            tools["w"] += duckdb_tools(modules,
                                       args.generator.parent / "workload" / "w_duckdb.js")
            tools["w"].append(kpi_sql_duckdb_tool(args.kpi, modules))
            tools["w2"] += duckdb_w2_tools(modules)
        else:
            notes.append("DuckDB skipped: the node script could not load @duckdb/node-api.")
    if "sqlite3" in args.only:
        if shutil.which("sqlite3"):
            versions["sqlite3"] = " ".join(first_line(["sqlite3", "--version"]).split()[:2])
            tools["w"] += sqlite_tools()
            tools["w2"] += sqlite_w2_tools()
        else:
            notes.append("sqlite3 skipped: the sqlite3 command is not installed.")
    if "floor" in args.only and (nlcount := ensure_floor(args.work, args.generator, notes,
                                                         versions)):
        tools["w"].append(floor_tool(nlcount))
        tools["w2"].append(floor_tool(nlcount))
    return tools


# ---------------------------------------------------------------------------------------------
# Timing


@dataclass
class Run:
    wall: float
    cpu: float
    peak_rss: int  # bytes
    status: int


def timed_run(argv, stdout_path, stderr_path, env=None):
    """One fork/exec of argv, reaped with wait4: wall seconds from before the fork to the
    reap, user+sys CPU and peak RSS of the child. Files are opened before the clock starts."""
    out_fd = os.open(stdout_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    err_fd = os.open(stderr_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    null_fd = os.open(os.devnull, os.O_RDONLY)
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:  # child: nothing but redirections and exec
        try:
            os.dup2(null_fd, 0)
            os.dup2(out_fd, 1)
            os.dup2(err_fd, 2)
            os.execvpe(argv[0], argv, env if env is not None else os.environ)
        finally:
            os._exit(127)
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    for fd in (out_fd, err_fd, null_fd):
        os.close(fd)
    # Linux reports ru_maxrss in KiB.
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024,
               os.waitstatus_to_exitcode(status))


@dataclass
class Result:
    tool: Tool
    runs: list = field(default_factory=list)
    verdicts: list = field(default_factory=list)
    failure: str = ""

    @property
    def answers(self):
        if self.failure:
            return self.failure
        mismatches = [v for v in self.verdicts if not v.startswith("MATCH")]
        return mismatches[0] if mismatches else "match"


def bench_size(tools, data, out_dir, compare, runs, warm_up):
    """Times every tool on one export. The runs go in rounds (each tool once per round) so
    that load from other work on a shared machine falls on all tools alike, not on one."""
    results = [Result(tool) for tool in tools]
    for path in data.files:
        read_through(path)  # page cache warm: every tool reads the files from memory
    for index in range(runs + (1 if warm_up else 0)):
        counted = not (warm_up and index == 0)
        for result in results:
            if not result.failure:
                run_once(result, data, out_dir, compare, counted)
    return results


def run_once(result, data, out_dir, compare, counted):
    tool = result.tool
    answers = out_dir / f"{tool.slug}.csv"
    if tool.floor:
        run_floor_once(result, data, out_dir, counted)
        return
    argv, stdout_path = tool.command(data, answers)
    run = timed_run(argv, stdout_path, out_dir / f"{tool.slug}.err", tool.env)
    log(f"  {tool.name}: {run.wall:.2f} s, {run.peak_rss / 2**20:.0f} MiB, exit {run.status}"
        + ("" if counted else " (warm-up)"))
    if run.status != 0:
        result.failure = f"failed (exit {run.status}, see {out_dir / tool.slug}.err)"
        return
    if tool.convert:
        tool.convert(stdout_path, answers)
    # Every run's answers are checked, the warm-up's too: a tool must be right every time.
    result.verdicts.append(check_answers(compare, data.expected, answers))
    if counted:
        result.runs.append(run)


def run_floor_once(result, data, out_dir, counted):
    """The floor reads each file in a process of its own: wall and CPU are added up, the peak
    RSS is the largest. Its answer is the number of line feeds, checked against the files'."""
    steps = result.tool.command(data, out_dir / "floor.csv")
    runs = [timed_run(argv, stdout_path, out_dir / "floor.err") for argv, stdout_path in steps]
    run = Run(sum(r.wall for r in runs), sum(r.cpu for r in runs),
              max(r.peak_rss for r in runs), next((r.status for r in runs if r.status), 0))
    log(f"  {result.tool.name}: {run.wall:.3f} s, exit {run.status}"
        + ("" if counted else " (warm-up)"))
    if run.status != 0:
        result.failure = f"failed (exit {run.status}, see {out_dir}/floor.err)"
        return
    counted_lines = 0
    for _, stdout_path in steps:
        words = stdout_path.read_text().split()
        counted_lines += int(words[0]) if words and words[0].isdigit() else -1
    result.verdicts.append("MATCH" if counted_lines == data.lines else
                           f"MISMATCH: {counted_lines:,} line feeds, expected {data.lines:,}")
    if counted:
        result.runs.append(run)


def check_answers(compare, expected, answers):
    done = subprocess.run([sys.executable, str(compare), str(expected), str(answers)],
                          capture_output=True, text=True)
    lines = done.stdout.strip().splitlines() or ["compare.py printed nothing"]
    # The first line says MATCH or MISMATCH (n); the second names the first difference.
    return " ".join(lines[:2])


# ---------------------------------------------------------------------------------------------
# Report


def size_table(data, results, runs, warm_up, loads, baseline_label):
    lines = [f"### {data.size}: {data.heading}",
             "",
             f"Median of {runs} timed run{'s' if runs != 1 else ''}"
             + (" after one untimed warm-up round" if warm_up else "")
             + f", page cache warm; load average (1 min) {loads[0]:.2f} before, "
             f"{loads[1]:.2f} after.",
             "",
             "| tool | wall median (min–max) | cpu (user+sys) | peak RSS | MB/s | rows/s "
             f"| wall ÷ kpi | wall ÷ DuckDB (2 threads) | wall ÷ {baseline_label} | answers |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    kpi = reference_wall(results, "kpi")
    duckdb = reference_wall(results, "duckdb")
    baseline = reference_wall(results, "duckdb-baseline")
    for result in results:
        lines.append(table_row(data, result, (kpi, duckdb, baseline)))
    floor = reference_wall(results, "floor")
    kpis = [(r.tool.name, median_wall(r)) for r in results
            if r.tool.slug.startswith("kpi") and r.runs]
    if floor and kpis:
        ratios = ", ".join(f"{name} {wall / floor:.1f}×" for name, wall in kpis)
        lines += ["", f"kpi ÷ memchr floor: {ratios} (the floor: read() and memchr over the "
                      f"same {len(data.files)} file{'s' if len(data.files) != 1 else ''}, "
                      f"{seconds(floor)} s)."]
    return "\n".join(lines)


def seconds(wall):
    """Two decimals, three below 0.1 s (the floor of a small export)."""
    return f"{wall:.3f}" if wall < 0.1 else f"{wall:.2f}"


def reference_wall(results, slug):
    """The median wall of the tool `slug` when it ran, else None."""
    return next((median_wall(r) for r in results if r.tool.slug == slug and r.runs), None)


def median_wall(result):
    return statistics.median(run.wall for run in result.runs)


def table_row(data, result, reference_walls):
    if not result.runs:
        return f"| {result.tool.name} | – | – | – | – | – | – | – | – | {result.answers} |"
    walls = [run.wall for run in result.runs]
    wall = statistics.median(walls)
    cpu = statistics.median(run.cpu for run in result.runs)
    peak = max(run.peak_rss for run in result.runs)
    ratios = " | ".join(f"{wall / reference:.2f}×" if reference else "–"
                        for reference in reference_walls)
    spread = f"{seconds(min(walls))}–{seconds(max(walls))}" if len(walls) > 1 else "n=1"
    return (f"| {result.tool.name} | {seconds(wall)} s ({spread}) "
            f"| {cpu:.2f} s | {peak / 2**20:.0f} MiB | {data.bytes / 1e6 / wall:.0f} "
            f"| {data.rows / wall / 1e6:.2f} M | {ratios} | {result.answers} |")


def machine_lines(versions):
    lines = ["### Machine and versions", "",
             f"- CPU: {cpu_model()}, {os.cpu_count()} logical CPUs (nproc {nproc()})",
             f"- memory: {mem_total_gib():.1f} GiB; OS: {os_name()}"]
    lines += [f"- {name}: {version}" for name, version in versions.items()]
    lines.append(f"- timer: Python {sys.version.split()[0]} (fork/exec, wait4)")
    return "\n".join(lines)


def cpu_model():
    for line in read_text("/proc/cpuinfo").splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return "unknown CPU"


def nproc():
    return len(os.sched_getaffinity(0))


def mem_total_gib():
    for line in read_text("/proc/meminfo").splitlines():
        if line.startswith("MemTotal:"):
            return int(line.split()[1]) / 2**20
    return 0.0


def os_name():
    for line in read_text("/etc/os-release").splitlines():
        if line.startswith("PRETTY_NAME="):
            return line.split("=", 1)[1].strip('"')
    return sys.platform


# ---------------------------------------------------------------------------------------------
# Helpers


def read_text(path):
    try:
        return Path(path).read_text()
    except OSError:
        return ""


def run_capture(argv):
    return subprocess.run(argv, check=True, capture_output=True, text=True).stdout


def first_line(argv, env=None):
    """First line of a command's output, or '' when it fails or cannot start."""
    try:
        done = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=120)
    except OSError:
        return ""
    return done.stdout.strip().split("\n")[0] if done.returncode == 0 else ""


def log(message):
    print(message, file=sys.stderr, flush=True)


@dataclass
class Workload:
    title: str
    prepare: object  # (size, args) -> Dataset
    compare: Path  # COMPARE EXPECTED ACTUAL prints MATCH or MISMATCH
    results: str  # the folder under WORK/results/ that holds SIZE/
    baseline_label: str  # the ratio column of the DuckDB tool run the baseline's way


def workloads(args):
    return {"w": Workload("W", prepare_dataset,
                          args.generator.parent / "workload" / "compare.py", ".",
                          "DuckDB, baseline's script"),
            "w2": Workload("W2", prepare_w2_dataset, BENCH / "w2_compare.py", "w2",
                           "DuckDB, tables first")}


def bench_workload(workload, tools, args):
    """The tables of one workload, a section per size."""
    sections = []
    for size in args.sizes:
        data = workload.prepare(size, args)
        runs, warm_up = args.runs or (1 if data.large else 3), not data.large
        out_dir = args.work / "results" / workload.results / size
        out_dir.mkdir(parents=True, exist_ok=True)
        log(f"{workload.title} {size}: {data.rows:,} rows, {len(tools)} tools, "
            f"{runs} timed runs each")
        load = os.getloadavg()[0]
        results = bench_size(tools, data, out_dir, workload.compare, runs, warm_up)
        sections.append(size_table(data, results, runs, warm_up, (load, os.getloadavg()[0]),
                                   workload.baseline_label))
    return f"## Workload {workload.title}\n\n" + "\n\n".join(sections)


def main(argv):
    args = parse_args(argv)
    notes, versions = [], {}
    tools = select_tools(args, notes, versions)
    known = workloads(args)
    sections = [bench_workload(known[key], tools[key], args) for key in args.workload]
    sections.append(machine_lines(versions))
    if notes:
        sections.append("\n".join(f"- {note}" for note in notes))
    report = "\n\n".join(sections) + "\n"
    (args.work / "report.md").write_text(report)
    print(report)


if __name__ == "__main__":
    main(sys.argv[1:])
