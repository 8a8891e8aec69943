#include "Driver.h"
#include "LanguageServer.h"

#include <llvm/Support/InitLLVM.h>

#include <cstring>

int main(int Argc, const char **Argv) {
  llvm::InitLLVM Init(Argc, Argv);
  // `contractcheck lsp ...` is the language server, with its own small set of options.
  if (Argc > 1 && std::strcmp(Argv[1], "lsp") == 0)
    return contractcheck::lsp::runLanguageServer(Argc - 1, Argv + 1);
  return contractcheck::runDriver(Argc, Argv);
}
