#!/usr/bin/env python3
"""Times workload W (per store: sales, orders, average ticket, distinct members, repeat rate;
per channel: share of sales; for 2025-06 and the whole file) with kpi, DuckDB and sqlite3 on
generated POS exports, checks every answer against the reference, and prints a markdown table
per size. Python 3 standard library only; see tests/bench/README.md.

    python3 tests/bench/run_workload_bench.py --kpi build/cli/kpi [--sizes 1m,10m]
"""
import argparse
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
TOOL_GROUPS = ("kpi", "duckdb", "sqlite3")
BASELINE_DUCKDB = "DuckDB, the baseline's w_duckdb.js (2 threads)"
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
                        help="tools to run, among kpi,duckdb,sqlite3 (default all)")
    parser.add_argument("--input", action="append", default=[], metavar="SIZE=FILE",
                        help="use an existing pos_transactions.csv for SIZE instead of "
                             "generating one (repeatable)")
    args = parser.parse_args(argv)
    args.sizes = [s.strip().lower() for s in args.sizes.split(",") if s.strip()]
    for size in args.sizes:
        size_rows(size)  # fail early on a bad size
    args.only = {t.strip() for t in args.only.split(",") if t.strip()}
    if not args.only <= set(TOOL_GROUPS):
        parser.error(f"--only takes {','.join(TOOL_GROUPS)}")
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
    export: Path
    bytes: int
    rows: int
    expected: Path


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
    return Dataset(size, export, stat.st_size, facts["rows"], expected)


def generate(size, folder, generator):
    # Generated into a scratch folder and moved in when complete, so an interrupted run does
    # not leave a truncated export that later runs would take as cached.
    scratch = folder / "generating"
    shutil.rmtree(scratch, ignore_errors=True)
    log(f"{size}: generating {size_rows(size):,} rows with {generator}")
    subprocess.run([sys.executable, str(generator), "--rows", str(size_rows(size)),
                    "--out", str(scratch), "--jobs", "2", "--tables", "pos"], check=True)
    (scratch / "pos_transactions.csv").rename(folder / "pos_transactions.csv")
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
# Tools: how each one runs W and where its answers land


@dataclass
class Tool:
    name: str
    slug: str
    command: object  # (export, answers_path) -> (argv, path that receives stdout)
    env: dict = None
    convert: object = None  # (stdout_path, answers_path): when stdout is not yet canonical


def kpi_tools(kpi):
    def command(threads):
        def build(export, answers):
            argv = [str(kpi), "values", str(BENCH / "workload_w.toml"),
                    "--data", f"pos={export}", "--period", "2025-06",
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
        def build(export, answers):
            return (["node", str(BENCH / "workload_w_duckdb.js"),
                     str(BENCH / "workload_w_duckdb.sql"), str(export), str(answers),
                     str(threads)], answers.with_suffix(".out"))
        return build

    tools = [Tool("DuckDB (2 threads)", "duckdb", command(2), env),
             Tool("DuckDB threads=1", "duckdb-t1", command(1), env)]
    if baseline_script.is_file():
        # The shared baseline's own script: a temporary table of the six columns, then the
        # query. The shared baseline's DuckDB figures were measured this way.
        def baseline(export, answers):
            return ["node", str(baseline_script), str(export), str(answers)], \
                answers.with_suffix(".out")
        tools.append(Tool(BASELINE_DUCKDB, "duckdb-baseline", baseline,
                          dict(env, DUCKDB_THREADS="2")))
    return tools


def sqlite_tools():
    def build(export, answers):
        quoted = '"' + str(export).replace("\\", "\\\\").replace('"', '\\"') + '"'
        return (["sqlite3", ":memory:", f".import --csv {quoted} pos",
                 f".read {BENCH / 'workload_w_sqlite.sql'}"], answers)

    return [Tool("sqlite3 (.import + query)", "sqlite3", build)]


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
    tools = []
    if "kpi" in args.only:
        versions["kpi"] = first_line([str(args.kpi), "--version"]) or "(no --version)"
        tools += kpi_tools(args.kpi)
    if "duckdb" in args.only and (modules := ensure_duckdb(args.work, notes)):
        env = dict(os.environ, NODE_PATH=str(modules))
        version = first_line(["node", str(BENCH / "workload_w_duckdb.js"), "--version"], env)
        if version:
            versions["DuckDB"] = version
            tools += duckdb_tools(modules, args.generator.parent / "workload" / "w_duckdb.js")
        else:
            notes.append("DuckDB skipped: the node script could not load @duckdb/node-api.")
    if "sqlite3" in args.only:
        if shutil.which("sqlite3"):
            versions["sqlite3"] = " ".join(first_line(["sqlite3", "--version"]).split()[:2])
            tools += sqlite_tools()
        else:
            notes.append("sqlite3 skipped: the sqlite3 command is not installed.")
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
    read_through(data.export)  # page cache warm: every tool reads the file from memory
    for index in range(runs + (1 if warm_up else 0)):
        counted = not (warm_up and index == 0)
        for result in results:
            if not result.failure:
                run_once(result, data, out_dir, compare, counted)
    return results


def run_once(result, data, out_dir, compare, counted):
    tool = result.tool
    answers = out_dir / f"{tool.slug}.csv"
    argv, stdout_path = tool.command(data.export, answers)
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


def check_answers(compare, expected, answers):
    done = subprocess.run([sys.executable, str(compare), str(expected), str(answers)],
                          capture_output=True, text=True)
    lines = done.stdout.strip().splitlines() or ["compare.py printed nothing"]
    # The first line says MATCH or MISMATCH (n); the second names the first difference.
    return " ".join(lines[:2])


# ---------------------------------------------------------------------------------------------
# Report


def size_table(data, results, runs, warm_up, loads):
    lines = [f"### {data.size}: {data.export.name}, {data.bytes:,} B, {data.rows:,} rows",
             "",
             f"Median of {runs} timed run{'s' if runs != 1 else ''}"
             + (" after one untimed warm-up round" if warm_up else "")
             + f", page cache warm; load average (1 min) {loads[0]:.2f} before, "
             f"{loads[1]:.2f} after.",
             "",
             "| tool | wall median (min–max) | cpu (user+sys) | peak RSS | MB/s | rows/s "
             "| wall ÷ DuckDB (2 threads) | wall ÷ DuckDB, baseline's script | answers |",
             "|---|---|---|---|---|---|---|---|---|"]
    duckdb = reference_wall(results, "duckdb")
    baseline = reference_wall(results, "duckdb-baseline")
    for result in results:
        lines.append(table_row(data, result, (duckdb, baseline)))
    return "\n".join(lines)


def reference_wall(results, slug):
    """The median wall of the tool `slug` when it ran, else None."""
    return next((median_wall(r) for r in results if r.tool.slug == slug and r.runs), None)


def median_wall(result):
    return statistics.median(run.wall for run in result.runs)


def table_row(data, result, reference_walls):
    if not result.runs:
        return f"| {result.tool.name} | – | – | – | – | – | – | – | {result.answers} |"
    walls = [run.wall for run in result.runs]
    wall = statistics.median(walls)
    cpu = statistics.median(run.cpu for run in result.runs)
    peak = max(run.peak_rss for run in result.runs)
    ratios = " | ".join(f"{wall / reference:.2f}×" if reference else "–"
                        for reference in reference_walls)
    spread = f"{min(walls):.2f}–{max(walls):.2f}" if len(walls) > 1 else "n=1"
    return (f"| {result.tool.name} | {wall:.2f} s ({spread}) "
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


def main(argv):
    args = parse_args(argv)
    compare = args.generator.parent / "workload" / "compare.py"
    notes, versions = [], {}
    tools = select_tools(args, notes, versions)
    sections = []
    for size in args.sizes:
        data = prepare_dataset(size, args)
        large = data.rows >= LARGE_ROWS
        runs, warm_up = args.runs or (1 if large else 3), not large
        out_dir = args.work / "results" / size
        out_dir.mkdir(parents=True, exist_ok=True)
        log(f"{size}: {data.rows:,} rows, {len(tools)} tools, {runs} timed runs each")
        load = os.getloadavg()[0]
        results = bench_size(tools, data, out_dir, compare, runs, warm_up)
        sections.append(size_table(data, results, runs, warm_up, (load, os.getloadavg()[0])))
    sections.append(machine_lines(versions))
    if notes:
        sections.append("\n".join(f"- {note}" for note in notes))
    report = "## Workload W\n\n" + "\n\n".join(sections) + "\n"
    (args.work / "report.md").write_text(report)
    print(report)


if __name__ == "__main__":
    main(sys.argv[1:])
