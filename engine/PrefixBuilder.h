// The precompiled prefix of a single-file run, built where the user does not wait for it.
//
// A run that finds no stored prefix for its TU (StoredPrefixes.h) used to build one, write it
// (the precompiled header's serialisation alone costs a third of clang's parse of a small TU),
// store it and then parse the TU with it: the first single-file run cost more than the
// compiler. Now it parses the TU directly (library bodies skipped, as --shared-headers=never),
// reports, and leaves a request in the store (<store>/prefixes/<name>.request); a builder
// process, started at the end of the run and detached from it (its own session, standard
// streams on /dev/null, lower priority), builds and stores every requested prefix, so the next
// run, the editor's next save, loads it. The CPU it takes is spent all the same, after the
// report: what changes is who waits for it.
//
// One builder per store at a time: it holds an exclusive lock (flock) on
// <store>/prefixes/builder.lock from before it starts (the run that starts it takes the lock
// and hands it over) until it has built every request it finds. A run that cannot take the lock
// leaves its request for the running builder, which looks for requests again after it let the
// lock go. Whatever it writes goes to a temporary file renamed over the entry (StoreFiles.h): a
// builder killed half-way leaves no half-written entry, and the next run asks again.
//
// Only a front end that can start the builder (the contractcheck executable: its CLI, hook and
// language server) enables this; elsewhere a miss builds the prefix in the run, as before.
//
// Who waits for the prefix decides when the builder starts. After a run (the CLI, the hook) a
// later run wants it: the builder starts when the run has reported, below the user's priority.
// The language server's next analysis of the same buffer is the user's next save, which may
// come a second after the open: its builder starts as soon as the request is left, beside the
// parse that goes on without the prefix, at the server's own priority, and the next analysis
// that misses the prefix waits for it (awaitBuilderOutput, StoredPrefixes.h) rather than
// parsing the system headers once more while it is being written.
#pragma once

#include <chrono>
#include <functional>
#include <string>

namespace contractcheck {

// Called by the contractcheck executable before a run: misses of stored prefixes are built by a
// builder process running this executable (its path read now) as `Subcommand STORE`.
enum class PrefixWanted { ByALaterRun, ByTheNextSave };
void enableBackgroundPrefixBuilds(PrefixWanted When = PrefixWanted::ByALaterRun);
bool backgroundPrefixBuildsEnabled();
bool nextSaveWantsThePrefix(); // enabled ByTheNextSave: the language server

inline constexpr const char *PrefixBuilderSubcommand = "build-stored-prefixes";

// Starts the builder for the store in StoreDirectory unless one is running. Never waits for it.
void startPrefixBuilder(const std::string &StoreDirectory);

// The builder's main: `contractcheck build-stored-prefixes STORE [--next-save]`, holding the
// lock on fd 3; --next-save keeps the priority of the server that started it.
int runPrefixBuilder(int Argc, const char **Argv);

// Waits until Ready() (the caller's loading of Entry, a file name in <store>/prefixes) is true:
// asked once the wait has begun and again each time Entry is renamed into place, until every
// builder this process started has ended (asked a last time) or Limit has passed. False at once
// when no builder this process started is running (a builder another process started is not
// waited for: its end is not an event here), and when Ready() never was.
bool awaitBuilderOutput(const std::string &StoreDirectory, const std::string &Entry,
                        std::chrono::milliseconds Limit, const std::function<bool()> &Ready);

// The lock file a builder holds while it works: whoever takes it (blocking) after a run has
// returned knows that run's requests are built (tests, benchmarks).
std::string prefixBuilderLockPath(const std::string &StoreDirectory);

} // namespace contractcheck
