// libFuzzer target: .contractcheck.yaml loading. Any input must end in a Config or an
// InputError; anything else escaping (or a crash) is a bug.
#include "Config.h"
#include "FuzzInput.h"
#include "InputError.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  std::string Path = contractcheck::fuzz::writeInput(Data, Size, ".contractcheck.yaml");
  try {
    contractcheck::Config C = contractcheck::Config::load(Path);
    static_cast<void>(C.toClangTidyConfig());
    static_cast<void>(C.isExcluded("/src/a/b.cpp"));
  } catch (const contractcheck::InputError &) {
  }
  return 0;
}
