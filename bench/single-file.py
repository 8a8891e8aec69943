#!/usr/bin/env python3
"""CPU time of a single-file run (the pre-commit hook on one .cpp), first and second time,
against clang's parse of that file.

  bench/single-file.py [--contractcheck BIN] [--runs 3] BUILD_DIR [FILE ...]

For each FILE (default: every TU of BUILD_DIR/compile_commands.json), measures
  clang      `clang++-19 -fsyntax-only` with the file's compile command (-c/-o dropped);
  never      `contractcheck -p BUILD_DIR --cache-dir S --shared-headers=never FILE`: a direct
             parse, library bodies skipped, no prefix;
  first      `contractcheck -p BUILD_DIR --cache-dir S FILE` with nothing of the TU's headers
             stored: it scans the TU and stores the scan, parses the TU directly, reports, and
             leaves its prefix to a builder process it starts (engine/PrefixBuilder.h; a binary
             from before that builds, stores and loads the prefix in the run);
  builder    the CPU time of that builder, which the user does not wait for (this script is its
             subreaper, so it is waited for and counted here), and first's wall time;
  second     the same run again, once the builder is done: the stored scan and prefix are loaded.
Before each contractcheck run the TU's own result is made stale, so the TU is parsed every time:
with --edit by appending a comment line to FILE (restored at the end; use it on a copy), as a
real edit does; else by removing its result from the store S (and the store's run summaries,
which hold a second copy of it: the other TUs' facts are then read from their own entries), which
also loses the stale result's hint that the TU needs template bodies, so a TU that does finds it
out again (slower than after a real edit). The other TUs' results (their facts for the global rules) were stored
by one whole run first, as a hook finds them. CPU time is user + system of the process and
its children; each figure is the median of --runs runs (min-max in brackets).
"""
import argparse, ctypes, json, os, resource, shutil, statistics, subprocess, sys, tempfile, time

from compile_db import compile_entries, cpu_of, syntax_only_command

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


PR_SET_CHILD_SUBREAPER = 36


def become_subreaper():
    """The builder a run leaves behind is re-parented to this process when the run exits, so its
    CPU time can be waited for and counted."""
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
        sys.exit("cannot become a subreaper (prctl)")


def reap_builders():
    """CPU seconds of the builders the last run left (0 when there were none), waited for."""
    cpu = 0.0
    while True:
        try:
            _, _, usage = os.wait4(-1, 0)
        except ChildProcessError:
            return cpu
        cpu += usage.ru_utime + usage.ru_stime


def drop_result(store, source):
    """Removes the stored result of the TU `source` (paths in entries are ${project}/... or
    ${directory}/... relative, or absolute), and the run summaries (engine/StoredRun.h), which
    hold a second copy of every TU's result and would otherwise answer the TU from the store."""
    shutil.rmtree(os.path.join(store, "runs"), ignore_errors=True)
    for shard in os.listdir(store):
        folder = os.path.join(store, shard)
        if len(shard) != 2 or not os.path.isdir(folder):
            continue
        for name in os.listdir(folder):
            if not name.endswith(".json"):
                continue
            path = os.path.join(folder, name)
            try:
                # An entry is a header line, then the outcome (store format 4).
                with open(path) as f:
                    f.readline()
                    stored = json.loads(f.read())["file"]
            except (OSError, ValueError, KeyError, TypeError):
                continue
            tail = stored.split("}", 1)[1] if stored.startswith("${") else stored
            if source.endswith(tail):
                os.remove(path)


def summary(values):
    return f"{statistics.median(values):.2f} s [{min(values):.2f}-{max(values):.2f}]"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--contractcheck", default=os.path.join(REPO, "build", "tool", "contractcheck"))
    ap.add_argument("--clang", default="clang++-19")
    ap.add_argument("--clang-c", default="clang-19")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--json", help="also write the measurements to this file")
    ap.add_argument("--edit", action="store_true", help="make a TU's result stale by editing it")
    ap.add_argument("build_dir")
    ap.add_argument("files", nargs="*")
    args = ap.parse_args()
    build = os.path.abspath(args.build_dir)
    entries = {e["file"]: e for e in compile_entries(build)}
    files = [os.path.abspath(f) for f in args.files] or sorted(entries)
    become_subreaper()
    store = tempfile.mkdtemp(prefix="single-file-store-")
    try:
        # The other TUs' results, as a hook finds them.
        subprocess.run([args.contractcheck, "-p", build, "--cache-dir", store, "--quiet", "-j2"],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        reap_builders()
        results = []
        print(f"{'file':32} {'clang':>20} {'never':>20} {'first':>20} {'first wall':>20} "
              f"{'builder':>20} {'second':>20}  never/c first/c second/c")
        for path in files:
            entry = entries[path]
            clang = [cpu_of(syntax_only_command(entry, args.clang, args.clang_c), entry["directory"])[0]
                     for _ in range(args.runs)]
            run = [args.contractcheck, "-p", build, "--cache-dir", store, path]
            never, first, first_wall, builder, second, loaded = [], [], [], [], [], True
            with open(path, "rb") as f:
                original = f.read()
            edits = 0

            def stale():
                nonlocal edits
                if not args.edit:
                    drop_result(store, path)
                    return
                edits += 1
                with open(path, "ab") as f:
                    f.write(b"// single-file.py edit %d\n" % edits)

            try:
                for _ in range(args.runs):
                    # Nothing of the TU's headers stored: neither its prefix nor its scan.
                    for kept in ("prefixes", "scans"):
                        shutil.rmtree(os.path.join(store, kept), ignore_errors=True)
                    stale()
                    never.append(cpu_of(run[:-1] + ["--shared-headers=never", path])[0])
                    stale()
                    start = time.monotonic()
                    first.append(cpu_of(run)[0])
                    first_wall.append(time.monotonic() - start)
                    builder.append(reap_builders())
                    stale()
                    cpu, proc = cpu_of(run)
                    second.append(cpu)
                    loaded = loaded and "precompiled in the result store" in proc.stderr
            finally:
                if args.edit:
                    with open(path, "wb") as f:
                        f.write(original)
            c, n, f1, f2 = (statistics.median(v) for v in (clang, never, first, second))
            name = os.path.relpath(path, os.path.commonpath(files) if len(files) > 1 else os.path.dirname(path))
            print(f"{name:32} {summary(clang):>20} {summary(never):>20} {summary(first):>20} "
                  f"{summary(first_wall):>20} {summary(builder):>20} {summary(second):>20}  "
                  f"{n / c:7.2f} {f1 / c:7.2f} {f2 / c:8.2f}{'' if loaded else '  (prefix not loaded)'}")
            results.append({"file": path, "clang": clang, "never": never, "first": first,
                            "first_wall": first_wall, "builder": builder, "second": second,
                            "loaded": loaded})
        if args.json:
            tmp = args.json + ".tmp"
            with open(tmp, "w") as f:
                json.dump(results, f, indent=1)
            os.replace(tmp, args.json)
    finally:
        shutil.rmtree(store, ignore_errors=True)


if __name__ == "__main__":
    main()
