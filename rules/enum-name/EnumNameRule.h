// contract-enum-name: string literals that must spell an enumerator — magic_enum::enum_cast,
// string-to-enum functions whose body shows the names they accept, configured functions — and
// do not. See docs/rules/contract-enum-name.md.
#pragma once

#include "rules/enum-name/ConfiguredFunctions.h"
#include "rules/enum-name/ExpectedFailures.h"
#include "rules/enum-name/RoundTrips.h"
#include "Rule.h"
#include "rules/utils/StringParsers.h"
#include "rules/utils/EnumDefinitionMatcher.h"

#include <clang/Basic/SourceLocation.h>
#include <llvm/ADT/DenseMap.h>
#include <llvm/ADT/DenseSet.h>

#include <map>
#include <optional>

namespace contractcheck {

class EnumNameRule : public Rule {
public:
  explicit EnumNameRule(RuleContext &Context);

  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  // Judges what is spelled in source: calls in templates are judged in the template.
  bool needsInstantiations(const SkippedInstantiations &) const override { return false; }
  void onEndOfTranslationUnit() override;

private:
  struct LiteralCall {
    const clang::CallExpr *Call;
    const clang::FunctionDecl *Callee;
    const clang::StringLiteral *Literal;
  };

  void checkMagicEnum(const clang::CallExpr &Call, const clang::FunctionDecl &Callee);
  void checkInferred(const LiteralCall &Call);
  void checkConfigured(const LiteralCall &Call, const ConfiguredFunction &Function);
  const std::optional<AcceptedNames> &acceptedBy(const clang::FunctionDecl &Definition);
  void emitParserFact(const clang::FunctionDecl &Definition);
  void recordConfiguredEnum(const clang::EnumDecl &Enum);
  void checkRoundTrips(const NameWriter &Writer);
  bool reportable(const clang::StringLiteral &Literal) const;
  bool reportable(const LiteralCall &Call) const;
  std::optional<std::string> expectedValue(const LiteralCall &Call) const;
  void noteAssertedLiteral(const clang::CallExpr &Call, const clang::StringLiteral *Literal);
  clang::SourceLocation spelledAt(const clang::StringLiteral &Literal) const;

  const bool Infer;
  const bool RoundTrips;
  const std::vector<ConfiguredFunction> Functions;
  const std::vector<std::string> CatchAllWords; // lower-case
  EnumNameSet DataEnums;  // the enums the `data` bindings name
  EnumNameSet NamedEnums; // those and the enums of the configured functions

  clang::ASTContext *Ctx = nullptr;
  std::vector<LiteralCall> InferredCalls;
  std::vector<std::pair<const clang::CallExpr *, const clang::FunctionDecl *>> MagicEnumCalls;
  // Calls a test makes with invalid input on purpose (EXPECT_THROW, EXPECT_FALSE, ...).
  CallSet ExpectedToFail;
  // Calls a test assertion expects to equal a value: invalid on purpose when the value is the
  // parser's fallback.
  ComparedCalls ExpectedValues;
  // The same two, by where the call's literal is spelled (noteAssertedLiteral).
  llvm::DenseSet<clang::SourceLocation> LiteralsExpectedToFail;
  llvm::DenseMap<clang::SourceLocation, const clang::Expr *> LiteralsExpectedValues;
  std::vector<std::pair<LiteralCall, const ConfiguredFunction *>> ConfiguredCalls;
  std::vector<const clang::FunctionDecl *> MainFileParsers;
  // Round trips: every to-string function and string-to-enum definition the TU has.
  std::vector<NameWriter> NameWriters;
  std::vector<const clang::FunctionDecl *> TUParsers;
  std::map<std::string, const clang::EnumDecl *> ConfiguredEnums;
  llvm::DenseMap<const clang::FunctionDecl *, std::optional<AcceptedNames>> Accepted;
};

} // namespace contractcheck
