#include "Driver.h"

#include <llvm/Support/InitLLVM.h>

#include <csignal>

int main(int Argc, const char **Argv) {
  llvm::InitLLVM Init(Argc, Argv);
  // Past a file-size limit (ulimit -f) a write should fail with EFBIG and be reported like a
  // full disk, not kill the process: InitLLVM's handler treats SIGXFSZ as a crash.
  std::signal(SIGXFSZ, SIG_IGN);
  return contractcheck::runDriver(Argc, Argv);
}
