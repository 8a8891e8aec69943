"""contractcheck in a Bazel build: the map step per source file, the reduce step once.

    bazel build //... --aspects=//bazel:defs.bzl%contractcheck_aspect --output_groups=contractcheck
    bazel build //:contractcheck     # a contractcheck_report target: fails on findings

`contractcheck_aspect` runs `contractcheck extract` for every C/C++ source of every cc_library,
cc_binary and cc_test, with the target's own compile command (the C++ toolchain's flags from
cc_common, plus the target's defines, include paths and copts), every file it may read declared
as an input (the source, the headers CcInfo knows, the configuration and the data files it binds)
and one output per source: that TU's entry of the result store. What the parse did not read is
reported to Bazel (`unused_inputs_list`), so an edited header re-runs only the TUs that include it.
`contractcheck_report` runs `contractcheck check` once over the entries of every TU its `deps`
reach (the global rules need all of them), writes the text and SARIF reports and fails the build
when there are findings. Both actions are hermetic: their keys are their inputs, so the action
cache, --disk_cache, a remote cache and remote execution share them. See docs/bazel.md.
"""

load("@bazel_tools//tools/build_defs/cc:action_names.bzl", "ACTION_NAMES")
load("@bazel_tools//tools/cpp:toolchain_utils.bzl", "find_cpp_toolchain")

# What a compile database entry names as its directory. The sandbox of every action has a
# directory of its own (and a second checkout another execution root); contractcheck keys a stored
# result by paths relative to the compile directory, but the database is written at analysis time,
# before any sandbox exists, and its directory must be absolute: /proc/self/cwd names the action's
# own, wherever it runs. Reports are rewritten to paths relative to the workspace (below).
_EXEC_ROOT = "/proc/self/cwd"

_SOURCE_EXTENSIONS = ["c", "cc", "cpp", "cxx", "c++", "C"]
_HEADER_EXTENSIONS = ["h", "hh", "hpp", "hxx", "h++", "H", "inc", "inl", "ipp", "tcc"]

# The actions' environment: fixed, so it is the same on every machine and in every cache key.
_ENV = {"PATH": "/usr/bin:/bin"}

ContractcheckInfo = provider(
    doc = "The extracted TUs of a target and of everything it depends on.",
    fields = {
        "stores": "depset of directories, one result-store shard per source",
        "entries": "depset of compile database entries (JSON strings), one per source",
        "inputs": "depset of the sources and headers those TUs may read",
    },
)

def _configuration(ctx):
    """The configuration's files, and the --config argument when none is a .contractcheck.yaml.

    Without a configuration file contractcheck's defaults take the project root as their base
    (here the compile database's directory, another in each action, but "${project}" in every
    key); an empty one (bazel/default.contractcheck.yaml), named through /proc/self/cwd, gives
    every action the same configuration directory as well.
    """
    files = ctx.attr._config.files
    if [f for f in files.to_list() if f.basename == ".contractcheck.yaml"]:
        return files, []
    default = ctx.file._default_config
    return depset([default], transitive = [files]), ["--config", _EXEC_ROOT + "/" + default.path]

def _files_of(rule_attr, name):
    files = []
    for target in getattr(rule_attr, name, []):
        files.extend(target.files.to_list())
    return files

def _compile_command(ctx, target, cc_toolchain, features, source):
    compilation = target[CcInfo].compilation_context
    is_c = source.extension == "c"
    action = ACTION_NAMES.c_compile if is_c else ACTION_NAMES.cpp_compile
    cpp = ctx.fragments.cpp
    user_flags = cpp.copts + (cpp.conlyopts if is_c else cpp.cxxopts)
    # As cc rules read them: make variables expanded, then split like a Bourne shell would.
    for copt in getattr(ctx.rule.attr, "copts", []):
        user_flags.extend(ctx.tokenize(ctx.expand_make_variables("copts", copt, {})))
    defines = compilation.defines.to_list()
    for define in getattr(ctx.rule.attr, "local_defines", []):
        defines.extend(ctx.tokenize(ctx.expand_make_variables("local_defines", define, {})))

    # A target's `includes` reach the compiler as -isystem, and like Clang, contractcheck does not
    # report in system headers. The workspace's own headers are what it is run for: its include
    # directories are passed as -I; other repositories' stay system directories.
    own_includes = []
    system_includes = []
    for directory in compilation.system_includes.to_list():
        external = directory.startswith("external/") or "/external/" in directory
        (system_includes if external else own_includes).append(directory)
    variables = cc_common.create_compile_variables(
        feature_configuration = features,
        cc_toolchain = cc_toolchain,
        source_file = source.path,
        user_compile_flags = user_flags,
        include_directories = depset(own_includes, transitive = [compilation.includes]),
        quote_include_directories = compilation.quote_includes,
        system_include_directories = depset(system_includes),
        preprocessor_defines = depset(defines),
    )
    compiler = cc_common.get_tool_for_action(feature_configuration = features, action_name = action)
    flags = cc_common.get_memory_inefficient_command_line(
        feature_configuration = features,
        action_name = action,
        variables = variables,
    )
    return struct(
        directory = _EXEC_ROOT,
        file = source.path,
        arguments = [compiler] + flags,
    )

# The project root of both actions: the checkout the sandbox's inputs are links into, found from
# one of its files named by its workspace-relative path (its real path ends with that path). What
# the parse read is stored by real path, relative to it, so a shard extracted in one checkout is
# checked against the files of the checkout that runs the check, not the first one's. Computed
# in the action, so it is in no action key; none for a file of another repository.
_PROJECT_ROOT = """real=$(readlink -f -- "$anchor" || true)
case "$real" in */"$anchor") root=${real%/"$anchor"} ;; *) root= ;; esac
"""

# The extract action: the TU's store shard, then which declared headers the parse did not read
# (the depfile lists the real paths it read; each header input is compared by its real path).
_EXTRACT = """set -eu
contractcheck=$1 database=$2 store=$3 depfile=$4 unused=$5 headers=$6 anchor=$7
shift 7
""" + _PROJECT_ROOT + """mkdir -p "$store"
"$contractcheck" extract -p "$database" --cache-dir "$store" --quiet -j 1 \\
    ${root:+--project-root "$root"} --depfile "$depfile" --stamp contractcheck "$@"
sed -e 1d -e 's/^  //' -e 's/ \\\\$//' -e 's/\\\\ / /g' "$depfile" > "$unused.read"
if [ -s "$headers" ]; then
  tr '\\n' '\\0' < "$headers" | xargs -0 realpath -- > "$unused.real"
  paste "$headers" "$unused.real" |
    awk -F '\\t' 'NR == FNR { read[$0] = 1; next } !($2 in read) { print $1 }' "$unused.read" - > "$unused"
else
  : > "$unused"
fi
rm -f "$unused.read" "$unused.real"
"""

def _contractcheck_aspect_impl(target, ctx):
    if CcInfo not in target or ctx.rule.kind not in ["cc_library", "cc_binary", "cc_test"]:
        return []
    own_files = _files_of(ctx.rule.attr, "srcs")
    sources = [f for f in own_files if f.extension in _SOURCE_EXTENSIONS]
    private_headers = [f for f in own_files if f.extension in _HEADER_EXTENSIONS]
    private_headers += _files_of(ctx.rule.attr, "textual_hdrs")
    headers = depset(private_headers, transitive = [target[CcInfo].compilation_context.headers])
    config, config_args = _configuration(ctx)
    contractcheck = ctx.file._contractcheck

    cc_toolchain = find_cpp_toolchain(ctx)
    features = cc_common.configure_features(
        ctx = ctx,
        cc_toolchain = cc_toolchain,
        requested_features = ctx.features,
        unsupported_features = ctx.disabled_features,
    )

    stores = []
    entries = []
    if sources:
        # The inputs a parse may leave unread: headers, and the data files the configuration
        # binds (per-TU rules read theirs through the parse; the global rules read the rest in
        # the check). The configuration itself is read without the parse seeing it.
        candidates = headers.to_list() + [
            f
            for f in ctx.attr._config.files.to_list()
            if f.basename != ".contractcheck.yaml"
        ]
        header_list = ctx.actions.declare_file(target.label.name + ".contractcheck/unread-candidates")
        ctx.actions.write(header_list, "".join([f.path + "\n" for f in candidates]))
    for source in sources:
        # One directory per source, named after its path so two sources never collide.
        name = target.label.name + ".contractcheck/" + source.short_path.replace("/", "_")
        entry = _compile_command(ctx, target, cc_toolchain, features, source).to_json()
        database = ctx.actions.declare_file(name + ".json")
        ctx.actions.write(database, "[" + entry + "]\n")
        store = ctx.actions.declare_directory(name + ".store")
        depfile = ctx.actions.declare_file(name + ".d")
        unused = ctx.actions.declare_file(name + ".unused")
        ctx.actions.run(
            executable = "/bin/sh",
            arguments = ["-c", _EXTRACT, "extract", contractcheck.path, database.path, store.path, depfile.path, unused.path,
                         header_list.path, source.path] + config_args,
            inputs = depset([source, database, header_list],
                            transitive = [headers, config, cc_toolchain.all_files]),
            tools = [contractcheck],
            outputs = [store, depfile, unused],
            unused_inputs_list = unused,
            env = _ENV,
            mnemonic = "ContractcheckExtract",
            progress_message = "contractcheck: extracting %s" % source.short_path,
        )
        stores.append(store)
        entries.append(entry)

    deps = [d[ContractcheckInfo] for d in getattr(ctx.rule.attr, "deps", []) if ContractcheckInfo in d]
    info = ContractcheckInfo(
        stores = depset(stores, transitive = [d.stores for d in deps]),
        entries = depset(entries, transitive = [d.entries for d in deps]),
        inputs = depset(sources, transitive = [headers] + [d.inputs for d in deps]),
    )
    return [info, OutputGroupInfo(contractcheck = depset(stores))]

def _with_tool_attrs(attrs):
    """Attrs plus what the extract and the check actions both need: the binary and the config."""
    attrs.update({
        "_contractcheck": attr.label(
            default = Label("//bazel:contractcheck"),
            allow_single_file = True,
            cfg = "exec",
        ),
        "_config": attr.label(default = Label("//bazel:config")),
        "_default_config": attr.label(
            default = Label("//bazel:default.contractcheck.yaml"),
            allow_single_file = True,
        ),
    })
    return attrs

contractcheck_aspect = aspect(
    implementation = _contractcheck_aspect_impl,
    attr_aspects = ["deps"],
    fragments = ["cpp"],
    attrs = _with_tool_attrs({
        "_cc_toolchain": attr.label(default = Label("@bazel_tools//tools/cpp:current_cc_toolchain")),
    }),
    doc = "Extracts every C/C++ source of cc_library, cc_binary and cc_test targets into " +
          "contractcheck's result store, one action per source.",
)

# The reduce step: merge the shards (names are keys: nothing collides), report as text and SARIF
# with paths relative to the workspace, and keep the exit code for the gate below. Findings do
# not fail this action, so its reports are cached and kept; a bad configuration or a missing TU
# does.
_CHECK = """set -eu
contractcheck=$1 database=$2 text=$3 sarif=$4 status=$5 config=$6 anchor=$7
shift 7
""" + _PROJECT_ROOT + """mkdir -p contractcheck-store
# Shards are read-only outputs; their directories must take the next shard's files. -L: the
# sandbox hands inputs over as symbolic links, and the store reads no entry through a link.
for shard in "$@"; do cp -RL "$shard/." contractcheck-store/; chmod -R u+w contractcheck-store; done
set +e
"$contractcheck" check -p "$database" --cache-dir contractcheck-store --quiet -j 1 \\
    ${root:+--project-root "$root"} ${config:+--config "$config"} --output "$text.raw"
code=$?
"$contractcheck" check -p "$database" --cache-dir contractcheck-store --quiet -j 1 \\
    ${root:+--project-root "$root"} ${config:+--config "$config"} --format sarif --output "$sarif.raw"
set -e
rm -rf contractcheck-store
if [ "$code" -ne 0 ] && [ "$code" -ne 1 ]; then
  [ -f "$text.raw" ] && cat "$text.raw" >&2
  exit "$code"
fi
sed -e 's|/proc/self/cwd/||g' "$text.raw" > "$text"
sed -e "s|\\"uri\\": \\"file://${root:-$PWD}/\\"|\\"description\\": {\\"text\\": \\"the workspace\\"}|" \\
    -e 's|"file:///proc/self/cwd/\\([^"]*\\)"|"\\1", "uriBaseId": "%SRCROOT%"|g' "$sarif.raw" > "$sarif"
rm -f "$text.raw" "$sarif.raw"
echo "$code" > "$status"
"""

# Fails the build on findings, showing them. Not cached when it fails, and it only reads.
_GATE = """set -eu
text=$1 status=$2 stamp=$3
if [ "$(cat "$status")" != 0 ]; then
  cat "$text" >&2
  echo "contractcheck: findings; the reports are $text and its .sarif beside it" >&2
  exit 1
fi
: > "$stamp"
"""

def _contractcheck_report_impl(ctx):
    infos = [d[ContractcheckInfo] for d in ctx.attr.deps]
    stores = depset(transitive = [i.stores for i in infos]).to_list()
    entries = depset(transitive = [i.entries for i in infos]).to_list()
    database = ctx.actions.declare_file(ctx.label.name + ".compile_commands.json")
    ctx.actions.write(database, "[\n" + ",\n".join(entries) + "\n]\n")
    text = ctx.actions.declare_file(ctx.label.name + ".txt")
    sarif = ctx.actions.declare_file(ctx.label.name + ".sarif")
    status = ctx.actions.declare_file(ctx.label.name + ".status")
    contractcheck = ctx.file._contractcheck
    config, config_args = _configuration(ctx)
    inputs = depset(transitive = [i.inputs for i in infos])
    anchors = [f.path for f in inputs.to_list() if f.is_source and not f.path.startswith("external/")]
    ctx.actions.run_shell(
        command = _CHECK,
        arguments = [contractcheck.path, database.path, text.path, sarif.path, status.path,
                     config_args[1] if config_args else "", anchors[0] if anchors else ""] +
                    [s.path for s in stores],
        # check parses nothing but checks that what each TU read is unchanged.
        inputs = depset([database] + stores,
                        transitive = [config] + [i.inputs for i in infos]),
        tools = [contractcheck],
        outputs = [text, sarif, status],
        env = _ENV,
        mnemonic = "ContractcheckCheck",
        progress_message = "contractcheck: checking %s" % ctx.label,
    )
    stamp = ctx.actions.declare_file(ctx.label.name + ".passed")
    ctx.actions.run_shell(
        command = _GATE,
        arguments = [text.path, status.path, stamp.path],
        inputs = [text, status],
        outputs = [stamp],
        env = _ENV,
        mnemonic = "ContractcheckGate",
        progress_message = "contractcheck: findings of %s" % ctx.label,
    )
    return [
        DefaultInfo(files = depset([text, sarif, stamp])),
        OutputGroupInfo(reports = depset([text, sarif])),
    ]

contractcheck_report = rule(
    implementation = _contractcheck_report_impl,
    attrs = _with_tool_attrs({
        "deps": attr.label_list(
            aspects = [contractcheck_aspect],
            providers = [CcInfo],
            doc = "The cc_library, cc_binary and cc_test targets to analyse, with everything " +
                  "they depend on.",
        ),
    }),
    doc = "Runs the global rules over the TUs of deps; writes <name>.txt and <name>.sarif and " +
          "fails the build on findings (--keep_going keeps the reports).",
)

def _contractcheck_repository_impl(rctx):
    path = rctx.attr.path or rctx.os.environ.get("CONTRACTCHECK", "")
    if not path:
        found = rctx.which("contractcheck")
        if not found:
            fail("contractcheck is not on PATH; give contractcheck_repository(path = ...) or " +
                 "set CONTRACTCHECK")
        path = str(found)
    rctx.symlink(path, "contractcheck")
    rctx.file("BUILD.bazel", 'exports_files(["contractcheck"])\n')
    rctx.file("WORKSPACE", "")

contractcheck_repository = repository_rule(
    implementation = _contractcheck_repository_impl,
    attrs = {"path": attr.string(doc = "The contractcheck executable; default: on PATH")},
    environ = ["CONTRACTCHECK", "PATH"],
    local = True,
    doc = "Makes an installed contractcheck a label: @<name>//:contractcheck.",
)
