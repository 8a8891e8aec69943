// Values a switch's callers have already dispatched. Cockatrice's
// `Server_ProtocolHandler::processSessionCommandContainer` switches on the command type, handles
// eight commands itself and, from its `default:` only, calls the virtual
// `processExtendedSessionCommand(num, ...)`, whose override in servatrice (another TU) switches
// on that parameter: those eight never reach the override's switch, and its `default:` does not
// hide them. This records, per TU, the calls made from a `default:` with the switched value, and
// every other reference to a function that could be given one; whether they are all the calls
// of a hook is the whole codebase's to say (RangeMarkerGlobal.h), or, where one TU is seen
// (clang-tidy), that TU's.
#pragma once

#include "rules/switch-coverage/CallerDefaultFacts.h"
#include "rules/utils/FunctionRefs.h"

#include <clang/ASTMatchers/ASTMatchFinder.h>
#include <llvm/ADT/DenseSet.h>

#include <optional>
#include <vector>

namespace clang {
class DefaultStmt;
class EnumConstantDecl;
class EnumDecl;
class FunctionDecl;
class HeaderSearch;
class SwitchStmt;
} // namespace clang

namespace contractcheck {

class DefaultCalls {
public:
  // Headers: where the rule keeps the TU's header search (LibraryHeaders.h), read at match time.
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder,
                        clang::ast_matchers::MatchFinder::MatchCallback *Callback,
                        const clang::HeaderSearch *const *Headers);
  // True when the match was one of this class's (then it has been recorded).
  bool record(const clang::ast_matchers::MatchFinder::MatchResult &Result);
  // The calls that only Default leads to (no case falls into it, no label stands on the way) and
  // that pass the switched value, unchanged, on.
  void recordSwitch(const clang::SwitchStmt &Switch, const clang::DefaultStmt &Default,
                    const clang::EnumDecl &Enum, const clang::ASTContext &Ctx);

  // What this TU recorded, as the global step reads it (sorted, so that a header's facts are the
  // same whichever TU saw it).
  std::vector<DefaultCallFact> callFacts(const clang::SourceManager &SM) const;
  std::vector<FunctionRefsFact> refFacts(const clang::SourceManager &SM) const {
    return References.refFacts(SM);
  }
  void clear();
  // Every other reference to a function (FunctionRefs.h): a call that passes constants (or a
  // bit-field's read, or its caller's parameter on) is said by PassedValues.h, one from a
  // default here.
  FunctionRefs &refs() { return References; }
  // Whether the call with this callee reference passes a switched value on from a `default:`.
  bool passesTheSwitchedValue(const clang::Expr &CalleeRef) const {
    return FilteredRefs.contains(&CalleeRef);
  }

private:
  struct Call {
    const clang::FunctionDecl *Callee;
    unsigned Argument;
    std::vector<const clang::EnumConstantDecl *> Filtered;
    clang::SourceLocation Loc;
  };
  std::vector<Call> Calls;
  // The callee expressions of those calls: not references any value may come through.
  llvm::DenseSet<const clang::Expr *> FilteredRefs;
  FunctionRefs References;
};

// A switch on a parameter of Function, the values reaching it come from Function's calls (and,
// for a virtual method, those of every method it overrides): the callees and the parameter, for
// the finding's SwitchHookFact. None for a lambda, a template, a parameter that may change before
// the switch, or a method overriding one declared in a library's header (inALibrarysHeader,
// LibraryHeaders.h), which the library may call with any value.
std::optional<SwitchHookFact> switchHookOf(const clang::SwitchStmt &Switch,
                                           const clang::FunctionDecl &Function,
                                           const clang::SourceManager &SM,
                                           const clang::HeaderSearch *Headers);

} // namespace contractcheck
