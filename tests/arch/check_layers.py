#!/usr/bin/env python3
"""Fails when a file of lib/kpi or cli/ includes a module that its row of the dependency table
in lib/README.md ("## Dependencies") does not allow.

    check_layers.py SOURCE_DIR [--table FILE]

Prints each offending include as FILE:LINE: MODULE includes "HEADER" (allowed: …), exit 1.
"""
import pathlib
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s+"kpi/([a-z_]+)/[^"]+"')


def read_table(readme: pathlib.Path) -> dict[str, set[str]]:
    allowed: dict[str, set[str]] = {}
    in_section = False
    for line in readme.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            in_section = line.strip() == "## Dependencies"
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if not in_section or len(cells) != 2 or cells[0] in ("module", "") or "---" in cells[0]:
            continue
        allowed[cells[0]] = set() if cells[1] == "none" else {
            name.strip() for name in cells[1].split(",")}
    if not allowed:
        sys.exit(f"{readme}: no dependency table under '## Dependencies'")
    return allowed


def module_of(root: pathlib.Path, path: pathlib.Path) -> str:
    relative = path.relative_to(root).parts
    return "cli" if relative[0] == "cli" else relative[2]


def main() -> int:
    root = pathlib.Path(sys.argv[1])
    table = root / "lib" / "README.md"
    if len(sys.argv) == 4 and sys.argv[2] == "--table":
        table = pathlib.Path(sys.argv[3])
    allowed = read_table(table)
    files = sorted(p for p in list((root / "lib" / "kpi").rglob("*")) + list((root / "cli").rglob("*"))
                   if p.suffix in (".hpp", ".cpp", ".in") and p.is_file())
    broken = 0
    for path in files:
        module = module_of(root, path)
        if module not in allowed:
            print(f"{path.relative_to(root)}: module \"{module}\" has no row in {table.name}")
            broken += 1
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            match = INCLUDE.match(line)
            if match and match.group(1) != module and match.group(1) not in allowed[module]:
                header = line.split('"')[1]
                print(f"{path.relative_to(root)}:{number}: {module} includes \"{header}\" "
                      f"(allowed: {', '.join(sorted(allowed[module])) or 'none'})")
                broken += 1
    if broken:
        print(f"check_layers: {broken} include(s) break the table of {table}")
        return 1
    print(f"check_layers: {len(files)} files follow the table of {table.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
