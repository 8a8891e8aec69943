// The interface every per-TU rule implements, shaped like clang-tidy's ClangTidyCheck so a rule
// reads like a check and a generic adapter can serve it to clang-tidy unchanged.
#pragma once

#include "DiagnosticMessage.h"
#include "RuleContext.h"

#include <clang/ASTMatchers/ASTMatchFinder.h>

namespace clang {
class Preprocessor;
class SourceManager;
class LangOptions;
} // namespace clang

namespace contractcheck {

// What a parse that left the library's function bodies unparsed may lack: the instantiations of
// the TU's own templates that only those bodies would have made (see BodySkipPolicy).
struct SkippedInstantiations {
  // The top-level declarations the TU's parse read.
  llvm::ArrayRef<clang::Decl *> TopLevel;
  // The library function template instantiations whose bodies went unparsed although their
  // template arguments, or those of the class they belong to, reach the project's templates.
  llvm::ArrayRef<const clang::FunctionDecl *> Skipped;
};

// The template argument lists an instantiation was given: its own, and those of the class and
// function template specializations it is a member of.
llvm::SmallVector<llvm::ArrayRef<clang::TemplateArgument>, 4>
templateArgumentsGiven(const clang::FunctionDecl &F);

class Rule : public clang::ast_matchers::MatchFinder::MatchCallback {
public:
  explicit Rule(RuleContext &Context) : Context(Context) {}

  virtual bool isLanguageVersionSupported(const clang::LangOptions &LangOpts) const { return true; }
  virtual void registerMatchers(clang::ast_matchers::MatchFinder *Finder) {}
  virtual void registerPPCallbacks(const clang::SourceManager &SM, clang::Preprocessor *PP,
                                   clang::Preprocessor *ModuleExpanderPP) {}
  virtual void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) {}
  // Whether this rule may judge something that only an instantiation of one of the TU's own
  // templates holds (a switch over a template parameter's enum, a mock class template), which
  // the library bodies the parse skipped may have made. The CLI leaves the bodies of library
  // templates unparsed while no enabled rule says yes (see BodySkipPolicy); a rule that judges
  // only what is spelled in source says no. The CLI also asks while the TU is still being
  // parsed, showing each time only what was parsed and skipped since it last asked (and an
  // empty TopLevel never): the answer must be a search of what is shown, yes when something
  // shown makes it yes, whatever else the TU holds.
  virtual bool needsInstantiations(const SkippedInstantiations & /*Skipped*/) const { return true; }
  // Asked, about the same declarations, only after needsInstantiations said yes at the end of a
  // parse that has the library's template bodies and put the instantiations aside: which of
  // those shown it needs made. The CLI makes only those some rule names (and what Sema needs to
  // make them) and leaves the others as the first parse leaves them, so a rule names every one
  // that could hold or make what it judges: all of them (the default) when its yes comes from
  // the TU's own code.
  virtual std::vector<const clang::FunctionDecl *>
  instantiationsNeeded(const SkippedInstantiations &Skipped) const {
    return {Skipped.Skipped.begin(), Skipped.Skipped.end()};
  }

  void run(const clang::ast_matchers::MatchFinder::MatchResult &Result) final { check(Result); }
  llvm::StringRef getID() const override;

protected:
  // Message is a format when written as a literal, text otherwise (DiagnosticMessage.h).
  clang::DiagnosticBuilder diag(clang::SourceLocation Loc, const DiagnosticMessage &Message,
                                clang::DiagnosticIDs::Level Level = clang::DiagnosticIDs::Warning) {
    return Context.diag(Loc, Message.format(), Level);
  }
  // Call right before the diag() whose fix-its it describes.
  void describeNextFix(std::string Description) {
    Context.describeNextFix(std::move(Description));
  }
  const RuleOptions &options() const { return Context.options(); }
  bool keepsFacts() const { return Context.keepsFacts(); }
  // T must be one of the kinds the rule's RuleInfo::FactKinds declares.
  template <FactType T> void emitFact(const T &Value) {
    Context.emitFact(makeFact(Context.rule().Id, Value));
  }
  // The TU's shared analysis T, made and its matchers registered by the first rule that asks (in
  // registerMatchers); read it at the end of the TU. Its facts are T's, not the rule's: the
  // global step reads them when RuleInfo::Analyses lists T::Info.
  template <TUAnalysisType T> SharedAnalysis<T> analysis(clang::ast_matchers::MatchFinder *Finder) {
    return SharedAnalysis<T>(Context.analyses().get<T>(Finder));
  }

private:
  RuleContext &Context;
};

} // namespace contractcheck
