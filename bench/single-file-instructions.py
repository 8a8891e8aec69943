#!/usr/bin/env python3
"""Instructions (callgrind) of a cold single-file run against clang's parse of the same file.

  bench/single-file-instructions.py [--contractcheck BIN] [--keep DIR] [--no-tu-timeout] BUILD_DIR FILE

Runs under `valgrind --tool=callgrind` (instructions do not move with the machine's load; a run
measured three times differs by under 100 instructions):
  clang  `clang++-19 -fsyntax-only -w` with FILE's compile command (-c/-o dropped), as
         bench/per-tu-cold.py runs it;
  cold   `contractcheck -p BUILD_DIR --no-cache --format json FILE`.
Prints both totals and the ratio. With --keep, the callgrind files (for callgrind_annotate
--inclusive=yes --tree=calling) and contractcheck's JSON report (to compare findings byte for
byte between two binaries) are left in DIR. --no-tu-timeout gives the cold run --tu-timeout=0: a
TU of some G instructions (gmock-all.cc) runs under callgrind for longer than the default 600 s
limit, which would abandon it (a one-file run of a TU that takes milliseconds: leave it out, so
the command is the one measured before).
"""
import argparse, os, re, subprocess, sys, tempfile

from compile_db import compile_entries, syntax_only_command

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def instructions(args, cwd, out):
    proc = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}"] + args,
                          cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    found = re.search(r"Collected : (\d+)", proc.stderr)
    if not found:
        sys.exit(f"no callgrind total for {args[0]}:\n{proc.stderr[-2000:]}")
    return int(found.group(1)), proc.stdout


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--contractcheck", default=os.path.join(REPO, "build", "tool", "contractcheck"))
    ap.add_argument("--keep", help="leave the callgrind files and the report here")
    ap.add_argument("--no-tu-timeout", action="store_true", help="give the cold run --tu-timeout=0")
    ap.add_argument("build_dir")
    ap.add_argument("file")
    args = ap.parse_args()
    file = os.path.normpath(os.path.abspath(args.file))
    entry = next((e for e in compile_entries(args.build_dir) if e["file"] == file), None)
    if entry is None:
        sys.exit(f"{file} is not in {args.build_dir}/compile_commands.json")
    keep = args.keep or tempfile.mkdtemp(prefix="single-file-instructions-")
    os.makedirs(keep, exist_ok=True)
    clang, _ = instructions(syntax_only_command(entry, "clang++-19", "clang-19"), entry["directory"],
                            os.path.join(keep, "clang.callgrind"))
    limit = ["--tu-timeout=0"] if args.no_tu_timeout else []
    cold, report = instructions([args.contractcheck, "-p", args.build_dir, "--no-cache", "--format",
                                 "json"] + limit + [file], None, os.path.join(keep, "cold.callgrind"))
    with open(os.path.join(keep, "report.json"), "w") as f:
        f.write(report)
    print(f"clang {clang / 1e6:9.3f} M\ncold  {cold / 1e6:9.3f} M ({cold / clang:.4f}x)")
    if not args.keep:
        for name in ("clang.callgrind", "cold.callgrind", "report.json"):
            os.remove(os.path.join(keep, name))
        os.rmdir(keep)


if __name__ == "__main__":
    main()
