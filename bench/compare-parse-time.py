#!/usr/bin/env python3
"""Serial contractcheck time vs. clang++-19 -fsyntax-only over the same TUs (docs/performance.md: <= 0.6x).

usage: bench/compare-parse-time.py BUILD_DIR [--contractcheck build/tool/contractcheck]
"""
import argparse, os, subprocess, sys, time

from compile_db import compile_entries, syntax_only_command

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("build_dir")
    ap.add_argument("--contractcheck", default=os.path.join(os.path.dirname(__file__), "..", "build", "tool", "contractcheck"))
    ap.add_argument("--clang", default="clang++-19")
    ap.add_argument("--clang-c", default="clang-19")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    entries = compile_entries(args.build_dir)

    def compiler_runs():
        for e in entries:
            subprocess.run(syntax_only_command(e, args.clang, args.clang_c), cwd=e["directory"],
                           check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    # Cold runs: the result store would make every repeat after the first a warm one.
    help_text = subprocess.run([args.contractcheck, "--help"], capture_output=True, text=True).stdout
    no_cache = ["--no-cache"] if "--no-cache" in help_text else []

    def ours():
        subprocess.run([args.contractcheck, "-p", args.build_dir, "-j", "1", "--quiet"] + no_cache,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)

    def best(fn):
        times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            fn()
            times.append(time.perf_counter() - start)
        return min(times)

    parse, analyse = best(compiler_runs), best(ours)
    print(f"{len(entries)} TUs: clang -fsyntax-only {parse:.2f}s, contractcheck -j1 {analyse:.2f}s, "
          f"ratio {analyse / parse:.2f} (target <= 0.6)")

if __name__ == "__main__":
    sys.exit(main())
