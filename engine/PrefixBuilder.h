// The precompiled prefix of a single-file run, built where the user does not wait for it.
//
// A run that finds no stored prefix for its TU (StoredPrefixes.h) used to build one, write it
// (the precompiled header's serialisation alone costs a third of clang's parse of a small TU),
// store it and then parse the TU with it: the first single-file run cost more than the
// compiler. Now it parses the TU directly (library bodies skipped, as --shared-headers=never),
// reports, and leaves a request in the store (<store>/prefixes/<name>.request); a builder
// process, started at the end of the run and detached from it (its own session, standard
// streams on /dev/null, lower priority), builds and stores every requested prefix, so the next
// run loads it. The CPU it takes is spent all the same, after the
// report: what changes is who waits for it.
//
// One builder per store at a time: it holds an exclusive lock (flock) on
// <store>/prefixes/builder.lock from before it starts (the run that starts it takes the lock
// and hands it over) until it has built every request it finds. A run that cannot take the lock
// leaves its request for the running builder, which looks for requests again after it let the
// lock go. Whatever it writes goes to a temporary file renamed over the entry (StoreFiles.h): a
// builder killed half-way leaves no half-written entry, and the next run asks again.
//
// Only the contractcheck executable's CLI and hook enable this; elsewhere a miss builds the
// prefix in the run, stores it and parses the TU with it. The language server is such an
// elsewhere: the user's next save may come a second after the open, before a builder started
// by the open would be done (at load, the builder's prefix costs more than the open's whole
// parse without it, and the save waited for the difference), so the open's analysis builds the
// prefix first and parses with it, as clangd builds its preamble, and every save loads it.
#pragma once

#include <string>

namespace contractcheck {

// Called by the contractcheck executable before a run: misses of stored prefixes are built by a
// builder process running this executable (its path read now) as `Subcommand STORE`.
void enableBackgroundPrefixBuilds();
bool backgroundPrefixBuildsEnabled();

inline constexpr const char *PrefixBuilderSubcommand = "build-stored-prefixes";

// Starts the builder for the store in StoreDirectory unless one is running. Never waits for it.
void startPrefixBuilder(const std::string &StoreDirectory);

// The builder's main: `contractcheck build-stored-prefixes STORE`, holding the lock on fd 3.
int runPrefixBuilder(int Argc, const char **Argv);

// The lock file a builder holds while it works: whoever takes it (blocking) after a run has
// returned knows that run's requests are built (tests, benchmarks).
std::string prefixBuilderLockPath(const std::string &StoreDirectory);

} // namespace contractcheck
