#!/usr/bin/env python3
"""Writes a compile_commands.json for a directory of compiler test inputs.

Each file's flags come from its first lit `// RUN:` line that runs clang (`%clang_cc1`, `%clang`,
`%clangxx`): the language standard, -x, the target triple, -D/-U/-I/-include and the -f/-m
language switches; frontend-only flags are passed through -Xclang. A file without such a line is
compiled with clang's default standard for the host. What the test checks (-verify, -emit-llvm, FileCheck) is dropped:
only the parse matters here. Files under `Inputs/` directories are headers of other tests.

usage: make_compdb.py DIR OUT_DIR [EXCLUDE_REGEX]

EXCLUDE_REGEX (Python syntax, searched in each path) leaves files out, e.g. inputs on which
clang itself takes exponential time.
"""
import json
import os
import re
import shlex
import sys

SOURCE_EXTENSIONS = {".cpp": "c++", ".cc": "c++", ".cxx": "c++", ".C": "c++", ".mm": "objective-c++",
                     ".c": "c", ".m": "objective-c", ".h": None, ".hpp": None}
# Flags whose value is the next argument, dropped with it.
DROP_WITH_VALUE = {"-o", "-verify-ignore-unexpected", "-fmodule-file", "-main-file-name", "-fmodule-map-file",
                   "-aux-triple", "-ast-dump-filter", "-load", "-plugin", "-add-plugin", "-internal-isystem",
                   "-resource-dir", "-MF", "-MT", "-fmodule-name", "-mllvm", "-analyzer-checker",
                   "-analyzer-config", "-fmodules-cache-path", "-code-completion-at", "-isysroot", "-I", "-isystem",
                   "-include-pch", "-fmodule-name", "-dependency-file"}
# -f/-m flags that change what is read or written rather than the language: dropped.
DROP_PREFIXES = ("-fmodule", "-fprebuilt", "-fimplicit-module", "-fdiagnostics", "-fcolor", "-fno-color",
                 "-fcaret", "-fno-caret", "-fsyntax-only", "-fno-validate-pch", "-fallow-pch",
                 "-fcrash", "-fmessage-length", "-femit", "-fdump", "-fno-diagnostics", "-fcuda-is-device",
                 "-fopenmp-is-target", "-fopenmp-host-ir", "-fsycl-is-device", "-fexperimental-max-bitint",
                 "-fconstexpr-steps", "-ftemplate-depth", "-fconstexpr-depth", "-fspell-checking",
                 "-ferror-limit", "-ftime-trace", "-fno-recovery-ast", "-frecovery-ast", "-fcheck-new",
                 "-fprofile", "-fcoverage", "-fsanitize", "-fpch", "-fno-pch", "-fvisibility",
                 "-fapply-global-visibility", "-fno-rtti-data", "-fvalidate-ast", "-fclang-abi-compat",
                 "-fms-compatibility-version", "-fmax-tokens", "-fbracket-depth", "-fno-builtin-",
                 "-fstrict-flex", "-fobjc-runtime", "-fobjc-arc", "-fobjc", "-fno-objc", "-fgnuc-version")
# Frontend flags the driver also accepts: kept as they are.
DRIVER_FLAGS = {"-fms-extensions", "-fms-compatibility", "-fno-ms-compatibility", "-fdelayed-template-parsing",
                "-fno-delayed-template-parsing", "-fblocks", "-fno-rtti", "-fno-exceptions", "-fexceptions",
                "-fcxx-exceptions", "-fchar8_t", "-fno-char8_t", "-fsized-deallocation",
                "-fno-sized-deallocation", "-faligned-allocation", "-fno-aligned-allocation",
                "-fborland-extensions", "-fgnu-keywords", "-fno-gnu-keywords", "-fdeclspec", "-fno-declspec",
                "-fshort-wchar", "-fno-signed-char", "-funsigned-char", "-fsigned-char", "-fwrapv",
                "-ffreestanding", "-fno-builtin", "-fopenmp", "-fno-operator-names", "-fdollars-in-identifiers",
                "-fno-dollars-in-identifiers", "-fasm-blocks", "-fpascal-strings", "-fgnu89-inline",
                "-fno-threadsafe-statics", "-fzvector", "-fcoroutines", "-fno-elide-constructors",
                "-fexperimental-new-constant-interpreter", "-fno-signed-zeros", "-ffast-math",
                "-fno-assume-sane-operator-new", "-fno-access-control", "-fdouble-square-bracket-attributes",
                "-ftrigraphs", "-fno-trigraphs", "-fpermissive", "-fno-spell-checking", "-fnew-alignment",
                "-frelaxed-template-template-args", "-fno-relaxed-template-template-args",
                "-fdefer-ts", "-fenable-matrix", "-fsafe-buffer-usage-suggestions", "-fno-cxx-modules",
                "-fcxx-modules", "-fpascal-strings", "-fno-inline", "-fstrict-vtable-pointers"}


def run_lines(text):
    """The RUN: commands of a lit test, continuation lines joined."""
    lines, pending = [], ""
    for line in text.splitlines():
        m = re.search(r"\bRUN:(.*)$", line)
        if not m:
            if pending:
                lines.append(pending)
                pending = ""
            continue
        part = m.group(1).rstrip()
        if part.endswith("\\"):
            pending += part[:-1] + " "
            continue
        lines.append(pending + part)
        pending = ""
    if pending:
        lines.append(pending)
    return lines


def clang_invocation(line):
    """The arguments of the first clang in a RUN line (up to a pipe), and whether it is cc1."""
    for cmd in re.split(r"\|\||&&|\||;", line):
        try:
            words = shlex.split(cmd, comments=False)
        except ValueError:
            words = cmd.split()
        for i, w in enumerate(words):
            if w in ("%clang_cc1", "%clang", "%clangxx", "%clang_cl"):
                if w == "%clang_cl":
                    return None
                return words[i + 1:], w == "%clang_cc1"
    return None


def translate(args, cc1, directory, source):
    out, lang = [], None
    i = 0
    while i < len(args):
        a = args[i]
        nxt = args[i + 1] if i + 1 < len(args) else None
        a = a.replace("%S", directory).replace("%s", source)
        if "%" in a or (nxt and "%t" in nxt and a in DROP_WITH_VALUE):
            i += 2 if a in DROP_WITH_VALUE else 1
            continue
        if a in ("-triple", "-target") and nxt:
            if "%" not in nxt:  # %itanium_abi_triple and the like: the host will do
                out.append("--target=" + nxt)
            i += 2
            continue
        if a.startswith("-triple=") or a.startswith("--target=") or a.startswith("-target="):
            out.append("--target=" + a.split("=", 1)[1])
        elif a == "-x" and nxt:
            lang = nxt
            i += 2
            continue
        elif a.startswith("-std="):
            out.append(a)
        elif a in ("-D", "-U", "-include") and nxt:
            out += [a, nxt.replace("%S", directory)]
            i += 2
            continue
        elif a in ("-I", "-isystem") and nxt:
            out += [a, nxt.replace("%S", directory)]
            i += 2
            continue
        elif re.match(r"-[DUI].", a):
            out.append(a)
        elif a in ("-target-feature", "-target-cpu", "-target-abi") and nxt:
            out += ["-Xclang", a, "-Xclang", nxt]
            i += 2
            continue
        elif a in DROP_WITH_VALUE:
            i += 2
            continue
        elif a.startswith("-f") or a.startswith("-m"):
            if a.startswith(DROP_PREFIXES):
                pass
            elif a in DRIVER_FLAGS or not cc1:
                out.append(a)
            elif a.startswith("-m"):
                pass  # -mvscale-min= and the like: target details the parse does not need
            else:
                out += ["-Xclang", a]
        elif a in ("-nostdsysteminc", "-nostdinc++", "-nostdinc", "-nobuiltininc", "-ffreestanding"):
            out.append(a if a != "-nostdsysteminc" else "-nostdinc")
        i += 1
    return out, lang


def command_for(path, default_lang):
    directory = os.path.dirname(path)
    try:
        text = open(path, encoding="utf-8", errors="replace").read()
    except OSError:
        return None
    best = None
    for line in run_lines(text):
        inv = clang_invocation(line)
        if inv is None:
            continue
        args, cc1 = inv
        if "-fsyntax-only" in args or "-verify" in " ".join(args) or best is None:
            best = (args, cc1)
            if "-fsyntax-only" in args:
                break
    flags, lang = translate(*best, directory, path) if best else ([], None)
    lang = lang or default_lang
    if lang is None or lang.endswith("-header") or lang not in ("c++", "objective-c++"):
        return None  # C and Objective-C inputs: not C++
    if not any(f.startswith("-std=") for f in flags):
        flags.append("-std=gnu++17")  # clang 19's default, which such a test expects
    if any("c++" not in f and "gnu++" not in f for f in flags if f.startswith("-std=")):
        return None  # e.g. -std=c99 with -x c++: a C test run through the C++ parser on purpose; skip
    return ["/usr/bin/clang++-19", "-x", lang] + flags + ["-w", "-c", path]


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    root, out_dir = os.path.abspath(sys.argv[1]), sys.argv[2]
    exclude = re.compile(sys.argv[3]) if len(sys.argv) > 3 and sys.argv[3] else None
    entries = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=True):
        dirnames[:] = sorted(d for d in dirnames if d != "Inputs")
        for name in sorted(filenames):
            ext = os.path.splitext(name)[1]
            if ext not in SOURCE_EXTENSIONS or SOURCE_EXTENSIONS[ext] is None:
                continue
            path = os.path.join(dirpath, name)
            if exclude and exclude.search(path):
                continue
            args = command_for(path, SOURCE_EXTENSIONS[ext])
            if args:
                entries.append({"directory": dirpath, "file": path, "arguments": args})
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, "compile_commands.json"), "w") as f:
        json.dump(entries, f, indent=1)
    print(f"{len(entries)} translation units", file=sys.stderr)


if __name__ == "__main__":
    main()
