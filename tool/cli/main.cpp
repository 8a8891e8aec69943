#include "Driver.h"
#include "LanguageServer.h"
#include "PrefixBuilder.h"

#include <llvm/Support/InitLLVM.h>

#include <csignal>
#include <cstring>

int main(int Argc, const char **Argv) {
  llvm::InitLLVM Init(Argc, Argv);
  // Past a file-size limit (ulimit -f) a write should fail with EFBIG and be reported like a
  // full disk, not kill the process: InitLLVM's handler treats SIGXFSZ as a crash.
  std::signal(SIGXFSZ, SIG_IGN);
  // What a single-file run leaves to build, built after it (engine/PrefixBuilder.h).
  if (Argc > 1 && std::strcmp(Argv[1], contractcheck::PrefixBuilderSubcommand) == 0)
    return contractcheck::runPrefixBuilder(Argc - 1, Argv + 1);
  // `contractcheck lsp ...` is the language server, with its own small set of options. An
  // analysis that misses its prefix builds it, stores it and parses with it, as clangd builds
  // its preamble: the user's next save comes before a builder started now would be done. A run
  // leaves the prefix to a builder, for a later run.
  if (Argc > 1 && std::strcmp(Argv[1], "lsp") == 0)
    return contractcheck::lsp::runLanguageServer(Argc - 1, Argv + 1);
  contractcheck::enableBackgroundPrefixBuilds();
  return contractcheck::runDriver(Argc, Argv);
}
