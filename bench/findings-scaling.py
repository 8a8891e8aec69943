#!/usr/bin/env python3
"""Reporting cost against the number of findings: one TU, one enum bound to a YAML list of N
members that have no enumerator, so every member is a finding. Run time must grow linearly with
N (it was quadratic: 25,000/50,000/100,000 findings took 10/43/147 s, against 0.3 s with none).

    bench/findings-scaling.py BUILD/tool/contractcheck [--sizes 25000,50000,100000] [--format json]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time


def make_project(root, members):
    os.makedirs(os.path.join(root, "api"), exist_ok=True)
    os.makedirs(os.path.join(root, "build"), exist_ok=True)
    with open(os.path.join(root, "channel.h"), "w") as f:
        f.write("#pragma once\nnamespace shop {\nenum class Channel { Web };\n}\n")
    source = os.path.join(root, "router.cpp")
    with open(source, "w") as f:
        f.write('#include "channel.h"\nint w(shop::Channel C) { return C == shop::Channel::Web; }\n')
    with open(os.path.join(root, "api", "members.yaml"), "w") as f:
        f.write("- web\n" + "".join(f"- member_{i}\n" for i in range(members)))
    with open(os.path.join(root, ".contractcheck.yaml"), "w") as f:
        f.write("version: 1\nrules:\n  contract-schema-sync:\n    bindings:\n"
                "      - enum: shop::Channel\n        file: api/members.yaml\n"
                "        at: \"\"\n        names: snake_case\n")
    with open(os.path.join(root, "build", "compile_commands.json"), "w") as f:
        json.dump([{"directory": root, "file": source,
                    "arguments": ["clang++", "-std=c++20", "-c", source]}], f)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("contractcheck")
    parser.add_argument("--sizes", default="25000,50000,100000")
    parser.add_argument("--format", default="json", choices=["text", "json", "sarif", "codeclimate"])
    args = parser.parse_args()
    rows = []
    for n in [int(s) for s in args.sizes.split(",")]:
        with tempfile.TemporaryDirectory() as root:
            make_project(root, n)
            report = os.path.join(root, "report")
            command = [args.contractcheck, "-p", os.path.join(root, "build"), "--no-cache",
                       "--quiet", "--format", args.format, "--output", report]
            start = time.monotonic()
            result = subprocess.run(command, capture_output=True, text=True)
            seconds = time.monotonic() - start
            if result.returncode != 1:
                sys.exit(f"exit {result.returncode} for {n} members:\n{result.stderr}")
            if args.format == "json":
                found = len(json.load(open(report))["findings"])
                if found != n:
                    sys.exit(f"{found} findings for {n} members")
            rows.append((n, seconds))
            print(f"{n:>8} findings  {seconds:7.2f} s  {seconds / n * 1e6:7.1f} us/finding", flush=True)
    if len(rows) > 1:
        (n0, t0), (n1, t1) = rows[0], rows[-1]
        print(f"time ratio {t1 / t0:.2f} for a size ratio of {n1 / n0:.2f} (linear: about equal)")


if __name__ == "__main__":
    main()
