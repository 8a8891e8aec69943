// What a template a mock is injected into needs of it (template dependency injection): the calls
// its instantiations with the mock make on the mock's methods, as plain data, and whether a real
// method could take each of them. Under injection only a call tells a mock and a real method
// apart: a `const` or a `const &` that no call observes is no drift.
#pragma once

#include "rules/mock-drift/MockSignatureDiff.h"

#include <llvm/ADT/ArrayRef.h>
#include <llvm/ADT/DenseMap.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class ClassTemplateDecl;
class CXXMemberCallExpr;
class CXXMethodDecl;
class CXXRecordDecl;
} // namespace clang

namespace contractcheck {

// An argument as the call passes it, before any conversion to the callee's parameter.
struct CallArgument {
  std::string Shown; // its type, for messages
  std::optional<std::string> Bare; // see bareKey
  TypeCategory Category = TypeCategory::Other;
  bool LValue = false;
  bool Const = false;
};

CONTRACTCHECK_JSON_FIELDS(CallArgument, (Shown, "shown"), (Bare, "bare"), (Category, "category"),
                          (LValue, "lvalue"), (Const, "const"))

struct TemplateCall {
  std::string Template; // "Toggler<Transport>", as messages name it
  std::vector<CallArgument> Args;
  bool ConstObject = false;
  SourcePosition Where;                             // for facts
  const clang::CXXMemberCallExpr *Expr = nullptr; // in the TU that extracted it; not serialised
};

// Why Sig cannot take Call ("the call is on a const object but 'f()' is not const"), or nullopt
// when it can or when types alone cannot tell: only an argument count, a const object calling a
// non-const method, a reference binding and an implicit conversion no enum has are told.
std::optional<std::string> whyCannotTake(const MethodSignature &Sig, const std::string &Owner,
                                         const TemplateCall &Call);

// The calls a mock's injections make, by the mock method they call.
struct Injections {
  // The mock is a template argument of a project class template that uses that parameter as a
  // dependency (see callsMembersOf), or whose instantiated code calls the mock however it got
  // it (a provider's `P *`): it is judged by what those templates call.
  bool Injected = false;
  llvm::DenseMap<const clang::CXXMethodDecl *, std::vector<TemplateCall>> Calls;
};

// Looks through the TU's specializations of Templates whose argument is Mock (or a gMock
// wrapper of it) at a position UsesParameter says the template depends on, or whose
// instantiated member functions call a method on an object of that argument's type (reached
// through another parameter: `_lazy.maybe_plugin()->f()`), and collects the calls those
// instantiated member functions make on Mock's methods.
Injections injectionsOf(const clang::CXXRecordDecl &Mock,
                        llvm::ArrayRef<const clang::ClassTemplateDecl *> Templates,
                        const std::function<bool(const clang::ClassTemplateDecl &, unsigned)>
                            &UsesParameter,
                        const clang::ASTContext &Ctx);

CONTRACTCHECK_JSON_FIELDS(TemplateCall, (Template, "template"), (Args, "args"),
                          (ConstObject, "const_object"), (Where, "where"))

} // namespace contractcheck
