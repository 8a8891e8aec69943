// Where the object behind a SIGNAL()/SLOT() receiver is made. Qt looks a string up on the
// object's dynamic meta-object: `RemotePeer *peer = new LegacyPeer(...)` answers to LegacyPeer's
// signals. Followed through a `new D(...)`, a local only read after its initialiser, a '?:' of
// those, a call to a non-virtual function whose every return statement returns one of those (or
// null), a data member every write of which this TU sees is one of those, and a virtual
// function's overrides. Where all of those are certain (the first four), the object's classes are
// known whole; a member (another TU may write it too) or a virtual (another TU may override it)
// gives some of the classes the object can be of. Anything else (a parameter, a container, a
// member whose address is taken) leaves the object's class unknown.
#pragma once

#include "rules/string-dispatch/QtMetaMethods.h"
#include "rules/string-dispatch/StringDispatchFacts.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class Expr;
class FieldDecl;
class FunctionDecl;
class CXXMethodDecl;
class VarDecl;
class CXXRecordDecl;
} // namespace clang

namespace contractcheck {

struct QtCreation {
  enum class State {
    Unknown,  // the class made is not known here
    Made,     // Classes holds classes the object can be of: every one when Whole
    Elsewhere // the object is (or may be) what Factory returns, whose body or overrides are in
              // other TUs; Classes holds those made by what this TU sees of it
  };
  State Is = State::Unknown;
  std::vector<const clang::CXXRecordDecl *> Classes;
  const clang::FunctionDecl *Factory = nullptr;
  bool Whole = true; // Made: no class outside Classes can be made
};

// The making of objects in one TU. A member's writes and a virtual's overrides are read from the
// whole TU once, when first asked for.
class QtCreations {
public:
  QtCreations();
  ~QtCreations();
  QtCreation of(const clang::Expr &Object, clang::ASTContext &Context);
  // The classes a function defined here makes, for the judging step of calls in other TUs.
  QtCreation ofFactory(const clang::FunctionDecl &Definition, clang::ASTContext &Context);

  struct Index;

private:
  QtCreation creation(const clang::Expr &Object, unsigned Depth);
  QtCreation madeBy(const std::vector<const clang::Expr *> &Values, unsigned Depth);
  QtCreation factoryCreation(const clang::FunctionDecl &Definition, unsigned Depth);
  QtCreation virtualCreation(const clang::CXXMethodDecl &Method, unsigned Depth);
  QtCreation memberCreation(const clang::FieldDecl &Field, unsigned Depth);
  const Index &index();

  clang::ASTContext *Context = nullptr;
  std::unique_ptr<Index> Built; // of Context
};

// The USRs of every method Method overrides, directly or not.
std::vector<std::string> qtOverriddenUsrs(const clang::CXXMethodDecl &Method);

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
