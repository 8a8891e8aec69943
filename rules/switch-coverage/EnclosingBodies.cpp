#include "rules/switch-coverage/EnclosingBodies.h"

#include <clang/Basic/SourceManager.h>

using namespace clang;

namespace contractcheck {

void EnclosingBodies::record(const Stmt &Body, const FunctionDecl *Function,
                             const SourceManager &SM) {
  Bodies.push_back({&Body, Function, SM.getExpansionLoc(Body.getBeginLoc()),
                    SM.getExpansionLoc(Body.getEndLoc())});
}

std::vector<EnclosingBodies::Body> EnclosingBodies::candidatesFor(const Stmt &S,
                                                                 const SourceManager &SM) const {
  SourceLocation Loc = SM.getExpansionLoc(S.getBeginLoc());
  std::vector<Body> Found;
  for (auto It = Bodies.rbegin(); It != Bodies.rend(); ++It)
    if (SM.isPointWithin(Loc, It->Begin, It->End))
      Found.push_back(*It);
  return Found;
}

} // namespace contractcheck
