// What a name means at a point of the translation unit that has no AST node (text inside a
// preprocessor-inactive branch): the function, class or namespace around the point, the locals
// and parameters declared before it, and lookup outward from there. Anything it cannot place
// with certainty (templates, lambdas, dependent types) makes it unclear, never a guess.
#pragma once

#include <clang/Basic/SourceLocation.h>
#include <llvm/ADT/StringRef.h>

#include <string>
#include <vector>

namespace clang {
class ASTContext;
class CXXRecordDecl;
class Decl;
class DeclContext;
class FunctionDecl;
class NamedDecl;
class Stmt;
} // namespace clang

namespace contractcheck {

class PointScope {
public:
  PointScope(clang::ASTContext &Ctx, clang::SourceLocation Point);

  bool unclear() const { return Unclear; }
  // The one entity Name denotes at the point (a local, a parameter, a member of the enclosing
  // class, a namespace-scope declaration), declared before the point; null when none or unclear.
  const clang::NamedDecl *lookup(llvm::StringRef Name) const;
  // The class `this` points to at the point, if inside a non-static member function.
  const clang::CXXRecordDecl *thisClass() const;
  // Name inside a namespace, class or enum found by lookup, declared before the point.
  const clang::NamedDecl *lookupIn(const clang::Decl &Scope, llvm::StringRef Name) const;

private:
  void descend(const clang::DeclContext &Context);
  void collectLocals(const clang::Stmt &S);
  bool contains(clang::SourceRange Range) const;
  bool before(clang::SourceLocation Loc) const;
  const clang::NamedDecl *single(llvm::ArrayRef<clang::NamedDecl *> Found) const;

  clang::ASTContext &Ctx;
  clang::SourceLocation Point;
  clang::FileID File;
  bool Unclear = false;
  const clang::DeclContext *Context = nullptr;
  const clang::FunctionDecl *Function = nullptr;
  std::vector<const clang::NamedDecl *> Locals;
};

enum class MemberLookup { Found, Missing, Unknown };

// Whether a class or one of its bases has a member so named. Unknown when a base is dependent
// or undefined, or a member comes from a project's macro (which may expand differently
// elsewhere); members a system header's macro declares (Qt's Q_OBJECT) are read like others.
// Methods seen are added to MethodNames, for a did-you-mean.
MemberLookup findMember(const clang::CXXRecordDecl &Class, llvm::StringRef Name,
                        std::vector<std::string> &MethodNames);

// The enum or class a type-like declaration (typedef, alias, the type itself) names, or the
// namespace a namespace alias names; null for anything else.
const clang::Decl *asScope(const clang::NamedDecl &D);

} // namespace contractcheck
