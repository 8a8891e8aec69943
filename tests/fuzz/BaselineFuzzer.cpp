// libFuzzer target: --baseline file reading. Any input must end in a Baseline or an InputError.
#include "Baseline.h"
#include "FuzzInput.h"
#include "InputError.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  std::string Path = contractcheck::fuzz::writeInput(Data, Size, "baseline.json");
  try {
    contractcheck::Baseline B = contractcheck::Baseline::load(Path);
    contractcheck::SourceFiles Sources;
    std::vector<contractcheck::Finding> Findings(1);
    Findings[0].RuleId = "contract-switch-coverage";
    Findings[0].Position = {Path, 1, 1};
    static_cast<void>(B.filter(Findings, Sources));
  } catch (const contractcheck::InputError &) {
  }
  return 0;
}
