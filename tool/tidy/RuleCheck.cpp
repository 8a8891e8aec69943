#include "RuleCheck.h"

namespace contractcheck {

RuleCheck::RuleCheck(const RuleInfo &Info, llvm::StringRef Name,
                     clang::tidy::ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), Info(Info), Options(Info, readOptions()),
      Impl(Info.CreateTURule(*this)) {}

std::map<std::string, std::string> RuleCheck::readOptions() const {
  std::map<std::string, std::string> Values;
  for (const OptionSpec &Spec : Info.Options)
    if (std::optional<llvm::StringRef> Value = ClangTidyCheck::Options.get(tidyOptionName(Spec.Key)))
      Values[std::string(Spec.Key)] = Value->str();
  return Values;
}

bool RuleCheck::isLanguageVersionSupported(const clang::LangOptions &LangOpts) const {
  return Impl->isLanguageVersionSupported(LangOpts);
}

void RuleCheck::registerMatchers(clang::ast_matchers::MatchFinder *Finder) {
  Impl->registerMatchers(Finder);
}

void RuleCheck::registerPPCallbacks(const clang::SourceManager &SM, clang::Preprocessor *PP,
                                    clang::Preprocessor *ModuleExpanderPP) {
  Impl->registerPPCallbacks(SM, PP, ModuleExpanderPP);
}

// Never called: the rule registers itself as the callback of its own matchers.
void RuleCheck::check(const clang::ast_matchers::MatchFinder::MatchResult &) {}

void RuleCheck::storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) {
  for (const OptionSpec &Spec : Info.Options)
    ClangTidyCheck::Options.store(Opts, tidyOptionName(Spec.Key),
                                  Options.getString(Spec.Key));
}

clang::DiagnosticBuilder RuleCheck::diag(clang::SourceLocation Loc, llvm::StringRef Message,
                                         clang::DiagnosticIDs::Level Level) {
  return ClangTidyCheck::diag(Loc, Message, Level);
}

} // namespace contractcheck
