// The function (or lambda) body a statement belongs to, without the TU-wide parent map: bodies
// are recorded as the matcher meets their functions, which it does before their statements.
#pragma once

#include <clang/AST/Stmt.h>
#include <clang/Basic/SourceLocation.h>

#include <vector>

namespace clang {
class SourceManager;
} // namespace clang

namespace contractcheck {

class EnclosingBodies {
public:
  void record(const clang::Stmt &Body, const clang::SourceManager &SM);

  // Innermost recorded bodies first whose source range holds S; the caller checks which one
  // really contains S (a template and its instantiations share their ranges).
  std::vector<const clang::Stmt *> candidatesFor(const clang::Stmt &S,
                                                 const clang::SourceManager &SM) const;

private:
  struct Body {
    const clang::Stmt *Root;
    clang::SourceLocation Begin, End; // expansion locations
  };
  std::vector<Body> Bodies;
};

} // namespace contractcheck
