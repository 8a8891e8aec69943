// The generic adapter that serves any per-TU rule as a clang-tidy check: options come from
// CheckOptions, diagnostics go through clang-tidy, the rule itself is the matcher callback.
#pragma once

#include "Rule.h"

#include <clang-tidy/ClangTidyCheck.h>
#include <llvm/ADT/DenseMap.h>

namespace contractcheck {

class RuleCheck : public clang::tidy::ClangTidyCheck, private RuleContext {
public:
  RuleCheck(const RuleInfo &Info, llvm::StringRef Name, clang::tidy::ClangTidyContext *Context);

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
  std::string baseDirectory() const override { return BaseDirectory; }

  nlohmann::json readOptions();
  bool readReportGenerated();
  bool inGeneratedFile(clang::SourceLocation Loc);

  const RuleInfo &Info;
  const RuleOptions Options;
  const std::string BaseDirectory;
  const std::unique_ptr<Rule> Impl;
  // paths.generated, as the CLI's configuration writes it: one global CheckOption.
  const bool ReportGenerated;
  const clang::SourceManager *SM = nullptr;
  llvm::DenseMap<clang::FileID, bool> Generated;
  // The notes of a finding left out (in generated code) go with it.
  bool LeavingOut = false;
};

} // namespace contractcheck
