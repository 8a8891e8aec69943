// contract-mock-drift: a mock method (gMock, legacy gMock, hand-written fake) that matches no
// method of the real class it stands in for. See docs/rules/contract-mock-drift.md.
// The per-TU part judges what one TU pairs and emits facts for what only several TUs together
// pair (co-instantiation across TUs); MockDriftGlobalRule joins them in the CLI.
#pragma once

#include "rules/mock-drift/MockPairing.h"
#include "Rule.h"

#include <llvm/ADT/SetVector.h>

namespace clang {
class HeaderSearch;
} // namespace clang

#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace contractcheck {

class MockDriftRule : public Rule {
public:
  explicit MockDriftRule(RuleContext &Context);

  bool isLanguageVersionSupported(const clang::LangOptions &LangOpts) const override;
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  // See MockDriftInstantiations.cpp.
  bool needsInstantiations(const SkippedInstantiations &Skipped) const override;
  std::vector<const clang::FunctionDecl *>
  instantiationsNeeded(const SkippedInstantiations &Skipped) const override;
  // Pairing needs every class of the TU (naming lookup, co-instantiation), so the judging
  // happens once the whole TU has been seen.
  void onEndOfTranslationUnit() override;
  void registerPPCallbacks(const clang::SourceManager &SM, clang::Preprocessor *PP,
                           clang::Preprocessor *ModuleExpanderPP) override;

private:
  class Analysis;

  // Whether the TU's own code makes every instantiation a possible maker of a pairing.
  bool needsEveryInstantiation(const SkippedInstantiations &Skipped) const;
  // needsEveryInstantiation's last answer and the declarations it was about: which
  // instantiations are needed is asked about the same declarations right after whether they are
  // (Rule.h), and the search of the TU's code is most of either answer.
  struct EveryAnswer {
    const clang::Decl *const *TopLevel = nullptr;
    size_t Size = 0;
    bool Every = false;
  };
  mutable std::optional<EveryAnswer> LastEvery;

  const std::vector<NamePattern> Patterns;
  const std::vector<std::pair<std::string, std::string>> Pairs;
  const bool ReportUnpaired;
  // The include search path, for substitute headers (see SubstituteHeader.h).
  const clang::HeaderSearch *Headers = nullptr;

  clang::ASTContext *Ctx = nullptr;
  llvm::SetVector<const clang::CXXRecordDecl *> Records;
  llvm::SetVector<const clang::ClassTemplateDecl *> Templates;
  // A mock class template reports once, whichever instantiations drift.
  std::set<std::tuple<unsigned, std::string, const void *>> Reported;
};

} // namespace contractcheck
