#include "RuleCheck.h"

#include "OptionParser.h"

namespace contractcheck {

RuleCheck::RuleCheck(const RuleInfo &Info, llvm::StringRef Name,
                     clang::tidy::ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), Info(Info), Options(Info, readOptions()),
      Impl(Info.CreateTURule(*this)) {}

// Validated as the CLI validates .contractcheck.yaml; a bad value is reported the way clang-tidy
// reports its own checks' bad options, and the option keeps its default.
nlohmann::json RuleCheck::readOptions() {
  nlohmann::json Values = nlohmann::json::object();
  for (const OptionSpec &Spec : Info.Options) {
    std::string Name = tidyOptionName(Spec.Key);
    std::optional<llvm::StringRef> Value = ClangTidyCheck::Options.get(Name);
    if (!Value)
      continue;
    try {
      Values[std::string(Spec.Key)] = parseOptionString(Spec, Value->str());
    } catch (const OptionError &E) {
      configurationDiag("invalid configuration value '%0' for option '%1': %2")
          << *Value << (std::string(Info.Id) + "." + Name) << E.Message;
    }
  }
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
                                  toOptionString(Spec, Options.get(Spec.Key)));
}

clang::DiagnosticBuilder RuleCheck::diag(clang::SourceLocation Loc, llvm::StringRef Message,
                                         clang::DiagnosticIDs::Level Level) {
  return ClangTidyCheck::diag(Loc, Message, Level);
}

} // namespace contractcheck
