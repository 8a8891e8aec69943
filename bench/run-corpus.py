#!/usr/bin/env python3
"""Measures contractcheck against clang and clang-tidy on whole code bases, side by side.

usage: bench/run-corpus.py [--corpus SPEC]... [options]

A corpus SPEC is one of
  example          examples/ configured with CMake into the work directory
  synthetic:N      a code base of N TUs written by bench/generate-synthetic.py
  real:PATH        a CMake checkout (yaml-cpp, googletest, ...) configured into the work dir
  googletest       github.com/google/googletest, cloned into the work dir when the network
                   allows (else skipped with a message)
  db:BUILD_DIR     an existing build directory holding compile_commands.json
Default: example, synthetic:50, synthetic:100, synthetic:200.

For each corpus, in one run: (a) clang++-19 -fsyntax-only over every compile command serially,
(b) contractcheck -j1 cold, (c) -j2 cold, (d) a warm re-run with nothing changed, (e) a re-run
after one header changed, (f) clang-tidy-19 with the contractcheck module running only the
contract-* checks, against (f0) clang-tidy-19 running one check that registers no AST matcher
(readability-duplicate-include), the closest clang-tidy has to "no check" (it refuses to run
none). Both clang-tidy runs get each compile command once, after `--`. (d) and (e) need
contractcheck's --cache-dir; without it they print n/a. Each row gives wall time, CPU time
(user+sys of the process tree, steadier than wall time on a shared machine) and peak RSS (of the
largest process: one clang or clang-tidy per TU, the whole contractcheck process). (n) is a -j1
run without the store or shared headers: the bench checks that (b), (c), (d) and (n) report the
same findings and failures.
"""
import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time

from compile_db import compile_entries, syntax_only_command

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
MINIMAL_TIDY_CHECK = "readability-duplicate-include"


class Run:
    """Wall time, CPU time and peak RSS of one or more processes run one after another."""

    def __init__(self):
        self.wall = 0.0
        self.cpu = 0.0
        self.rss_kb = 0
        self.failures = 0
        self.per_process = []  # (label, cpu, rss_kb)

    def add(self, argv, cwd=None, label=None, env=None):
        start = time.perf_counter()
        with open(os.devnull, "wb") as null:
            proc = subprocess.Popen(argv, cwd=cwd, stdout=null, stderr=null, env=env)
            _, status, usage = os.wait4(proc.pid, 0)
            proc.returncode = os.waitstatus_to_exitcode(status)
        self.wall += time.perf_counter() - start
        cpu = usage.ru_utime + usage.ru_stime
        self.cpu += cpu
        self.rss_kb = max(self.rss_kb, usage.ru_maxrss)
        self.per_process.append((label, cpu, usage.ru_maxrss))
        return proc.returncode


def limit_database(build_dir, max_tus, out_dir):
    """A copy of the compile database holding only its first max_tus commands."""
    with open(os.path.join(build_dir, "compile_commands.json")) as f:
        entries = json.load(f)
    if not max_tus or len(entries) <= max_tus:
        return build_dir
    os.makedirs(out_dir, exist_ok=True)
    tmp = os.path.join(out_dir, "compile_commands.json.tmp")
    with open(tmp, "w") as f:
        json.dump(entries[:max_tus], f, indent=1)
    os.replace(tmp, os.path.join(out_dir, "compile_commands.json"))
    return out_dir


def cmake_configure(src, build, extra=()):
    subprocess.run(["cmake", "--no-warn-unused-cli", "-S", src, "-B", build, "-G", "Ninja",
                    "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON",
                    "-DCMAKE_CXX_COMPILER=clang++-19", "-DCMAKE_C_COMPILER=clang-19", *extra],
                   check=True, stdout=subprocess.DEVNULL)
    return build


def prepare_corpus(spec, work):
    """(name, build_dir, header_to_touch or None), or None when the corpus is not available."""
    if spec == "example":
        # A copy, so the header-changed column never edits the repository.
        src = os.path.join(work, "example-src")
        shutil.rmtree(src, ignore_errors=True)
        shutil.copytree(os.path.join(REPO, "examples"), src)
        build = cmake_configure(src, os.path.join(work, "example"))
        return "example", build, os.path.join(src, "include", "trading", "venue.h")
    if spec.startswith("synthetic:"):
        n = int(spec.split(":", 1)[1])
        src = os.path.join(work, f"synthetic-{n}", "src")
        subprocess.run([sys.executable, os.path.join(HERE, "generate-synthetic.py"), src, "--tus", str(n)],
                       check=True, stdout=subprocess.DEVNULL)
        build = cmake_configure(src, os.path.join(work, f"synthetic-{n}", "build"))
        return f"synthetic-{n}", build, os.path.join(src, "include", "svc1", "service.h")
    if spec.startswith("real:"):
        src = os.path.abspath(spec.split(":", 1)[1])
        name = os.path.basename(src.rstrip("/"))
        build = cmake_configure(src, os.path.join(work, f"real-{name}"),
                                ["-Dgtest_build_tests=ON", "-Dgmock_build_tests=ON", "-DYAML_CPP_BUILD_TESTS=ON"])
        return name, build, None
    if spec == "googletest":
        src = os.path.join(work, "googletest-src")
        if not os.path.isdir(src):
            r = subprocess.run(["git", "clone", "--depth", "1", "https://github.com/google/googletest", src],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            if r.returncode != 0:
                print("googletest: could not clone (no network?); pass real:PATH to a checkout", file=sys.stderr)
                return None
        return prepare_corpus("real:" + src, work)
    if spec.startswith("db:"):
        build = os.path.abspath(spec.split(":", 1)[1])
        return os.path.basename(build.rstrip("/")), build, None
    raise SystemExit(f"unknown corpus '{spec}'")


def includers(entries, header, clang):
    """The compile commands whose TU includes header (from the preprocessor's dependency list)."""
    header = os.path.realpath(header)
    found = []
    for e in entries:
        r = subprocess.run([clang, *e["flags"], "-M", "-w", e["file"]], cwd=e["directory"],
                           capture_output=True, text=True)
        deps = r.stdout.replace("\\\n", " ").split()[1:]
        if any(os.path.realpath(os.path.join(e["directory"], d)) == header for d in deps):
            found.append(e)
    return found


def pick_header(entries, clang, source_root):
    """A project header included by few TUs (at least one), for the header-touched column."""
    counts = {}
    for e in entries:
        r = subprocess.run([clang, *e["flags"], "-MM", "-w", e["file"]], cwd=e["directory"],
                           capture_output=True, text=True)
        for d in r.stdout.replace("\\\n", " ").split()[2:]:
            p = os.path.realpath(os.path.join(e["directory"], d))
            if p.startswith(source_root) and p.endswith((".h", ".hpp", ".hh")):
                counts[p] = counts.get(p, 0) + 1
    if not counts:
        return None
    return min(counts, key=lambda p: (counts[p], p))


def touch(header):
    """Changes header's content (a trailing comment); returns the original text to restore."""
    with open(header) as f:
        original = f.read()
    tmp = header + ".bench-tmp"
    with open(tmp, "w") as f:
        f.write(original + "\n// touched by bench/run-corpus.py\n")
    os.replace(tmp, header)
    return original


def restore(header, original):
    tmp = header + ".bench-tmp"
    with open(tmp, "w") as f:
        f.write(original)
    os.replace(tmp, header)


def agreement(reports):
    """Whether every mode reported the same findings and failures (e is left out: it changed a
    header)."""
    seen = {}
    for column, path in sorted(reports.items()):
        try:
            with open(path) as f:
                report = json.load(f)
        except (OSError, ValueError) as e:
            return f"DIFFER: ({column}) wrote no report ({e})"
        seen[column] = (report.get("findings"), [x.get("file") for x in report.get("failures", [])])
    columns = sorted(seen)
    differing = [c for c in columns[1:] if seen[c] != seen[columns[0]]]
    count = len(seen[columns[0]][0] or [])
    if differing:
        return (f"DIFFER: ({columns[0]}) reported {count} findings, "
                + ", ".join(f"({c}) {len(seen[c][0] or [])}" for c in differing))
    return f"identical in ({'), ('.join(columns)}): {count} findings"


def measure(name, build, header, args, work):
    entries = compile_entries(build)
    print(f"== {name}: {len(entries)} compile commands ({build})", file=sys.stderr, flush=True)
    rows = {}

    # (a) the compiler alone
    a = None
    if "a" not in args.skip:
        a = Run()
        for e in entries:
            a.add(syntax_only_command(e, args.clang, args.clang_c), cwd=e["directory"], label=e["file"])
    rows["a"] = a

    has_cache = "--cache-dir" in subprocess.run([args.contractcheck, "--help"], capture_output=True,
                                                text=True).stdout
    cc = [args.contractcheck, "-p", build, "--quiet", "--format", "json"]
    cache_b = os.path.join(work, f"{name}-cache-j1")
    cache_c = os.path.join(work, f"{name}-cache-j2")
    for d in (cache_b, cache_c):
        shutil.rmtree(d, ignore_errors=True)

    def with_cache(argv, cache):
        return argv + ["--cache-dir", cache] if has_cache else argv

    # Every mode's report, to check that they agree.
    reports = {}

    def reported(column, argv):
        out = os.path.join(work, f"{name}-{column}.json")
        reports[column] = out
        return argv + ["--output", out]

    b = Run()
    b.add(reported("b", with_cache(cc + ["-j", "1"], cache_b)))
    rows["b"] = b
    rows["c"] = rows["d"] = rows["e"] = rows["f"] = rows["f0"] = rows["n"] = None
    if "c" not in args.skip:
        c = Run()
        c.add(reported("c", with_cache(cc + ["-j", "2"], cache_c)))
        rows["c"] = c
    touched_reference = None
    if has_cache and "d" not in args.skip:
        d = Run()
        d.add(reported("d", cc + ["-j", "1", "--cache-dir", cache_b]))
        rows["d"] = d
        # What any run costs before it reads anything: loading the LLVM and Clang libraries.
        starts = []
        for _ in range(3):
            start = Run()
            start.add([args.contractcheck, "--version"])
            starts.append(start.cpu)
        rows["startup"] = min(starts)
        header = header or pick_header(entries, args.clang, os.path.realpath(os.path.dirname(build)))
        if header and a:
            users = includers(entries, header, args.clang)
            touched_reference = sum(p[1] for p, e in zip(a.per_process, entries) if e in users)
            original = touch(header)
            try:
                e_run = Run()
                e_run.add(cc + ["-j", "1", "--cache-dir", cache_b])
                rows["e"] = e_run
            finally:
                restore(header, original)
            rows["e_info"] = (os.path.relpath(header), len(users), touched_reference)

    if "n" not in args.skip:
        n = Run()
        n.add(reported("n", cc + ["-j", "1", "--no-cache", "--shared-headers=never"]))
        rows["n"] = n
    rows["agree"] = agreement(reports)

    # the TU that costs clang the most memory, alone (no store: a run of one TU with a store
    # analyses the others once for the global rules)
    rows["largest"] = None
    if a:
        largest = max(a.per_process, key=lambda p: p[2])
        big = Run()
        big.add([args.contractcheck, "-p", build, "--quiet", "-j", "1", "--no-cache", largest[0]])
        rows["largest"] = (largest[0], largest[2], big.rss_kb)

    if "f" in args.skip:
        rows["tus"] = len(entries)
        rows["has_cache"] = has_cache
        return rows
    f = Run()
    f0 = Run()
    for e in entries:
        tail = [e["file"], "--", *e["flags"]]
        f.add([args.clang_tidy, "-load", args.tidy_module, "--config={Checks: '-*,contract-*'}", "--quiet", *tail],
              cwd=e["directory"])
        f0.add([args.clang_tidy, f"--config={{Checks: '-*,{MINIMAL_TIDY_CHECK}'}}", "--quiet", *tail],
               cwd=e["directory"])
    rows["f"] = f
    rows["f0"] = f0
    rows["tus"] = len(entries)
    rows["has_cache"] = has_cache
    return rows


LABELS = [
    ("a", "(a) clang++-19 -fsyntax-only, serial"),
    ("b", "(b) contractcheck -j1, cold"),
    ("c", "(c) contractcheck -j2, cold"),
    ("d", "(d) contractcheck -j1, warm, no change"),
    ("e", "(e) contractcheck -j1, one header changed"),
    ("n", "(n) contractcheck -j1, no store, --shared-headers=never"),
    ("f", "(f) clang-tidy-19 -load module, contract-*"),
    ("f0", f"(f0) clang-tidy-19, {MINIMAL_TIDY_CHECK} only"),
]


def ratio(x, y):
    return f"{x / y:.2f}" if x is not None and y else "n/a"


def report(name, rows):
    out = [f"### {name} ({rows['tus']} compile commands)", "",
           "| run | wall s | CPU s | peak RSS MB |", "|---|---:|---:|---:|"]
    for key, label in LABELS:
        r = rows.get(key)
        if r is None:
            out.append(f"| {label} | n/a | n/a | n/a |")
        else:
            out.append(f"| {label} | {r.wall:.1f} | {r.cpu:.1f} | {r.rss_kb / 1024:.0f} |")
    a, b, c, d, f, f0 = (rows.get(k) for k in ("a", "b", "c", "d", "f", "f0"))

    def both(x, y, target):
        if not x or not y:
            return f"| n/a | n/a | {target} |"
        return f"| {ratio(x.wall, y.wall)} | {ratio(x.cpu, y.cpu)} | {target} |"
    out += ["", "| ratio | wall | CPU | target |", "|---|---:|---:|---|",
            "| b/a " + both(b, a, "<= 0.6"),
            "| c/b " + both(c, b, "<= 0.55 (wall)"),
            "| d/b " + both(d, b, "<= 0.02"),
            "| f/f0 " + both(f, f0, "<= 1.1"),
            "| f/a " + both(f, a, "")]
    if rows.get("e_info"):
        header, users, reference = rows["e_info"]
        e = rows["e"]
        out.append(f"| e vs parse of the {users} TUs including {header} | | "
                   f"{ratio(e.cpu, reference)} | ~1 |")
    if rows["largest"]:
        file, clang_rss, cc_rss = rows["largest"]
        out += ["", f"Largest TU by clang's peak RSS: {file}: clang {clang_rss / 1024:.0f} MB, "
                    f"contractcheck -j1 on it alone {cc_rss / 1024:.0f} MB, ratio {cc_rss / clang_rss:.2f} "
                    f"(target <= 1.2); the whole -j1 run (b) {b.rss_kb / 1024:.0f} MB, ratio "
                    f"{b.rss_kb / clang_rss:.2f} (target <= 1.2)."]
    if rows.get("startup") is not None and d:
        out += ["", f"Process start-up (`contractcheck --version`, least of 3): {rows['startup']:.3f} s CPU; "
                    f"(d) less start-up: {max(d.cpu - rows['startup'], 0):.3f} s CPU, "
                    f"{ratio(max(d.cpu - rows['startup'], 0), b.cpu)} of (b)."]
    out += ["", "Findings in every mode: " + rows["agree"]]
    if not rows["has_cache"]:
        out.append("(d) and (e): this contractcheck has no --cache-dir.")
    return "\n".join(out) + "\n"


def machine():
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = ""
    try:
        with open("/proc/meminfo") as f:
            mem = f"{int(f.readline().split()[1]) / 1024 / 1024:.0f} GB RAM"
    except OSError:
        pass
    load = os.getloadavg()
    return (f"{platform.node()}: {os.cpu_count()} cores ({cpu}), {mem}, {platform.system()} {platform.release()}; "
            f"load average at the end {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", action="append", help="see above; repeatable")
    ap.add_argument("--contractcheck", default=os.path.join(REPO, "build", "tool", "contractcheck"))
    ap.add_argument("--tidy-module", default=os.path.join(REPO, "build", "tool", "libcontractcheck-tidy.so"))
    ap.add_argument("--clang", default="clang++-19")
    ap.add_argument("--clang-c", default="clang-19")
    ap.add_argument("--clang-tidy", default="clang-tidy-19")
    ap.add_argument("--max-tus", type=int, default=0, help="only the first N compile commands of each corpus")
    ap.add_argument("--work-dir", help="where corpora are generated and configured (default: a temp dir)")
    ap.add_argument("--json", help="also write the measurements to this file")
    ap.add_argument("--skip", default="", help="columns not to measure, e.g. 'c,f' (f skips f0 too; "
                                               "a skips the largest-TU comparison too)")
    args = ap.parse_args()
    args.skip = set(filter(None, args.skip.split(",")))
    args.contractcheck = os.path.abspath(args.contractcheck)  # the runs' working directories vary
    args.tidy_module = os.path.abspath(args.tidy_module)
    for tool in (args.contractcheck, args.tidy_module):
        if not os.path.exists(tool):
            ap.error(f"{tool} does not exist: build contractcheck first")
    corpora = args.corpus or ["example", "synthetic:50", "synthetic:100", "synthetic:200"]
    work = args.work_dir or tempfile.mkdtemp(prefix="contractcheck-bench-")
    os.makedirs(work, exist_ok=True)
    results = {}
    for spec in corpora:
        prepared = prepare_corpus(spec, work)
        if not prepared:
            continue
        name, build, header = prepared
        build = limit_database(build, args.max_tus, os.path.join(work, f"{name}-first-{args.max_tus}"))
        rows = measure(name, build, header, args, work)
        results[name] = rows
        print(report(name, rows), flush=True)
    print(machine())
    if args.json:
        def plain(r):
            return {"wall": r.wall, "cpu": r.cpu, "rss_kb": r.rss_kb} if isinstance(r, Run) else r
        data = {n: {k: plain(v) for k, v in rows.items()} for n, rows in results.items()}
        data["machine"] = machine()
        tmp = args.json + ".tmp"
        with open(tmp, "w") as f:
            json.dump(data, f, indent=1)
        os.replace(tmp, args.json)


if __name__ == "__main__":
    sys.exit(main())
