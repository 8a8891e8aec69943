#!/usr/bin/env python3
"""The docs test: every command block and every output block in README.md, docs/*.md and
docs/rules/*.md is run on the bundled example (or on the page's own example files) and compared,
or is marked as illustrative.

A block is marked by an HTML comment on the line before its fence (invisible on GitHub):

  <!-- docs-test: run -->                 a ```sh block: its lines run with bash in a workspace
                                          holding a copy of examples/, `contractcheck` on PATH
  <!-- docs-test: run instead: CMD -->    a ```sh block that cannot run inside the suite (it
                                          builds the project): CMD, what it does after building,
                                          runs in its place
  <!-- docs-test: output -->              the stdout, then stderr, of the last run block above it
                                          in the same file, exactly (a run's duration and worker
                                          count are not compared)
  <!-- docs-test: output excerpt -->      as output, but consecutive lines anywhere in it
  <!-- docs-test: illustrative: WHY -->   not run: it needs a project, a network or an editor
  <!-- docs-test: file PATH -->           any block: its text is written to PATH in the workspace
                                          (a rule page's example source, its configuration)

A ```sh, ```console or plain ``` block with no marker fails the test.

usage: run_docs.py SOURCE_DIR CONTRACTCHECK_BINARY
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

MARKER = re.compile(r"^\s*<!--\s*docs-test:\s*(.*?)\s*-->\s*$")
FENCE = re.compile(r"^(\s*)```(\S*)\s*$")
CHECKED_LANGUAGES = {"", "sh", "console", "shell", "bash", "text"}


def blocks(path):
    """(line, language, marker or None, text) of each fenced block."""
    lines = open(path, encoding="utf-8").read().split("\n")
    i = 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        indent, language = m.group(1), m.group(2)
        j = i + 1
        while j < len(lines) and not re.match(r"^\s*```\s*$", lines[j]):
            j += 1
        body = "\n".join(l[len(indent):] if l.startswith(indent) else l for l in lines[i + 1:j])
        k = i - 1
        while k >= 0 and lines[k].strip() == "":
            k -= 1
        marker = MARKER.match(lines[k]).group(1) if k >= 0 and MARKER.match(lines[k]) else None
        yield i + 1, language, marker, body + "\n"
        i = j + 1


def normalise(text, workspace):
    text = re.sub(r" in [0-9]+\.[0-9]+ s with [0-9]+ workers?", " in <T> s with <N> workers", text)
    return text.replace(workspace + "/", "")


def main():
    source, binary = sys.argv[1], os.path.abspath(sys.argv[2])
    pages = [os.path.join(source, "README.md")]
    for folder in [os.path.join(source, "docs"), os.path.join(source, "docs", "rules")]:
        pages += sorted(os.path.join(folder, f) for f in os.listdir(folder) if f.endswith(".md"))
    failures = []
    ran = compared = illustrative = written = 0
    for page in pages:
        name = os.path.relpath(page, source)
        with tempfile.TemporaryDirectory() as workspace:
            workspace = os.path.realpath(workspace)
            shutil.copytree(os.path.join(source, "examples"), os.path.join(workspace, "examples"))
            os.mkdir(os.path.join(workspace, "bin"))
            os.symlink(binary, os.path.join(workspace, "bin", "contractcheck"))
            env = dict(os.environ, PATH=os.path.join(workspace, "bin") + ":" + os.environ["PATH"],
                       NO_COLOR="1")
            last = None
            for line, language, marker, body in blocks(page):
                where = f"{name}:{line}"
                if marker is None:
                    if language in CHECKED_LANGUAGES:
                        failures.append(f"{where}: a command or output block with no docs-test marker")
                    continue
                if marker.startswith("file "):
                    target = os.path.normpath(os.path.join(workspace, marker[5:].strip()))
                    if not target.startswith(workspace + os.sep):
                        failures.append(f"{where}: 'file' names a path outside the workspace")
                        continue
                    os.makedirs(os.path.dirname(target), exist_ok=True)
                    with open(target, "w", encoding="utf-8") as f:
                        f.write(body)
                    written += 1
                elif marker.startswith("illustrative"):
                    if not marker.startswith("illustrative:") or not marker[13:].strip():
                        failures.append(f"{where}: 'illustrative' needs a reason ('illustrative: WHY')")
                    illustrative += 1
                elif marker == "run" or marker.startswith("run instead:"):
                    script = body if marker == "run" else marker[len("run instead:"):]
                    result = subprocess.run(["bash", "-c", script], cwd=workspace, env=env,
                                            capture_output=True, text=True, timeout=600)
                    last = (where, normalise(result.stdout + result.stderr, workspace))
                    ran += 1
                elif marker in ("output", "output excerpt"):
                    compared += 1
                    if last is None:
                        failures.append(f"{where}: an output block with no run block above it")
                        continue
                    expected, actual = normalise(body, workspace), last[1]
                    if marker == "output" and expected != actual:
                        failures.append(f"{where}: differs from what {last[0]} prints:\n--- documented\n"
                                        f"{expected}--- printed\n{actual}")
                    if marker == "output excerpt" and expected.strip("\n") not in actual:
                        failures.append(f"{where}: not part of what {last[0]} prints:\n--- documented\n"
                                        f"{expected}--- printed\n{actual}")
                else:
                    failures.append(f"{where}: unknown docs-test marker '{marker}'")
    print(f"docs test: {written} files written, {ran} blocks run, {compared} outputs compared, "
          f"{illustrative} illustrative")
    for failure in failures:
        print(f"error: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
