#include "EnclosingBodies.h"

#include <clang/Basic/SourceManager.h>

using namespace clang;

namespace contractcheck {

void EnclosingBodies::record(const Stmt &Body, const SourceManager &SM) {
  Bodies.push_back({&Body, SM.getExpansionLoc(Body.getBeginLoc()),
                    SM.getExpansionLoc(Body.getEndLoc())});
}

std::vector<const Stmt *> EnclosingBodies::candidatesFor(const Stmt &S,
                                                         const SourceManager &SM) const {
  SourceLocation Loc = SM.getExpansionLoc(S.getBeginLoc());
  std::vector<const Stmt *> Found;
  for (auto It = Bodies.rbegin(); It != Bodies.rend(); ++It)
    if (SM.isPointWithin(Loc, It->Begin, It->End))
      Found.push_back(It->Root);
  return Found;
}

} // namespace contractcheck
