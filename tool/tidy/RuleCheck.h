// The generic adapter that serves any per-TU rule as a clang-tidy check: options come from
// CheckOptions, diagnostics go through clang-tidy, the rule itself is the matcher callback.
#pragma once

#include "Rule.h"

#include <clang-tidy/ClangTidyCheck.h>
#include <llvm/ADT/DenseMap.h>

#include <map>
#include <mutex>

namespace contractcheck {

// The shared analyses of each TU clang-tidy (or clangd, several at once) is checking: the checks
// of one TU register their matchers with the same MatchFinder, so the TU's analyses are found by
// it. Each check holds those of its TU; they go when the TU's checks go. Owned by the module's
// check factories, so nothing outlives them.
class TidyAnalyses {
public:
  std::shared_ptr<TUAnalyses> of(const clang::ast_matchers::MatchFinder *Finder);

private:
  std::mutex Lock;
  std::map<const clang::ast_matchers::MatchFinder *, std::weak_ptr<TUAnalyses>> ByFinder;
};

class RuleCheck : public clang::tidy::ClangTidyCheck, private RuleContext {
public:
  RuleCheck(const RuleInfo &Info, llvm::StringRef Name, clang::tidy::ClangTidyContext *Context,
            std::shared_ptr<TidyAnalyses> Shared);

  bool isLanguageVersionSupported(const clang::LangOptions &LangOpts) const override;
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void registerPPCallbacks(const clang::SourceManager &SM, clang::Preprocessor *PP,
                           clang::Preprocessor *ModuleExpanderPP) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;

private:
  const RuleInfo &rule() const override { return Info; }
  const RuleOptions &options() const override { return Options; }
  clang::DiagnosticBuilder diag(clang::SourceLocation Loc, llvm::StringRef Message,
                                clang::DiagnosticIDs::Level Level) override;
  void emitFact(Fact) override {}
  bool keepsFacts() const override { return false; }
  TUAnalyses &analyses() override { return *Analyses; }
  std::string baseDirectory() const override { return BaseDirectory; }

  nlohmann::json readOptions();
  bool readGlobalBool(std::string_view Key);
  bool leftOutFile(clang::SourceLocation Loc);

  const RuleInfo &Info;
  const RuleOptions Options;
  const std::string BaseDirectory;
  const std::shared_ptr<TidyAnalyses> Shared;
  std::shared_ptr<TUAnalyses> Analyses; // this TU's, from registerMatchers on
  const std::unique_ptr<Rule> Impl;
  // paths.generated and paths.vendored, as the CLI's configuration writes them: one global
  // CheckOption each.
  const bool ReportGenerated;
  const bool ReportVendored;
  const clang::SourceManager *SM = nullptr;
  // Whether findings in each file are left out (generated or vendored, and not reported).
  llvm::DenseMap<clang::FileID, bool> LeftOutFiles;
  // The notes of a finding left out (in generated or vendored code) go with it.
  bool LeavingOut = false;
};

} // namespace contractcheck
