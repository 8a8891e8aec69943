// contract-inactive-code: enumerators and methods that no longer exist, named in code the
// preprocessor skips in this configuration (`#ifdef _WIN32`, `#ifdef LEGACY_PROTOCOL`).
// See docs/rules/contract-inactive-code.md.
#pragma once

#include "rules/inactive-code/InactiveTokens.h"
#include "Rule.h"

#include <vector>

namespace contractcheck {

class PointScope;

class InactiveCodeRule : public Rule {
public:
  explicit InactiveCodeRule(RuleContext &Context);

  void registerPPCallbacks(const clang::SourceManager &SM, clang::Preprocessor *PP,
                           clang::Preprocessor *ModuleExpanderPP) override;
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  // Judges names in inactive preprocessor branches, looked up where they are written.
  bool needsInstantiations(const SkippedInstantiations &) const override { return false; }

  // What a conditional group tests: Literal for `#if 0` / `#if 1` groups, Version for groups
  // that compare a version macro (`#if QT_VERSION >= 0x050000`); an `#elif` adds to its `#if`.
  struct GroupCondition {
    bool Literal = false;
    bool Version = false;
  };
  // A skipped range as the preprocessor reported it, with what its group tests.
  struct Skipped {
    clang::SourceRange Range;
    GroupCondition Group;
  };

private:
  void checkQualified(const InactiveBranch &Branch, const QualifiedReference &Ref,
                      const PointScope &Scope);
  void checkCall(const InactiveBranch &Branch, const MemberCall &Call, const PointScope &Scope);
  bool ambiguousName(llvm::StringRef Name) const;
  bool mentionedInactive(const clang::Decl &D, llvm::StringRef Name) const;
  void report(clang::SourceLocation Loc, llvm::StringRef Directive, std::string What,
              const clang::Decl &Definition, std::string DefinitionNote);

  const bool IncludeLiteralConditions;
  const bool IncludeVersionBranches;
  std::vector<Skipped> SkippedRanges;
  std::vector<InactiveBranch> Branches;
  llvm::StringSet<> TestedMacros; // names the active conditions test (#ifdef X, defined(X))
  clang::ASTContext *Ctx = nullptr;
};

} // namespace contractcheck
