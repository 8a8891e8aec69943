#include "RuleCheck.h"

#include "GeneratedCode.h"
#include "VendoredCode.h"
#include "OptionParser.h"

#include <clang/Basic/SourceManager.h>
#include <clang/Lex/Preprocessor.h>

#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>

namespace contractcheck {

namespace {

// clang-tidy reads the nearest .clang-tidy upward from the file it analyses; relative paths in
// its options are taken from that file's directory, as the CLI takes them from its
// configuration's. Without one (options given by --config), from the working directory.
std::string configurationDirectory(llvm::StringRef MainFile) {
  llvm::SmallString<256> Dir(MainFile);
  llvm::sys::fs::make_absolute(Dir);
  for (llvm::StringRef Parent = llvm::sys::path::parent_path(Dir); !Parent.empty();
       Parent = llvm::sys::path::parent_path(Parent)) {
    llvm::SmallString<256> Candidate(Parent);
    llvm::sys::path::append(Candidate, ".clang-tidy");
    if (llvm::sys::fs::is_regular_file(Candidate))
      return Parent.str();
  }
  llvm::SmallString<256> Current;
  llvm::sys::fs::current_path(Current);
  return Current.str().str();
}

} // namespace

std::shared_ptr<TUAnalyses> TidyAnalyses::of(const clang::ast_matchers::MatchFinder *Finder) {
  std::lock_guard<std::mutex> Locked(Lock);
  std::erase_if(ByFinder, [](const auto &Entry) { return Entry.second.expired(); });
  std::shared_ptr<TUAnalyses> Analyses = ByFinder[Finder].lock();
  if (!Analyses) {
    Analyses = std::make_shared<TUAnalyses>(); // facts dropped: no global step follows
    ByFinder[Finder] = Analyses;
  }
  return Analyses;
}

RuleCheck::RuleCheck(const RuleInfo &Info, llvm::StringRef Name,
                     clang::tidy::ClangTidyContext *Context, std::shared_ptr<TidyAnalyses> Shared)
    : ClangTidyCheck(Name, Context), Info(Info), Options(Info, readOptions()),
      BaseDirectory(configurationDirectory(Context->getCurrentFile())), Shared(std::move(Shared)),
      Impl(Info.CreateTURule(*this)),
      ReportGenerated(Info.ReportsInGeneratedCode ||
                      readGlobalBool("report-generated-code")),
      // A rule that reports in generated code judges only what the configuration names, which
      // holds in a vendored copy too.
      ReportVendored(Info.ReportsInGeneratedCode ||
                     readGlobalBool("report-vendored-code")) {}

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

// paths.generated / paths.vendored as the CLI's configuration writes them: one global
// CheckOption each, read with getLocalOrGlobal (the typed overload is not exported by the host)
// and validated as the rules' own boolean options are.
bool RuleCheck::readGlobalBool(std::string_view Key) {
  const OptionSpec Spec{Key, OptionType::Bool, "false", ""};
  std::optional<llvm::StringRef> Value =
      ClangTidyCheck::Options.getLocalOrGlobal(tidyOptionName(Spec.Key));
  if (!Value)
    return false;
  try {
    return parseOptionString(Spec, Value->str()).get<bool>();
  } catch (const OptionError &E) {
    configurationDiag("invalid configuration value '%0' for option '%1': %2")
        << *Value << tidyOptionName(Spec.Key) << E.Message;
    return false;
  }
}

bool RuleCheck::isLanguageVersionSupported(const clang::LangOptions &LangOpts) const {
  return Impl->isLanguageVersionSupported(LangOpts);
}

void RuleCheck::registerMatchers(clang::ast_matchers::MatchFinder *Finder) {
  Analyses = Shared->of(Finder);
  Impl->registerMatchers(Finder);
}

void RuleCheck::registerPPCallbacks(const clang::SourceManager &SM, clang::Preprocessor *PP,
                                    clang::Preprocessor *ModuleExpanderPP) {
  this->SM = &SM;
  LeftOutFiles.clear();
  if (Analyses)
    Analyses->setHeaders(PP ? &PP->getHeaderSearchInfo() : nullptr);
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
  // The CLI leaves these out where it merges findings (ResultMerger); an ignored diagnostic is
  // clang-tidy's way to say nothing, and its notes are dropped with it.
  if (Level != clang::DiagnosticIDs::Note)
    LeavingOut = leftOutFile(Loc);
  return ClangTidyCheck::diag(Loc, Message, LeavingOut ? clang::DiagnosticIDs::Ignored : Level);
}

bool RuleCheck::leftOutFile(clang::SourceLocation Loc) {
  if ((ReportGenerated && ReportVendored) || !SM || Loc.isInvalid())
    return false;
  clang::FileID File = SM->getFileID(SM->getFileLoc(Loc));
  auto [It, Inserted] = LeftOutFiles.try_emplace(File, false);
  if (Inserted)
    if (std::optional<llvm::StringRef> Text = SM->getBufferDataOrNone(File))
      It->second = (!ReportGenerated && !generatorOf(*Text).empty()) ||
                   (!ReportVendored && !vendoredLibraryOf(*Text).empty());
  return It->second;
}

} // namespace contractcheck
