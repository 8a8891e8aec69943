// contract-string-dispatch's Qt preset: the method names Qt resolves from strings at runtime —
// SIGNAL()/SLOT() in QObject::connect and every other call taking a receiver and a member string,
// and QMetaObject::invokeMethod(obj, "name", Q_ARG...) — judged against the signals, slots and
// Q_INVOKABLE methods of the receiver's class as this TU declares it. Needs no configuration and
// no moc output.
#pragma once

#include "DiagnosticMessage.h"
#include "rules/string-dispatch/QtMetaMethods.h"
#include "rules/string-dispatch/QtCreatedClasses.h"
#include "rules/string-dispatch/QtUicForms.h"
#include "rules/string-dispatch/StringDispatchFacts.h"

#include <clang/ASTMatchers/ASTMatchFinder.h>
#include <clang/Basic/Diagnostic.h>

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace contractcheck {

class QtMethodStrings {
public:
  using Report = std::function<clang::DiagnosticBuilder(
      clang::SourceLocation, const DiagnosticMessage &, clang::DiagnosticIDs::Level)>;
  // Facts for the CLI's judging step: a string on an object a factory of another TU makes, and
  // the classes each factory defined here makes.
  using Defer = std::function<void(QtDeferredStringFact)>;
  using Factory = std::function<void(QtFactoryFact)>;
  // And what other TUs' type tests read: the virtual bool methods and the QObject classes whose
  // members this TU's file defines.
  using Predicate = std::function<void(QtPredicateFact)>;
  using ClassHome = std::function<void(QtClassFact)>;
  QtMethodStrings(Report Diag, Defer Deferred, Factory Factories, Predicate Predicates,
                  ClassHome Classes)
      : Diag(std::move(Diag)), Deferred(std::move(Deferred)), Factories(std::move(Factories)),
        Predicates(std::move(Predicates)), Classes(std::move(Classes)) {}

  // KeepsFacts: a judging step will read the facts (the CLI); otherwise every string is judged
  // with what this TU sees.
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder,
                        clang::ast_matchers::MatchFinder::MatchCallback *Callback,
                        bool KeepsFacts);
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result);

  // A string judged against its receiver's meta-methods, for the report's service map.
  struct Judged {
    const clang::CXXRecordDecl *Receiver;
    std::string Name;
    clang::SourceLocation Where;
    std::string Drift; // the finding's message; empty when the string names a meta-method
  };
  // What was judged since the last call, in source order of the judging.
  std::vector<Judged> takeJudged() { return std::exchange(JudgedStrings, {}); }

private:
  // A SIGNAL()/SLOT() string, or an invokeMethod name, and what it was resolved to.
  struct MethodString;

  // Connects: Qt's connect family, which hands the signal's arguments to the slot. QtCallee: a
  // function of Qt's own, which looks the string up by its whole signature.
  void checkArguments(const clang::Expr &Call, std::vector<const clang::Expr *> Arguments,
                      const clang::Expr *Object, bool Connects, bool QtCallee,
                      clang::ASTContext &Context);
  void checkInvokeMethod(const clang::CallExpr &Call, clang::ASTContext &Context);
  // The meta-method the string names, or none after reporting why there is none (or when
  // a class derived from the receiver's may declare it). Made: the object is known to be made
  // as one of these classes, String.Receiver the one judged.
  std::optional<QtMetaMethod> resolve(const MethodString &String, clang::ASTContext &Context,
                                      const QtCreation *Made = nullptr);
  // Reports a string's drift (Message, with a note at NoteAt), or leaves it to the judging step
  // when the object is what a factory of another TU makes.
  void drift(const MethodString &String, const std::string &Message, const clang::Decl *NoteAt,
             const std::string &Note, const QtCreation &Made, clang::ASTContext &Context);
  void checkFactory(const clang::FunctionDecl &Definition, clang::ASTContext &Context);
  // Reported at the slot, or at At (a signal passed through a helper's parameter).
  void checkCompatible(const MethodString &Signal, const QtMetaMethod &SignalMethod,
                       const MethodString &Slot, const QtMetaMethod &SlotMethod,
                       clang::ASTContext &Context, const MethodString *At = nullptr);
  // A string passed through a helper's (or a lambda's) parameter into Qt's connect, checked
  // against the string that connect pairs it with.
  void checkForwardedConnect(const MethodString &String, const QtMetaMethod &Method,
                             clang::ASTContext &Context);
  // Where a string's finding is reported: at the string, or at the .ui element uic wrote it from.
  clang::SourceLocation reportedAt(const MethodString &String, clang::ASTContext &Context);
  // Whether a class derived from the receiver's that this TU defines (the project's), or that a
  // type test guarding the receiver names, declares the string's method.
  bool derivedClassDeclares(const MethodString &String, clang::ASTContext &Context);
  // The meta-method of Class (or its bases) the string names: name, kind and signature.
  std::optional<QtMetaMethod> declaredBy(const clang::CXXRecordDecl &Class,
                                         const MethodString &String, clang::ASTContext &Context);
  void reportBareName(llvm::StringRef Text, clang::SourceLocation Where);
  bool once(clang::SourceLocation Loc, const std::string &Message);
  void noteAt(const clang::Decl *Where, llvm::StringRef Message);

  Report Diag;
  QtCreations Creations;
  Defer Deferred;
  Factory Factories;
  Predicate Predicates;
  ClassHome Classes;
  std::set<const clang::CXXRecordDecl *> ClassesRecorded;
  bool KeepsFacts = false;
  std::vector<Judged> JudgedStrings;
  std::set<std::pair<clang::SourceLocation, std::string>> Reported; // instantiations repeat
  const clang::ASTContext *ClassesOf = nullptr;
  std::vector<const clang::CXXRecordDecl *> QObjectClasses; // every definition in the TU
  QtUicForms Forms;
};

} // namespace contractcheck
