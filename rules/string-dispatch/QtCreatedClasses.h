// Where the object behind a SIGNAL()/SLOT() receiver is made. Qt looks a string up on the
// object's dynamic meta-object: `RemotePeer *peer = new LegacyPeer(...)` answers to LegacyPeer's
// signals. Followed only where the class made is certain: a `new D(...)`, a local only read after
// its initialiser, a '?:' of those, or a call to a non-virtual function whose every return
// statement returns one of those (or null). Anything else (a parameter, a member, a virtual
// call, a container) leaves the object's class unknown.
#pragma once

#include "rules/string-dispatch/QtMetaMethods.h"
#include "rules/string-dispatch/StringDispatchFacts.h"

#include <string>
#include <vector>

namespace clang {
class ASTContext;
class Expr;
class FunctionDecl;
class VarDecl;
class CXXRecordDecl;
} // namespace clang

namespace contractcheck {

struct QtCreation {
  enum class State {
    Unknown, // the class made is not known here
    Made,    // Classes holds every class the object can be of
    Elsewhere // the object is what Factory returns, and its body is in another TU
  };
  State Is = State::Unknown;
  std::vector<const clang::CXXRecordDecl *> Classes;
  const clang::FunctionDecl *Factory = nullptr;
};

QtCreation qtCreation(const clang::Expr &Object, clang::ASTContext &Context);

// The classes a function defined here makes, for the judging step of calls in other TUs.
QtCreation qtFactoryCreation(const clang::FunctionDecl &Definition, clang::ASTContext &Context);

// Class as a fact: its name and every meta-method it has.
QtMadeClass qtMadeClass(const clang::CXXRecordDecl &Class);

// Whether a local is only read after its initialisation: what it holds is its initialiser.
bool localOnlyRead(const clang::VarDecl &Var, clang::ASTContext &Context);

// Whether Method of a made class is one a string of that Wanted kind ("signal", "slot", "any")
// with Name and Arguments finds, compared by normalised spelling as the judging step can.
bool qtMadeMethodMatches(const QtMadeMethod &Method, const std::string &Wanted,
                         const std::string &Name,
                         const std::vector<std::vector<std::string>> &Arguments,
                         bool NameOnly);

} // namespace contractcheck
