#!/usr/bin/env python3
"""Serial contractcheck time vs. clang++-19 -fsyntax-only over the same TUs (docs/performance.md: <= 0.6x).

usage: bench/compare-parse-time.py BUILD_DIR [--contractcheck build/tool/contractcheck]
"""
import argparse, json, os, shlex, subprocess, sys, time

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("build_dir")
    ap.add_argument("--contractcheck", default=os.path.join(os.path.dirname(__file__), "..", "build", "tool", "contractcheck"))
    ap.add_argument("--clang", default="clang++-19")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    entries = json.load(open(os.path.join(args.build_dir, "compile_commands.json")))

    def compiler_runs():
        for e in entries:
            argv = e.get("arguments") or shlex.split(e["command"])
            cleaned, skip = [], False
            for a in argv[1:]:
                if skip:
                    skip = False
                    continue
                if a in ("-o", "-MF", "-MT", "-MQ"):
                    skip = True
                    continue
                if a in ("-c", "-MD", "-MMD"):
                    continue
                cleaned.append(a)
            subprocess.run([args.clang, "-fsyntax-only", "-w"] + cleaned, cwd=e["directory"], check=False,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

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
