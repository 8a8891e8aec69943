#!/usr/bin/env python3
"""Re-runs contractcheck on the judged precision corpus and diffs against the judged findings.

usage:
  bench/precision.py run --checkouts DIR [--project NAME]... [--tool PATH] [--no-setup]
                         [--out DIR] [--record]
  bench/precision.py --markdown [FILE]          (tables of docs/precision.md, from the JSON files)
  bench/precision.py compdb-from-make DIR       (stdin: `make -n` output; writes DIR/compile_commands.json)

The corpus is bench/precision/<project>.json, one file per project (format: the header of
docs/precision.md). No fetched code is committed: `run` expects each project checked out as
DIR/<project> (a clone of github.com/<repo>, fetched by you); it checks out the judged commit
(refusing a dirty tree), runs the file's "setup" commands in the checkout with $SRC (the
checkout) and $BUILD ($SRC/build-precision unless the setup says otherwise through the
"build_dir" key, relative to $SRC) in the environment, writes the file's "config" to
$SRC/.contractcheck.yaml when it is not empty, runs (on the files under the "only" path
prefixes when the project has them, else on the whole database) `contractcheck -p $BUILD -j1 --no-cache
--format json` (with --text, the text report too, from a second run) into --out, and compares the findings with
"judged" by rule + file (relative to the checkout) + line + message:

  gone   a judged finding the tool no longer reports (a fix, or a lost true finding)
  new    a finding nobody judged yet (judge it: add it to "judged")

A project judged with the tool of the session that writes the tables carries "current": true;
its judged findings are its current ones in the 'Now' table. Findings that an earlier re-run
("after_merge" or "rerun") brought and that were judged there keep their verdict and reason in
the next --record (--scope says what the re-run covered when not the whole database).

With --record the comparison is written into the project's JSON as "rerun" (the contractcheck
commit, the findings that appeared and disappeared), so a later reader sees what a rule change
did to the judged corpus. Exit status: 0 when nothing differs, 1 when something does, 2 on a
setup or tool failure.

--markdown writes, between the markers <!-- precision:begin --> and <!-- precision:end --> of
FILE (default docs/precision.md), one table per kind of project and the totals: project, commit,
TUs, findings per rule, true / wrong / debatable / unjudged, precision (true / (true + wrong + debatable)),
historical drifts found / missed. Every JSON file present is included, whoever judged it.
"""
import argparse
import glob
import json
import os
import re
import random
import shlex
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
CORPUS = os.path.join(HERE, "precision")
BEGIN = "<!-- precision:begin -->"
END = "<!-- precision:end -->"
VERDICTS = ("true", "wrong", "debatable", "unjudged")
KIND_ORDER = ("qt-app", "gmock-suite", "protobuf", "nlohmann-magic-enum", "enum-heavy")


def load_projects(names=None):
    projects = []
    for path in sorted(glob.glob(os.path.join(CORPUS, "*.json"))):
        with open(path) as f:
            data = json.load(f)
        data["_path"] = path
        if names and data["project"] not in names:
            continue
        projects.append(data)
    return projects


def key(finding):
    return (finding["rule"], finding["file"], int(finding["line"]), finding["message"])


def relative_findings(report, src):
    """The report's findings as {rule, file (relative to src when inside it), line, message}."""
    src = os.path.realpath(src) + os.sep
    out = []
    for f in report.get("findings", []):
        path = os.path.realpath(f["location"]["file"])
        if path.startswith(src):
            path = path[len(src):]
        out.append({"rule": f["rule"], "file": path, "line": f["location"]["line"],
                    "message": f["message"]})
    return out


def git(src, *args):
    return subprocess.run(["git", "-C", src, *args], check=True, capture_output=True,
                          text=True).stdout.strip()


def run_project(project, args):
    src = os.path.abspath(os.path.join(args.checkouts, project["project"]))
    if not os.path.isdir(os.path.join(src, ".git")):
        print(f"{project['project']}: no checkout at {src} (git clone https://github.com/"
              f"{project['repo']} {src})", file=sys.stderr)
        return 2
    head = git(src, "rev-parse", "HEAD")
    if head != project["commit"]:
        if git(src, "status", "--porcelain", "--untracked-files=no"):
            print(f"{project['project']}: {src} has local changes; not checking out "
                  f"{project['commit']}", file=sys.stderr)
            return 2
        git(src, "checkout", "-q", project["commit"])
    build = os.path.join(src, project.get("build_dir", "build-precision"))
    env = dict(os.environ, SRC=src, BUILD=build, BENCH=HERE)
    if project.get("config"):
        with open(os.path.join(src, ".contractcheck.yaml"), "w") as f:
            f.write(project["config"])
    if not args.no_setup:
        for command in project.get("setup", []):
            print(f"{project['project']}$ {command}", file=sys.stderr)
            if subprocess.run(command, shell=True, cwd=src, env=env).returncode != 0:
                print(f"{project['project']}: setup failed: {command}", file=sys.stderr)
                return 2
    os.makedirs(args.out, exist_ok=True)
    json_out = os.path.join(args.out, project["project"] + ".json")
    text_out = os.path.join(args.out, project["project"] + ".txt")
    base = ["nice", args.tool, "-p", build, "-j1", "--no-cache"]
    if project.get("only"):
        # A documented subset of the database (the project's "tus_note" says why).
        with open(os.path.join(build, "compile_commands.json")) as f:
            files = sorted({os.path.normpath(os.path.join(e["directory"], e["file"])) for e in json.load(f)})
        prefixes = [os.path.join(src, p) for p in project["only"]]
        base += [f for f in files if any(f.startswith(p) for p in prefixes)]
    if args.report:
        with open(args.report) as f:
            return compare(project, json.load(f), src, args)
    formats = [("json", json_out)] + ([("text", text_out)] if args.text else [])
    for fmt, out in formats:
        status = subprocess.run(base + ["--format", fmt, "--output", out], cwd=src).returncode
        if status not in (0, 1, 3):  # 3: some TUs not analysed, the report is still complete
            print(f"{project['project']}: contractcheck exited {status}", file=sys.stderr)
            return 2
    with open(json_out) as f:
        report = json.load(f)
    return compare(project, report, src, args)


def compare(project, report, src, args):
    current = relative_findings(report, src)
    judged = {key(j): j for j in project.get("judged", [])}
    now = {key(f): f for f in current}
    gone = [judged[k] for k in sorted(judged) if k not in now]
    new = [now[k] for k in sorted(now) if k not in judged]
    # A finding that appeared in an earlier re-run and was judged there keeps its verdict:
    # judged once, it is not "unjudged" again because the tool changed elsewhere.
    earlier = {}
    for previous in (project.get("after_merge"), project.get("rerun")):
        for f in (previous or {}).get("new", []):
            if f.get("verdict"):
                earlier[key(f)] = f
    new = [dict(f, **{k: earlier[key(f)][k] for k in ("verdict", "reason")
                      if k in earlier[key(f)]}) if key(f) in earlier else f for f in new]
    summary = report.get("summary", {})
    print(f"{project['project']}: {summary.get('analyzed')} of {summary.get('translation_units')}"
          f" TUs analysed, {len(current)} findings; {len(gone)} gone, {len(new)} new")
    for j in gone:
        print(f"  gone [{j.get('verdict')}] {j['rule']} {j['file']}:{j['line']}: {j['message']}")
    for f in new:
        judged_earlier = f" [{f['verdict']}, judged in an earlier re-run]" if f.get("verdict") else ""
        print(f"  new{judged_earlier} {f['rule']} {f['file']}:{f['line']}: {f['message']}")
    if args.record:
        project["rerun"] = {
            "with": args.tool_commit,
            "tus": summary.get("translation_units"), "not_analysed": summary.get("failed"),
            "findings_per_rule": summary.get("by_rule", {}),
            "gone": [{k: j[k] for k in ("rule", "file", "line", "message", "verdict")
                      if k in j} for j in gone],
            "new": new,
        }
        if args.scope:
            project["rerun"]["rerun"] = args.scope
        path = project.pop("_path")
        with open(path, "w") as f:
            json.dump(project, f, indent=2)
            f.write("\n")
    return 1 if gone or new else 0


def compdb_from_make(directory):
    """A compile database from `make -n` output (qmake Makefiles), without compiling anything."""
    directory = os.path.abspath(directory)
    compilers = ("g++", "gcc", "c++", "cc", "clang++", "clang")
    entries = []
    # Automake prints one command over several lines (`depbase=...;\` then the compiler,
    # then `&&\ mv ...`): join continued lines and read each `;`/`&&` part as a command.
    text = sys.stdin.read().replace("\\\n", " ")
    # Automake names a source `test -f 'src/a.cc' || echo '../src/'`src/a.cc: in the build
    # directory if it is there, else in the source directory.
    text = re.sub(r"`test -f '([^']+)' \|\| echo '([^']*)'`(\S+)",
                  lambda m: m.group(3) if os.path.isfile(os.path.join(directory, m.group(1)))
                  else m.group(2) + m.group(3), text)
    for line in text.splitlines():
        try:
            lex = shlex.shlex(line.strip(), posix=True, punctuation_chars=";&|")
            lex.whitespace_split = True
            tokens = list(lex)
        except ValueError as e:
            print(f"skipped a line shlex cannot read ({e}): {line.strip()[:80]}", file=sys.stderr)
            continue
        commands, words = [], []
        for token in tokens:
            if token in (";", "&&", "||", "|", "&"):
                commands.append(words)
                words = []
            else:
                words.append(token)
        commands.append(words)
        for words in commands:
            compdb_entries(words, directory, compilers, entries)
    with open(os.path.join(directory, "compile_commands.json"), "w") as f:
        json.dump(entries, f, indent=1)
    print(f"{len(entries)} compile commands", file=sys.stderr)
    return 0 if entries else 2


def compdb_entries(words, directory, compilers, entries):
    """The compile database entries of one shell command, if it compiles."""
    if len(words) < 3 or os.path.basename(words[0]) not in compilers or "-c" not in words:
        return
    sources = [w for w in words[1:] if w.endswith((".cpp", ".cc", ".cxx", ".c"))
               and not w.startswith("-")]
    for source in sources:
        entries.append({"directory": directory, "arguments": words,
                        "file": os.path.normpath(os.path.join(directory, source))})


def counts(project):
    c = {v: 0 for v in VERDICTS}
    for j in project.get("judged", []):
        c[j.get("verdict", "unjudged")] = c.get(j.get("verdict", "unjudged"), 0) + 1
    return c


def precision(c):
    # As issue 17 counts it: a debatable finding counts against, as a user who switches the
    # tool off over it would count it; unjudged ones count on neither side.
    judged = c["true"] + c["wrong"] + c["debatable"]
    return f"{100.0 * c['true'] / judged:.0f} %" if judged else "n/a"


def history_counts(project):
    found = sum(1 for h in project.get("history", []) if h.get("found") is True)
    missed = sum(1 for h in project.get("history", []) if h.get("found") is False)
    other = len(project.get("history", [])) - found - missed
    return found, missed, other


def markdown(projects):
    lines = []
    kinds = [k for k in KIND_ORDER if any((p.get("kinds") or ["other"])[0] == k for p in projects)]
    for p in projects:
        k = (p.get("kinds") or ["other"])[0]
        if k not in kinds:
            kinds.append(k)
    total = {v: 0 for v in VERDICTS}
    by_rule_total = {}
    for kind in kinds:
        lines += [f"### {kind}", "",
                  "| Project | Commit | TUs (not analysed) | Findings per rule | True | Wrong | "
                  "Debatable | Unjudged | Precision | Drifts found / missed |",
                  "|---|---|---|---|---|---|---|---|---|---|"]
        for p in projects:
            if (p.get("kinds") or ["other"])[0] != kind:
                continue
            c = counts(p)
            for v in VERDICTS:
                total[v] += c[v]
            per_rule = ", ".join(f"{r.replace('contract-', '')} {n}"
                                 for r, n in sorted(p.get("findings_per_rule", {}).items()) if n)
            by_rule = {}
            for j in p.get("judged", []):
                r = by_rule.setdefault(j["rule"], {v: 0 for v in VERDICTS})
                r[j.get("verdict", "unjudged")] += 1
            for r, rc in by_rule.items():
                t = by_rule_total.setdefault(r, {v: 0 for v in VERDICTS})
                for v in VERDICTS:
                    t[v] += rc[v]
            found, missed, other = history_counts(p)
            drifts = f"{found} / {missed}" + (f" (+{other} out of reach)" if other else "")
            sampled = f" (sample of {p['sampled']}, seed {p.get('seed')})" if p.get("sampled") else ""
            lines.append(
                f"| [{p['project']}](https://github.com/{p['repo']}) | `{p['commit'][:10]}` | "
                f"{p.get('tus', '?')} ({p.get('not_analysed', 0)}) | {per_rule or 'none'} | "
                f"{c['true']} | {c['wrong']} | {c['debatable']} | {c['unjudged']}{sampled} | "
                f"{precision(c)} | {drifts} |")
        lines.append("")
    lines += ["### Per rule, all projects", "",
              "| Rule | True | Wrong | Debatable | Unjudged | Precision |", "|---|---|---|---|---|---|"]
    for r in sorted(by_rule_total):
        c = by_rule_total[r]
        lines.append(f"| {r} | {c['true']} | {c['wrong']} | {c['debatable']} | {c['unjudged']} | "
                     f"{precision(c)} |")
    lines.append(f"| **all** | {total['true']} | {total['wrong']} | {total['debatable']} | "
                 f"{total['unjudged']} | {precision(total)} |")
    lines.append("")
    reruns = [p for p in projects if p.get("rerun")]
    if reruns:
        lines += ["### Re-runs against the judged findings", "",
                  "| Project | contractcheck | TUs not analysed (judged, re-run) | Findings gone (their verdicts) | Findings new |",
                  "|---|---|---|---|---|"]
        for p in reruns:
            r = p["rerun"]
            verdicts = {}
            for g in r.get("gone", []):
                verdicts[g.get("verdict", "?")] = verdicts.get(g.get("verdict", "?"), 0) + 1
            v = ", ".join(f"{n} {k}" for k, n in sorted(verdicts.items()))
            lines.append(f"| {p['project']} | `{r.get('with', '?')[:10]}` | "
                         f"{p.get('not_analysed', 0)}, {r.get('not_analysed', '?')} | {len(r.get('gone', []))}"
                         f"{' (' + v + ')' if v else ''} | {len(r.get('new', []))} |")
        lines.append("")
    lines += current_table(projects)
    return "\n".join(lines)


def current_findings(project):
    """The judged findings as the latest re-run left them: gone ones dropped, new ones (with
    their verdicts) added. None when the project was not re-run."""
    rerun = project.get("rerun") or project.get("after_merge")
    if not rerun:
        # Judged with the tool of this session already: the judged findings are the current ones.
        return list(project.get("judged", [])) if project.get("current") else None
    key = lambda f: (f.get("rule"), f.get("file"), f.get("line"), f.get("message"))
    gone = {key(g) for g in rerun.get("gone", [])}
    return [f for f in project.get("judged", []) if key(f) not in gone] + rerun.get("new", [])


def current_table(projects):
    lines = ["### Now: after this session's rule fixes (judged findings minus those gone, plus new ones)", "",
             "| Project | Re-run | True | Wrong | Debatable | Unjudged | Precision |",
             "|---|---|---|---|---|---|---|"]
    total = {v: 0 for v in VERDICTS}
    for p in projects:
        found = current_findings(p)
        if found is None:
            continue
        c = {v: 0 for v in VERDICTS}
        for f in found:
            c[f.get("verdict", "unjudged")] = c.get(f.get("verdict", "unjudged"), 0) + 1
        for v in VERDICTS:
            total[v] += c[v]
        rerun = p.get("rerun") or p.get("after_merge") or {"rerun": "the judged run"}
        scope = rerun.get("rerun", "whole corpus") if isinstance(rerun.get("rerun"), str) else "whole corpus"
        lines.append(f"| {p['project']} | {scope} | {c['true']} | {c['wrong']} | {c['debatable']} | "
                     f"{c['unjudged']} | {precision(c)} |")
    lines.append(f"| **all** | | {total['true']} | {total['wrong']} | {total['debatable']} | "
                 f"{total['unjudged']} | {precision(total)} |")
    lines.append("")
    return lines


def write_markdown(target):
    table = markdown(load_projects())
    text = open(target).read() if os.path.exists(target) else f"{BEGIN}\n{END}\n"
    if BEGIN not in text or END not in text:
        text += f"\n{BEGIN}\n{END}\n"
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    with open(target, "w") as f:
        f.write(f"{head}{BEGIN}\n{table}\n{END}{tail}")
    print(f"wrote {target}", file=sys.stderr)
    return 0


def sample(findings, n, seed):
    """The findings to judge when there are more than n: a fixed random sample."""
    rng = random.Random(seed)
    return sorted(rng.sample(range(len(findings)), n)) if len(findings) > n else list(
        range(len(findings)))


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "compdb-from-make":
        return compdb_from_make(sys.argv[2] if len(sys.argv) > 2 else ".")
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", nargs="?", choices=["run"], help="run: re-run and diff")
    parser.add_argument("--markdown", nargs="?", const=os.path.join(REPO, "docs", "precision.md"),
                        help="write the tables into FILE (default docs/precision.md)")
    parser.add_argument("--checkouts", help="directory holding one checkout per project")
    parser.add_argument("--project", action="append", help="only this project (repeatable)")
    parser.add_argument("--tool", default=os.path.join(REPO, "build", "tool", "contractcheck"))
    parser.add_argument("--no-setup", action="store_true", help="the builds are already set up")
    parser.add_argument("--out", default=os.path.join(REPO, "build", "precision"),
                        help="where the reports go (default build/precision)")
    parser.add_argument("--report", help="with one --project: compare this existing JSON report "
                        "instead of running contractcheck")
    parser.add_argument("--text", action="store_true",
                        help="also write the text report (a second run of contractcheck)")
    parser.add_argument("--scope", help="with --record: what the re-run covered, when not the "
                        "whole database (shown in the 'Now' table)")
    parser.add_argument("--record", action="store_true",
                        help="write the diff into each project's JSON as \"rerun\"")
    args = parser.parse_args()
    if args.markdown:
        return write_markdown(args.markdown)
    if args.command != "run" or not args.checkouts:
        parser.error("run --checkouts DIR, or --markdown")
    args.tool = os.path.abspath(args.tool)
    # The tool's commit is taken once, before the runs: HEAD may move while they last.
    args.tool_commit = subprocess.run(["git", "-C", REPO, "rev-parse", "HEAD"], capture_output=True,
                                      text=True).stdout.strip()
    status = 0
    for project in load_projects(args.project):
        status = max(status, run_project(project, args))
    return status


if __name__ == "__main__":
    sys.exit(main())
