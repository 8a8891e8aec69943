"""A compile database's entries as the benchmarks run them: each TU's file and its flags without
the output, dependency-file and main-file arguments, so clang++-19 -fsyntax-only (or clang-tidy
after `--`) can be given them once per TU."""
import json
import os
import resource
import shlex
import subprocess


def compile_entries(build_dir):
    """[{directory, file (absolute, normalised), flags, c}] of BUILD_DIR/compile_commands.json."""
    with open(os.path.join(build_dir, "compile_commands.json")) as f:
        entries = json.load(f)
    result = []
    for e in entries:
        argv = e.get("arguments") or shlex.split(e["command"])
        file = os.path.normpath(os.path.join(e["directory"], e["file"]))
        flags, skip = [], False
        for a in argv[1:]:
            if skip:
                skip = False
                continue
            if a in ("-o", "-MF", "-MT", "-MQ"):
                skip = True
                continue
            if a in ("-c", "-MD", "-MMD") or a.startswith("-o") and len(a) > 2 and not a.startswith("-objc"):
                continue
            if os.path.normpath(os.path.join(e["directory"], a)) == file:
                continue
            flags.append(a)
        is_c = file.endswith(".c") and "++" not in os.path.basename(argv[0])
        result.append({"directory": e["directory"], "file": file, "flags": flags, "c": is_c})
    return result


def syntax_only_command(entry, clang, clang_c):
    """The compiler's parse of ENTRY's TU alone, warnings off."""
    return [clang_c if entry["c"] else clang, "-fsyntax-only", "-w", *entry["flags"], entry["file"]]


def cpu_of(args, cwd=None):
    """(CPU seconds, user + system of ARGS' process and its children; the completed process)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.run(args, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                          errors="replace")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), proc
