#!/usr/bin/env python3
"""CPU time of every TU alone, cold, against clang's parse of it: the TUs above 1.0x.

  bench/per-tu-cold.py [--contractcheck BIN] [--rounds 1] [--json OUT] BUILD_DIR [FILE ...]

For each TU of BUILD_DIR/compile_commands.json (the first entry of each file, the one
contractcheck analyses; default: every file), interleaved so that both see the same load:
  clang  `clang++-19 -fsyntax-only -w` with the TU's compile command (-c/-o dropped);
  cold   `contractcheck -p BUILD_DIR --no-cache --format json FILE`: a single-file run with no
         result store, so no stored prefix: it parses its system headers itself (one parse,
         deciding at the end whether the rules need the library's template instantiations).
CPU time is user + system of the process and its children (rusage). Prints one line per TU
(the median of --rounds, ratio cold/clang) sorted by ratio, the sums, and the TUs above 1.0x.
"""
import argparse, json, os, statistics

from compile_db import compile_entries, cpu_of, syntax_only_command

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--contractcheck", default=os.path.join(REPO, "build", "tool", "contractcheck"))
    ap.add_argument("--clang", default="clang++-19")
    ap.add_argument("--clang-c", default="clang-19")
    ap.add_argument("--rounds", type=int, default=1)
    ap.add_argument("--json", help="also write the measurements to this file")
    ap.add_argument("build_dir")
    ap.add_argument("files", nargs="*")
    args = ap.parse_args()
    first = {}
    for entry in compile_entries(args.build_dir):
        first.setdefault(entry["file"], entry)
    files = [os.path.normpath(os.path.abspath(f)) for f in args.files] or list(first)
    rows = []
    for file in files:
        entry = first[file]
        clang, cold, findings = [], [], None
        for _ in range(args.rounds):
            load = os.getloadavg()[0]
            cpu, _ = cpu_of(syntax_only_command(entry, args.clang, args.clang_c), cwd=entry["directory"])
            clang.append(cpu)
            cpu, proc = cpu_of([args.contractcheck, "-p", args.build_dir, "--no-cache", "--format",
                                "json", file])
            cold.append(cpu)
            try:
                report = json.loads(proc.stdout)
                findings = len(report.get("findings", []))
                state = "analysed" if not report.get("failures") else "failed"
            except ValueError:
                state = f"exit {proc.returncode}"
        row = {"file": file, "clang": statistics.median(clang), "cold": statistics.median(cold),
               "clang_runs": clang, "cold_runs": cold, "findings": findings, "state": state,
               "load": load}
        row["ratio"] = row["cold"] / row["clang"] if row["clang"] else float("inf")
        rows.append(row)
        print(f"{row['ratio']:5.2f}x  clang {row['clang']:6.2f} s  cold {row['cold']:6.2f} s  "
              f"load {load:5.1f}  {findings} findings, {state}  {os.path.relpath(file)}", flush=True)
    print("\nsorted by ratio:")
    for row in sorted(rows, key=lambda r: -r["ratio"]):
        print(f"{row['ratio']:5.2f}x  clang {row['clang']:6.2f} s  cold {row['cold']:6.2f} s  "
              f"{os.path.relpath(row['file'])}")
    total_clang, total_cold = sum(r["clang"] for r in rows), sum(r["cold"] for r in rows)
    print(f"\n{len(rows)} TUs: clang {total_clang:.1f} s, cold {total_cold:.1f} s, "
          f"{total_cold / total_clang:.2f}x; median ratio "
          f"{statistics.median(r['ratio'] for r in rows):.2f}x")
    above = [r for r in rows if r["ratio"] > 1.0]
    print(f"above 1.0x: {len(above)}" + "".join(f"\n  {r['ratio']:.2f}x {os.path.relpath(r['file'])}"
                                             for r in sorted(above, key=lambda r: -r["ratio"])))
    if args.json:
        with open(args.json, "w") as f:
            json.dump(rows, f, indent=1)


if __name__ == "__main__":
    main()
