#include "Driver.h"

#include <llvm/Support/InitLLVM.h>

int main(int Argc, const char **Argv) {
  llvm::InitLLVM Init(Argc, Argv);
  return contractcheck::runDriver(Argc, Argv);
}
