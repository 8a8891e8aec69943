#include "FixApplier.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

namespace contractcheck {

FixSummary applyFixes(const std::vector<Finding> &Findings) {
  FixSummary Summary;
  std::map<std::string, std::vector<FixIt>> ByFile;
  for (const Finding &F : Findings)
    for (const FixIt &Fix : F.Fixes)
      ByFile[Fix.File].push_back(Fix);

  for (auto &[File, Fixes] : ByFile) {
    std::sort(Fixes.begin(), Fixes.end(), [](const FixIt &A, const FixIt &B) {
      return std::tie(A.Offset, A.Length, A.Replacement) < std::tie(B.Offset, B.Length, B.Replacement);
    });
    Fixes.erase(std::unique(Fixes.begin(), Fixes.end()), Fixes.end());

    std::ifstream In(File, std::ios::binary);
    if (!In) {
      Summary.Problems.push_back(File + ": cannot read the file to fix it");
      continue;
    }
    std::ostringstream Buffer;
    Buffer << In.rdbuf();
    std::string Text = Buffer.str();
    In.close();

    // Applied back to front so earlier offsets stay valid.
    std::string Result = Text;
    size_t Applied = 0;
    size_t Limit = Text.size() + 1;
    for (auto It = Fixes.rbegin(); It != Fixes.rend(); ++It) {
      if (It->Offset + It->Length > Text.size() || It->Offset + It->Length > Limit ||
          (It->Offset + It->Length == Limit && It->Length != 0)) {
        Summary.Problems.push_back(File + ": skipped a fix at offset " + std::to_string(It->Offset) +
                                   " that overlaps another");
        continue;
      }
      Result.replace(It->Offset, It->Length, It->Replacement);
      Limit = It->Offset;
      ++Applied;
    }
    if (Applied == 0)
      continue;
    std::ofstream Out(File, std::ios::binary | std::ios::trunc);
    Out << Result;
    if (!Out) {
      Summary.Problems.push_back(File + ": cannot write the fixed file");
      continue;
    }
    Summary.Applied += Applied;
    ++Summary.FilesChanged;
  }
  return Summary;
}

} // namespace contractcheck
