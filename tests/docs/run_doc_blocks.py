#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Runs the console examples of one Markdown file and compares their output.

A ```console block holds commands, each on a line starting with `$ `, followed by the output
it prints (stdout and stderr merged, in the order written). Lines starting with `> ` right
after a command continue it (a here-document, a long pipeline). Each command runs alone with
`bash -c` in the block's folder, with the `kpi` under test first on PATH. A command must exit
with 0: to show a failure, end the line with `; echo "exit $?"`.

The folder is the repository root unless an HTML comment on the last non-blank line before
the fence says otherwise:

    <!-- run in examples/clinic -->

A fenced block of any language preceded by `<!-- file PATH -->` shows the file PATH (relative
to the repository root) and must equal it.

On a mismatch it prints `diff -u` of the expected and the actual text and exits with 1. With
KPI_UPDATE_GOLDEN=1 in the environment it rewrites the expected output of every console block
in the Markdown file instead (and every `file` block from its file), for review with
`git diff`. Exits with 2 when the Markdown cannot be read as described.

usage: run_doc_blocks.py --kpi PATH --root REPO DOC.md
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile

RUN_IN = re.compile(r"^<!--\s*run in\s+(\S+)\s*-->$")
FILE_MARK = re.compile(r"^<!--\s*file\s+(\S+)\s*-->$")
FENCE = re.compile(r"^(`{3,})(.*)$")


def die(message):
    print(f"run_doc_blocks: {message}", file=sys.stderr)
    sys.exit(2)


class Block:
    def __init__(self, info, start, end, body, marks):
        self.info = info    # the fence's info string, e.g. "console"
        self.start = start  # index of the opening fence line
        self.end = end      # index of the closing fence line
        self.body = body    # the lines between the fences
        self.marks = marks  # the HTML comment on the last non-blank line before the fence


def fenced_blocks(lines, doc):
    blocks = []
    i = 0
    while i < len(lines):
        match = FENCE.match(lines[i])
        if not match:
            i += 1
            continue
        fence, info = match.group(1), match.group(2).strip()
        j = i + 1
        while j < len(lines) and not (lines[j].startswith(fence) and lines[j].strip("`") == ""):
            j += 1
        if j == len(lines):
            die(f"{doc}:{i + 1}: the fenced block is not closed")
        k = i - 1
        while k >= 0 and lines[k].strip() == "":
            k -= 1
        mark = lines[k].strip() if k >= 0 else ""
        blocks.append(Block(info, i, j, lines[i + 1:j], mark))
        i = j + 1
    return blocks


def commands_of(block, doc):
    """[(line index of the `$ `, command text, expected output lines)]"""
    commands = []
    for offset, line in enumerate(block.body):
        index = block.start + 1 + offset
        if line.startswith("$ "):
            commands.append([index, line[2:], []])
        elif line == "$":
            die(f"{doc}:{index + 1}: an empty command")
        elif not commands:
            die(f"{doc}:{index + 1}: a console block starts with a `$ ` command line")
        elif line.startswith("> ") and not commands[-1][2]:
            commands[-1][1] += "\n" + line[2:]
        else:
            commands[-1][2].append(line)
    return commands


def as_text(lines):
    return "".join(line + "\n" for line in lines)


def run(command, folder, env):
    result = subprocess.run(["bash", "-c", command], cwd=folder, env=env,
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT)
    text = result.stdout.decode("utf-8", errors="replace")
    return text, result.returncode


def show_diff(expected, actual, where, scratch):
    expected_path = os.path.join(scratch, "expected")
    actual_path = os.path.join(scratch, "actual")
    with open(expected_path, "w", encoding="utf-8") as out:
        out.write(expected)
    with open(actual_path, "w", encoding="utf-8") as out:
        out.write(actual)
    diff = subprocess.run(["diff", "-u", "--label", f"{where} (expected)", "--label",
                           f"{where} (actual)", expected_path, actual_path],
                          stdout=subprocess.PIPE)
    sys.stdout.write(diff.stdout.decode("utf-8", errors="replace"))


def main():
    parser = argparse.ArgumentParser(description="Run a Markdown file's console examples.")
    parser.add_argument("--kpi", required=True, help="the kpi binary under test")
    parser.add_argument("--root", required=True, help="the repository root")
    parser.add_argument("doc", help="the Markdown file")
    args = parser.parse_args()

    update = bool(os.environ.get("KPI_UPDATE_GOLDEN"))
    root = os.path.abspath(args.root)
    doc = os.path.abspath(args.doc)
    shown = os.path.relpath(doc, root) if doc.startswith(root + os.sep) else args.doc
    with open(doc, encoding="utf-8") as handle:
        lines = handle.read().split("\n")
    trailing_newline = lines and lines[-1] == ""
    if trailing_newline:
        lines.pop()

    bin_dir = os.path.join(os.path.dirname(os.path.abspath(args.kpi)), "")
    env = dict(os.environ)
    env["PATH"] = bin_dir + os.pathsep + env.get("PATH", "")
    # The C locale whatever the developer's, since kpi's labels follow it: every LC_ variable
    # unset and LANG=C.UTF-8, so that a block may show `LANG=zh_CN.UTF-8 kpi …`.
    for name in [name for name in env if name.startswith("LC_")]:
        del env[name]
    env["LANG"] = "C.UTF-8"
    env.pop("KPI_UPDATE_GOLDEN", None)
    # `kpi` is the binary under test, whatever its file is called.
    kpi_name = os.path.basename(args.kpi)
    if kpi_name != "kpi":
        die("--kpi must name a binary called kpi")

    failures = 0
    counted = 0
    replacements = []  # (start, end, new lines): body lines [start, end) replaced
    with tempfile.TemporaryDirectory(prefix="kpi-docs-") as scratch:
        for block in fenced_blocks(lines, shown):
            file_mark = FILE_MARK.match(block.marks)
            if file_mark:
                counted += 1
                path = os.path.join(root, file_mark.group(1))
                with open(path, encoding="utf-8") as handle:
                    actual = handle.read()
                expected = as_text(block.body)
                if update:
                    replacements.append((block.start + 1, block.end, actual.splitlines()))
                elif actual != expected:
                    failures += 1
                    print(f"{shown}:{block.start + 1}: the block differs from {file_mark.group(1)}")
                    show_diff(expected, actual, f"{shown}:{block.start + 1}", scratch)
                continue
            if block.info != "console":
                continue
            run_in = RUN_IN.match(block.marks)
            folder = os.path.join(root, run_in.group(1)) if run_in else root
            if not os.path.isdir(folder):
                die(f"{shown}:{block.start + 1}: no folder {folder}")
            new_body = []
            for index, command, expected_lines in commands_of(block, shown):
                counted += 1
                actual, exit_code = run(command, folder, env)
                where = f"{shown}:{index + 1}"
                command_lines = command.split("\n")
                new_body.append("$ " + command_lines[0])
                new_body.extend("> " + line for line in command_lines[1:])
                new_body.extend(actual.splitlines())
                if exit_code != 0:
                    failures += 1
                    print(f"{where}: `{command_lines[0]}` exited with {exit_code}; "
                          f"end the line with `; echo \"exit $?\"` to show a failure")
                    sys.stdout.write(actual)
                    continue
                if update:
                    continue
                expected = as_text(expected_lines)
                if actual != expected:
                    failures += 1
                    print(f"{where}: the output of `{command_lines[0]}` differs")
                    show_diff(expected, actual, where, scratch)
            if update:
                replacements.append((block.start + 1, block.end, new_body))

    if update and replacements:
        for start, end, body in sorted(replacements, reverse=True):
            lines[start:end] = body
        with open(doc, "w", encoding="utf-8") as handle:
            handle.write("\n".join(lines) + ("\n" if trailing_newline else ""))
        print(f"{shown}: {len(replacements)} blocks rewritten")
    print(f"{shown}: {counted} examples, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
