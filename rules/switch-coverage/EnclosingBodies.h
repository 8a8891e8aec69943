// The function (or lambda) body a statement belongs to, without the TU-wide parent map: bodies
// are recorded as the matcher meets their functions, which it does before their statements.
#pragma once

#include <clang/AST/Stmt.h>
#include <clang/Basic/SourceLocation.h>

#include <vector>

namespace clang {
class FunctionDecl;
class SourceManager;
} // namespace clang

namespace contractcheck {

class EnclosingBodies {
public:
  // Function is the one the body belongs to (a lambda's call operator).
  void record(const clang::Stmt &Body, const clang::FunctionDecl *Function,
              const clang::SourceManager &SM);

  struct Body {
    const clang::Stmt *Root;
    const clang::FunctionDecl *Function;
    clang::SourceLocation Begin, End; // expansion locations
  };

  // Innermost recorded bodies first whose source range holds S; the caller checks which one
  // really contains S (a template and its instantiations share their ranges).
  std::vector<Body> candidatesFor(const clang::Stmt &S, const clang::SourceManager &SM) const;

private:
  std::vector<Body> Bodies;
};

} // namespace contractcheck
