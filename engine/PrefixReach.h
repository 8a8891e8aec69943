// A TU parsed with a shared prefix loaded (SharedHeaders.h) sees every declaration of the prefix
// from its first line; as written, it sees each from its own #include of the header declaring it
// (or of the root that includes that header) on. A TU whose code names a declaration of the
// prefix before that point does not compile as written, nor with the compiler, but parses with
// the prefix loaded: cmakesl's sema_builder_ast_visitor_test.cpp reads std::numeric_limits in a
// project header before anything it includes brings <limits>, and was analysed in a whole run
// (where its group's prefix holds <limits>) and not alone. What such a TU reports must not
// depend on the TUs it shares a run with: this finds the use, and the TU parses its own text.
#pragma once

#include "SystemHeaderRoots.h"

#include <llvm/ADT/ArrayRef.h>

#include <memory>

namespace clang {
class Decl;
class Preprocessor;
} // namespace clang

namespace contractcheck {

// Checks the project's declarations as the parse hands them over, until the TU's own code has
// included every root of its scan (Scan): what follows sees them all, and the main file's code
// after its #include lines is not walked. It records where the TU's own code first #includes
// each file: with the prefix loaded, the #include of a root finds its guard defined and enters
// nothing, but its directive is where the TU's own text reads the root.
class PrefixUseCheck {
public:
  PrefixUseCheck(const SystemHeaderRoots &Scan, clang::Preprocessor &PP);
  ~PrefixUseCheck();
  PrefixUseCheck(const PrefixUseCheck &) = delete;
  PrefixUseCheck &operator=(const PrefixUseCheck &) = delete;

  // Whether a declaration of the project's code among Group (just parsed) names a declaration
  // read from the prefix that the TU's own code has not included yet: one whose file the scan
  // entered under a root not #included so far, or never entered. A use of a macro of the
  // prefix before its root is the scan's to find (it ends the roots that may move there).
  bool usesBeforeIncluding(llvm::ArrayRef<clang::Decl *> Group);

private:
  struct State;
  std::unique_ptr<State> S;
};

} // namespace contractcheck
