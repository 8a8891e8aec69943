#!/usr/bin/env python3
"""bazel/defs.bzl under Debian 12's own Bazel (bazel-bootstrap 4.2.3), offline.

Builds examples/ as a Bazel workspace in the linux-sandbox: the aspect's findings must equal the
CLI's on the same code, and its actions must be cached like any build action: after `bazel clean`
every action is a --disk_cache hit, and a hit of an HTTP remote cache (nginx's WebDAV on
127.0.0.1); an edited header re-runs only the TUs that include it; a second checkout at another
path hits the same cache.

    bazel_test.py --contractcheck BIN --source-dir REPO --work-dir DIR

Exit 77 (skipped) when bazel or nginx is not installed (scripts/setup.sh installs both).
"""

import argparse
import glob
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time

EXTRACT = "ContractcheckExtract"
CHECK = "ContractcheckCheck"
FINDING = re.compile(r"^(\S+):(\d+):(\d+): (error|warning|note): (.*)$")


class Failure(Exception):
    pass


def expect(condition, message):
    if not condition:
        raise Failure(message)


def run(command, cwd=None, env=None, check=True):
    result = subprocess.run(command, cwd=cwd, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    if check and result.returncode != 0:
        raise Failure("%s exited with %d:\n%s%s" % (" ".join(command), result.returncode,
                                                     result.stdout, result.stderr[-6000:]))
    return result


def make_workspace(source_dir, path):
    """examples/ with contractcheck's rules as //bazel, and Debian's three packaging gaps."""
    shutil.rmtree(path, ignore_errors=True)
    shutil.copytree(os.path.join(source_dir, "examples"), path)
    shutil.copytree(os.path.join(source_dir, "bazel"), os.path.join(path, "bazel"))
    debian = os.path.join(path, "debian")
    # Debian's rules_cc 0.0.4 calls use_cpp_toolchain(), which its Bazel 4.2.3 lacks: a copy
    # with the toolchain type it returns.
    rules_cc = os.path.join(debian, "rules_cc")
    shutil.copytree("/usr/share/bazel/rules/cc", rules_cc)
    for bzl in glob.glob(os.path.join(rules_cc, "cc/private/rules_impl/*.bzl")):
        with open(bzl) as f:
            text = f.read()
        text = text.replace(', "use_cpp_toolchain")', ")").replace(
            "toolchains = use_cpp_toolchain(),",
            'toolchains = ["@bazel_tools//tools/cpp:toolchain_type"],')
        os.chmod(bzl, 0o644)
        with open(bzl, "w") as f:
            f.write(text)
    # cc_test's implicit coverage tools, which Bazel would download.
    coverage = os.path.join(debian, "remote_coverage_tools")
    os.makedirs(coverage)
    open(os.path.join(coverage, "WORKSPACE"), "w").close()
    with open(os.path.join(coverage, "BUILD"), "w") as f:
        for name in ["coverage_output_generator", "coverage_report_generator", "lcov_merger"]:
            f.write('filegroup(name = "%s", visibility = ["//visibility:public"])\n' % name)
    with open(os.path.join(path, "WORKSPACE.bazel"), "a") as f:
        f.write('\nlocal_repository(name = "rules_cc", path = "debian/rules_cc")\n'
                'local_repository(name = "rules_java", path = "/usr/share/bazel/rules/java")\n'
                'local_repository(name = "remote_coverage_tools", '
                'path = "debian/remote_coverage_tools")\n')
    with open(os.path.join(path, ".bazelignore"), "w") as f:
        f.write("debian\n")
    os.remove(os.path.join(path, "CMakeLists.txt"))


class Bazel:
    def __init__(self, workspace, output_root, contractcheck, logs):
        self.workspace = workspace
        self.output_root = output_root
        self.contractcheck = contractcheck
        self.logs = logs
        self.runs = 0

    def __call__(self, *args, expect_exit=0):
        """Runs a build command; returns (exit code, spawns of the execution log, stderr)."""
        self.runs += 1
        log = os.path.join(self.logs, "exec-%d.json" % self.runs)
        command = ["bazel", "--output_user_root=" + self.output_root, "--max_idle_secs=120"]
        command += list(args[:1]) + [
            # clang-19's toolchain (local_config_cc from $CC): contractcheck parses with Clang.
            "--repo_env=CC=clang-19",
            "--repo_env=CONTRACTCHECK=" + self.contractcheck,
            "--spawn_strategy=linux-sandbox",
            "--execution_log_json_file=" + log,
            "--color=no", "--curses=no", "--noshow_progress",
        ] + list(args[1:])
        env = dict(os.environ, HOME=self.output_root)
        result = subprocess.run(command, cwd=self.workspace, env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
        if expect_exit is not None and result.returncode != expect_exit:
            raise Failure("%s exited with %d, not %d:\n%s" % (
                " ".join(command), result.returncode, expect_exit, result.stderr[-8000:]))
        return result.returncode, spawns_of(log), result.stderr

    def clean(self):
        run(["bazel", "--output_user_root=" + self.output_root, "clean"], cwd=self.workspace,
            env=dict(os.environ, HOME=self.output_root))

    def shutdown(self):
        run(["bazel", "--output_user_root=" + self.output_root, "shutdown"], cwd=self.workspace,
            env=dict(os.environ, HOME=self.output_root), check=False)


def spawns_of(log):
    """The execution log's spawns: a stream of JSON objects."""
    if not os.path.exists(log):
        return []
    with open(log) as f:
        text = f.read()
    decoder = json.JSONDecoder()
    spawns, at = [], 0
    while True:
        while at < len(text) and text[at].isspace():
            at += 1
        if at >= len(text):
            return spawns
        spawn, at = decoder.raw_decode(text, at)
        spawns.append(spawn)


def ours(spawns, mnemonic=None):
    return [s for s in spawns if s.get("mnemonic") in ([mnemonic] if mnemonic else [EXTRACT, CHECK])]


def executed(spawns):
    """Spawns that ran: neither a remote/disk cache hit. (Action cache hits are not spawns.)"""
    return [s for s in spawns if not s.get("remoteCacheHit")]


def source_of(spawn):
    """The TU an extract spawn analysed: its progress message names it."""
    return spawn.get("progressMessage", "").rsplit(" ", 1)[-1]


def findings(text):
    """The report's diagnostics as (file, line, col, level, message) lines, in order."""
    out = []
    for line in text.splitlines():
        m = FINDING.match(line)
        if m:
            out.append(line)
    return out


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_webdav_cache(directory):
    """nginx serving `directory` over HTTP with PUT: what Bazel's --remote_cache=http:// needs."""
    os.makedirs(os.path.join(directory, "cache"))
    os.makedirs(os.path.join(directory, "tmp"))
    # Started by root, its workers run as nobody, who may not reach a directory under a 0700 one
    # (mktemp -d's, as in .ci/run): they would answer every PUT with 500, and Bazel 4 then
    # skips the disk cache too. Under root they run as root; otherwise as the caller.
    user = "user root;\n" if os.geteuid() == 0 else ""
    port = free_port()
    config = os.path.join(directory, "nginx.conf")
    with open(config, "w") as f:
        f.write(user + """daemon off;
pid {d}/nginx.pid;
error_log {d}/error.log;
events {{}}
http {{
  access_log {d}/access.log;
  client_body_temp_path {d}/tmp;
  proxy_temp_path {d}/tmp;
  fastcgi_temp_path {d}/tmp;
  uwsgi_temp_path {d}/tmp;
  scgi_temp_path {d}/tmp;
  server {{
    listen 127.0.0.1:{port};
    root {d}/cache;
    client_max_body_size 0;
    location / {{
      dav_methods PUT;
      create_full_put_path on;
      dav_access user:rw group:rw all:rw;
    }}
  }}
}}
""".format(d=directory, port=port))
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    process = subprocess.Popen([nginx, "-c", config, "-p", directory], stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    for _ in range(100):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return process, port
        except OSError:
            if process.poll() is not None:
                raise Failure("nginx did not start: " + process.stderr.read().decode())
            time.sleep(0.1)
    raise Failure("nginx did not listen on port %d" % port)


def cli_findings(source_dir, contractcheck, work):
    """The CLI's report on the same code: examples/ configured by CMake with clang++-19."""
    project = os.path.join(work, "cli")
    shutil.rmtree(project, ignore_errors=True)
    shutil.copytree(os.path.join(source_dir, "examples"), project)
    run(["cmake", "-S", project, "-B", os.path.join(project, "build"), "-G", "Ninja",
         "-DCMAKE_CXX_COMPILER=clang++-19"])
    result = run([contractcheck, "-p", "build", "--no-cache", "--quiet"], cwd=project, check=False)
    expect(result.returncode == 1, "the CLI exits 1 on the example's findings:\n" + result.stderr)
    return findings(result.stdout)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--contractcheck", required=True)
    parser.add_argument("--source-dir", required=True)
    parser.add_argument("--work-dir", required=True)
    a = parser.parse_args()
    if not shutil.which("bazel") or not (shutil.which("nginx") or os.path.exists("/usr/sbin/nginx")):
        print("skipped: bazel (bazel-bootstrap) or nginx (nginx-light) is not installed; "
              "scripts/setup.sh installs them")
        return 77
    contractcheck = os.path.abspath(a.contractcheck)
    source_dir = os.path.abspath(a.source_dir)
    work = os.path.abspath(a.work_dir)
    # The output base (an output_user_root under the build directory) is kept between runs:
    # Bazel's first start is slow. Everything else starts afresh.
    output_root = os.path.join(work, "output-root")
    for d in ["one", "two", "cache", "webdav", "logs", "cli"]:
        shutil.rmtree(os.path.join(work, d), ignore_errors=True)
    os.makedirs(os.path.join(work, "logs"))
    logs = os.path.join(work, "logs")
    one = os.path.join(work, "one")
    make_workspace(source_dir, one)
    bazel = Bazel(one, output_root, contractcheck, logs)
    aspect = ["--aspects=//bazel:defs.bzl%contractcheck_aspect", "--output_groups=contractcheck"]
    disk_cache = "--disk_cache=" + os.path.join(work, "cache")
    started = time.time()
    nginx = None
    try:
        nginx, port = start_webdav_cache(os.path.join(work, "webdav"))
        remote = "--remote_cache=http://127.0.0.1:%d" % port
        bazel.clean()
        # Cold: one extract per source, in the sandbox, into the disk cache and the HTTP cache.
        _, spawns, _ = bazel("build", "//...", disk_cache, remote, *aspect)
        extracts = ours(spawns, EXTRACT)
        sources = sorted(source_of(s) for s in extracts)
        expect(len(sources) == 8 and len(set(sources)) == 8,
               "one extract per source of the example: %s" % sources)
        expect(all(s.get("runner") == "linux-sandbox" for s in extracts),
               "extraction runs in the linux-sandbox: %s" % {s.get("runner") for s in extracts})
        expect(not [s for s in executed(extracts) if s.get("exitCode", 0)],
               "every extract succeeds")

        # The report fails the build on findings, keeps text and SARIF with --keep_going, and
        # has the CLI's findings on the same code, with paths relative to the workspace.
        _, spawns, stderr = bazel("build", "//:contractcheck", "--keep_going", disk_cache,
                                  remote, expect_exit=1)
        expect("contractcheck: findings" in stderr, "the gate says why it fails:\n" + stderr)
        expect(not executed(ours(spawns, EXTRACT)),
               "the report reuses the aspect's extraction: %s" % [source_of(s) for s in
                                                                   executed(ours(spawns, EXTRACT))])
        with open(os.path.join(one, "bazel-bin", "contractcheck.txt")) as f:
            report = f.read()
        with open(os.path.join(one, "bazel-bin", "contractcheck.sarif")) as f:
            sarif = json.load(f)
        bazel_findings = findings(report)
        expected = cli_findings(source_dir, contractcheck, work)
        expect(bazel_findings == expected,
               "the aspect's findings are the CLI's:\n--- bazel\n%s\n--- cli\n%s" % (
                   "\n".join(bazel_findings), "\n".join(expected)))
        errors = [f for f in bazel_findings if ": error: " in f]
        expect(len(sarif["runs"][0]["results"]) == len(errors), "the SARIF has every finding")
        text = json.dumps(sarif) + report
        expect("/proc/self/cwd" not in text and "sandbox" not in text and work not in text,
               "reports name workspace-relative paths only")

        # After `bazel clean`, every action of the aspect and the report is a disk cache hit.
        everything = ["//...", "//:contractcheck", "--output_groups=contractcheck,reports"]
        bazel("build", disk_cache, remote, *(everything + aspect[:1]))
        bazel.clean()
        _, spawns, _ = bazel("build", disk_cache, *(everything + aspect[:1]))
        expect(len(ours(spawns, EXTRACT)) == 8 and len(ours(spawns, CHECK)) == 1,
               "the rebuild after clean has every action: %d" % len(ours(spawns)))
        expect(not executed(spawns), "after clean, every action is a disk cache hit; ran: %s" %
               [s.get("mnemonic") + " " + s.get("progressMessage", "") for s in executed(spawns)])

        # The same through the HTTP remote cache alone, which the builds above filled.
        with open(os.path.join(work, "webdav", "access.log")) as f:
            puts = sum(1 for line in f if re.search(r'"PUT /cas/\S+ HTTP/[\d.]+" 2\d\d ', line))
        expect(puts >= 9, "the builds above stored their outputs in the HTTP cache: %d" % puts)
        bazel.clean()
        _, spawns, _ = bazel("build", remote, *(everything + aspect[:1]))
        expect(len(ours(spawns)) == 9 and not executed(spawns),
               "after clean, every action is a remote cache hit; ran: %s" %
               [s.get("mnemonic") + " " + s.get("progressMessage", "") for s in executed(spawns)])

        # An edited header re-runs only the TUs that read it (the depfile's unused inputs).
        header = "include/trading/venue.h"
        readers = []
        for depfile in glob.glob(os.path.join(one, "bazel-bin", "*.contractcheck", "*.d")):
            with open(depfile) as f:
                if os.path.join(os.path.realpath(one), header) in f.read():
                    name = os.path.basename(depfile)[:-2]
                    readers.append(next(s for s in sources if s.replace("/", "_") == name))
        expect(0 < len(readers) < len(sources), "%s is read by some TUs, not all: %s" %
               (header, readers))
        with open(os.path.join(one, header), "a") as f:
            f.write("// edited\n")
        _, spawns, _ = bazel("build", *aspect + ["//..."])
        rerun = sorted(source_of(s) for s in executed(ours(spawns, EXTRACT)))
        expect(rerun == sorted(readers),
               "an edit to %s re-extracts %s, not %s" % (header, sorted(readers), rerun))

        # A workspace without a configuration: the rules' defaults, the same in every sandbox.
        os.makedirs(os.path.join(one, "noconfig"))
        with open(os.path.join(one, "noconfig", "BUILD.bazel"), "w") as f:
            f.write('load("//bazel:defs.bzl", "contractcheck_report")\n'
                    'cc_library(name = "state", srcs = ["state.cc"])\n'
                    'contractcheck_report(name = "report", deps = [":state"])\n')
        with open(os.path.join(one, "noconfig", "state.cc"), "w") as f:
            f.write("enum class State { Open, Closed, Half, Shut };\n"
                    "int f(State s) { switch (s) { case State::Open: return 1; "
                    "case State::Closed: return 2; case State::Half: return 3; "
                    "default: return 0; } }\n")
        _, _, stderr = bazel("build", "//noconfig:report", "--//bazel:config=//bazel:no_config",
                             "--keep_going", expect_exit=1)
        with open(os.path.join(one, "bazel-bin", "noconfig", "report.txt")) as f:
            expect(findings(f.read())[:1] == [
                "noconfig/state.cc:2:18: error: switch on 'State' has a 'default' label that "
                "hides 1 unhandled enumerator: State::Shut [contract-switch-coverage]"], "without a configuration, the defaults:\n" + stderr)

        # A second checkout at another path (another execution root and output base) hits the
        # cache the first one filled.
        two = os.path.join(work, "two")
        make_workspace(source_dir, two)
        second = Bazel(two, output_root, contractcheck, logs)
        second.runs = 100
        second.clean()  # its output base may be a previous run's
        _, spawns, _ = second("build", disk_cache, *(everything + aspect[:1]))
        expect(len(ours(spawns)) == 9 and not executed(spawns),
               "a second checkout hits the first one's cache; ran: %s" %
               [s.get("mnemonic") + " " + s.get("progressMessage", "") for s in executed(spawns)])
        with open(os.path.join(two, "bazel-bin", "contractcheck.txt")) as f:
            expect(findings(f.read()) == bazel_findings, "and reports the same findings")

        # A check that runs in the second checkout over shards the cache gave it from the first
        # (a new report over the same deps: its extractions are cache hits, its check is not),
        # with the first checkout gone: what a parse read is stored relative to the checkout the
        # sandbox's inputs lead into, and validated against the second one's files.
        with open(os.path.join(two, "BUILD.bazel"), "a") as f:
            f.write('\ncontractcheck_report(name = "contractcheck_again", testonly = True, '
                    'deps = [":order_router", ":router_test"])\n')
        gone = one + ".gone"
        os.rename(one, gone)
        try:
            _, spawns, stderr = second("build", disk_cache, "//:contractcheck_again",
                                       "--keep_going", aspect[0], expect_exit=1)
        finally:
            os.rename(gone, one)
            second.shutdown()
        expect(not executed(ours(spawns, EXTRACT)) and len(executed(ours(spawns, CHECK))) == 1,
               "the new report's extractions are cache hits, its check runs; ran: %s" %
               [s.get("mnemonic") + " " + s.get("progressMessage", "") for s in executed(spawns)])
        expect("contractcheck: findings" in stderr and "not-extracted" not in stderr,
               "the first checkout's shards answer the second one's check:\n" + stderr)
        with open(os.path.join(two, "bazel-bin", "contractcheck_again.txt")) as f:
            expect(findings(f.read()) == bazel_findings, "with the same findings")
    except Failure as e:
        print("FAILED: %s" % e)
        return 1
    finally:
        if nginx:
            nginx.terminate()
            nginx.wait()
        bazel.shutdown()
    print("bazel test passed in %.0f s" % (time.time() - started))
    return 0


if __name__ == "__main__":
    sys.exit(main())
