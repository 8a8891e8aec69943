#include "Driver.h"
#include "LanguageServer.h"

#include <llvm/Support/InitLLVM.h>

#include <csignal>
#include <cstring>

int main(int Argc, const char **Argv) {
  llvm::InitLLVM Init(Argc, Argv);
  // Past a file-size limit (ulimit -f) a write should fail with EFBIG and be reported like a
  // full disk, not kill the process: InitLLVM's handler treats SIGXFSZ as a crash.
  std::signal(SIGXFSZ, SIG_IGN);
  // `contractcheck lsp ...` is the language server, with its own small set of options.
  if (Argc > 1 && std::strcmp(Argv[1], "lsp") == 0)
    return contractcheck::lsp::runLanguageServer(Argc - 1, Argv + 1);
  return contractcheck::runDriver(Argc, Argv);
}
