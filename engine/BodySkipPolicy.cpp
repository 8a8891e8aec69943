#include "BodySkipPolicy.h"

#include "Config.h"
#include "SourcePositions.h"

#include <clang/AST/DeclBase.h>
#include <clang/Basic/SourceManager.h>

namespace contractcheck {

bool BodySkipPolicy::shouldSkip(const clang::Decl &D) {
  if (D.isTemplated())
    return false;
  clang::SourceLocation Loc = SM.getExpansionLoc(D.getLocation());
  if (Loc.isInvalid())
    return false;
  if (SM.isInSystemHeader(Loc))
    return true;
  return nobodyReportsIn(SM.getFileID(Loc));
}

bool BodySkipPolicy::nobodyReportsIn(clang::FileID File) {
  auto [It, Inserted] = SilentFiles.try_emplace(File.getHashValue(), false);
  if (Inserted) {
    std::string Path = positionOf(SM.getLocForStartOfFile(File), SM).File;
    It->second = !Path.empty() && Cfg.isExcluded(Path);
  }
  return It->second;
}

} // namespace contractcheck
