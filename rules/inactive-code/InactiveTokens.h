// The references a preprocessor-inactive branch makes, read by lexing its text raw: qualified
// names (`Color::Red`, `Codec::open(`, `void Codec::open(` defining it), member calls (`obj.method(`, `ptr->method(`), and the
// names the branch may itself declare or define as macros, which make those references
// ambiguous.
#pragma once

#include <clang/Basic/SourceLocation.h>
#include <llvm/ADT/StringSet.h>

#include <string>
#include <vector>

namespace clang {
class LangOptions;
class SourceManager;
} // namespace clang

namespace contractcheck {

struct QualifiedReference {
  std::vector<std::string> Names; // Names[0]::Names[1]::...; at least two
  std::string Directive;          // the directive line the reference follows
  bool Called = false;            // followed by '('
  bool Defined = false;           // after a type (`void Class::method(`): declared, not called
  clang::SourceLocation Loc;      // of the last name
};

struct MemberCall {
  std::string Object; // an identifier, or "this"
  bool Arrow = false;
  std::string Method;
  clang::SourceLocation Loc; // of the method name
  std::string Directive;
};

struct InactiveBranch {
  clang::SourceRange Range;
  std::vector<QualifiedReference> Qualified;
  std::vector<MemberCall> Calls;
  llvm::StringSet<> Identifiers; // every identifier in the branch
  llvm::StringSet<> Declared;    // identifiers in a position that may declare them
  llvm::StringSet<> Macros;      // names the branch #defines
  llvm::StringSet<> Tested;      // names its conditional directives test: macros somewhere
};

InactiveBranch lexInactiveBranch(clang::SourceRange Range, const clang::SourceManager &SM,
                                 const clang::LangOptions &LangOpts);

} // namespace contractcheck
