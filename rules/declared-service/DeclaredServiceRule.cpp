#include "rules/declared-service/DeclaredServiceRule.h"
#include "InputFile.h"

#include "rules/declared-service/DeclaredServiceFacts.h"
#include "rules/declared-service/DeclaredServiceGlobal.h"
#include "rules/declared-service/DeclaredServiceMap.h"
#include "GlobFiles.h"
#include "rules/declared-service/ProbeMemo.h"
#include "rules/declared-service/ProbeSource.h"
#include "rules/declared-service/SignatureJudge.h"
#include "rules/declared-service/SignatureProbe.h"
#include "rules/declared-service/TranslationUnitProbe.h"
#include "SourcePositions.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/DeclTemplate.h>
#include <clang/ASTMatchers/ASTMatchers.h>
#include <clang/Basic/SourceManager.h>
#include <clang/Lex/Preprocessor.h>

using namespace clang;
using namespace clang::ast_matchers;

namespace contractcheck {

namespace {

constexpr OptionSpec Options[] = {
    {"contracts", OptionType::PathGlobList, "",
     "Path globs of the contract files (YAML, relative to the configuration file), e.g. "
     "'contracts/*.yaml'. Each names a class ('service:') and the member declarations it must "
     "offer ('methods:')."},
    {"strict", OptionType::Bool, "false",
     "Also report the public methods of a service that its contract does not declare."},
};

// The class a qualified name names in this TU, looked up scope by scope from the global
// namespace (inline namespaces are seen through); nullptr when the TU declares no such class.
const NamedDecl *lookupQualified(ASTContext &Ctx, llvm::StringRef Name) {
  const DeclContext *Context = Ctx.getTranslationUnitDecl();
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  Name.split(Parts, "::");
  const NamedDecl *Found = nullptr;
  for (size_t I = 0; I < Parts.size(); ++I) {
    if (!Context)
      return nullptr;
    Found = nullptr;
    for (NamedDecl *D : Context->lookup(&Ctx.Idents.get(Parts[I]))) {
      const bool Last = I + 1 == Parts.size();
      if (Last ? isa<CXXRecordDecl, ClassTemplateDecl>(D) : isa<NamespaceDecl, CXXRecordDecl>(D)) {
        Found = D;
        break;
      }
    }
    if (!Found)
      return nullptr;
    Context = dyn_cast<DeclContext>(Found);
    if (const auto *Record = dyn_cast<CXXRecordDecl>(Found))
      Context = Record->getDefinition();
  }
  return Found;
}

SourceLocation locate(SourceManager &SM, FileID File, unsigned Line, unsigned Column) {
  if (File.isInvalid() || Line == 0)
    return {};
  return SM.translateLineCol(File, Line, std::max(Column, 1u));
}

SourceLocation locate(SourceManager &SM, const SourcePosition &Where) {
  if (Where.File.empty())
    return {};
  OptionalFileEntryRef Entry = SM.getFileManager().getOptionalFileRef(Where.File);
  if (!Entry)
    return {};
  FileID File = SM.translateFile(*Entry);
  return locate(SM, File, Where.Line, Where.Column);
}

DiagnosticBuilder &&withArgs(DiagnosticBuilder &&Builder, const VerdictText &Text) {
  for (const std::string &Arg : Text.Args)
    Builder << Arg;
  return std::move(Builder);
}

std::string rendered(const ProbeDiagnostic &D) {
  return (D.File.empty()
              ? ""
              : D.File + ":" + std::to_string(D.Line) + ":" + std::to_string(D.Column) + ": ") +
         D.Message;
}

} // namespace

DeclaredServiceRule::DeclaredServiceRule(RuleContext &Context)
    : Rule(Context), Contracts(options().getGlobs("contracts")),
      Strict(options().getBool("strict")), BaseDirectory(Context.baseDirectory()) {}

void DeclaredServiceRule::registerMatchers(MatchFinder *Finder) {
  if (!Contracts.empty())
    Finder->addMatcher(translationUnitDecl().bind("tu"), this);
}

void DeclaredServiceRule::registerPPCallbacks(const SourceManager &, Preprocessor *PP,
                                              Preprocessor *) {
  this->PP = PP;
}

void DeclaredServiceRule::problem(SourceLocation Loc, SourceManager &SM,
                                  const std::string &Message) {
  if (keepsFacts())
    emitFact(ContractProblemFact{positionOf(Loc, SM), Message});
  else
    diag(Loc, "%0", DiagnosticIDs::Error) << Message;
}

// The contract is read through the TU's SourceManager: it is then one of the files the TU's
// result depends on (the result store re-analyses the TU when the contract changes), and
// diagnostics can point into it in both front ends.
std::optional<DeclaredServiceRule::Judged>
DeclaredServiceRule::readContract(const std::string &Path, ASTContext &Ctx) {
  SourceManager &SM = Ctx.getSourceManager();
  // A FIFO or a device as a contract would block or exhaust the parse: read only what the shared
  // reader would (the CLI's global step reports it, through that reader).
  if (std::optional<std::string> Problem = inputFileProblem(Path, InputKind::Contract)) {
    if (!keepsFacts())
      diag(SM.getLocForStartOfFile(SM.getMainFileID()), "%0", DiagnosticIDs::Error)
          << "'" + Path + "' " + *Problem;
    return std::nullopt;
  }
  OptionalFileEntryRef Entry = SM.getFileManager().getOptionalFileRef(Path);
  if (!Entry)
    return std::nullopt; // vanished since it was listed; the global step says so
  // A contract is no file the TU included, so it has no FileID yet: looking one up first
  // (getOrCreateFileID) would read every source location entry of a loaded precompiled prefix
  // back from it (59,000 for nlohmann/json, a tenth of a single-file run of the example's
  // wire.cpp), to find nothing. check() reads each contract once per TU.
  FileID File = SM.createFileID(*Entry, SourceLocation(), SrcMgr::C_User);
  std::optional<llvm::StringRef> Text = SM.getBufferDataOrNone(File);
  if (!Text)
    return std::nullopt;
  DataError Error;
  std::optional<ServiceContract> Contract = parseServiceContract(Path, *Text, Error);
  if (!Contract) {
    // Malformed whatever the TU: the CLI's global step reports it once.
    if (!keepsFacts())
      diag(locate(SM, File, Error.Line, Error.Column), "%0", DiagnosticIDs::Error) << Error.Message;
    return std::nullopt;
  }
  const NamedDecl *Found = lookupQualified(Ctx, Contract->Service);
  if (const auto *Template = dyn_cast_or_null<ClassTemplateDecl>(Found)) {
    if (Template->isThisDeclarationADefinition() || Template->getTemplatedDecl()->hasDefinition())
      problem(
          locate(SM, File, Contract->ServicePosition.Line, Contract->ServicePosition.Column), SM,
          "'" + Contract->Service + "' is a class template; a contract names a class (not judged)");
    return std::nullopt;
  }
  const auto *Record = dyn_cast_or_null<CXXRecordDecl>(Found);
  if (!Record || !Record->getDefinition())
    return std::nullopt;
  return Judged{std::move(*Contract), File, Record->getDefinition()};
}

void DeclaredServiceRule::check(const MatchFinder::MatchResult &Result) {
  if (!PP)
    return;
  ASTContext &Ctx = *Result.Context;
  Found.clear();
  FoundIn = &Ctx.getSourceManager();
  for (const std::string &Path : filesMatching(Contracts, BaseDirectory))
    if (std::optional<Judged> Contract = readContract(Path, Ctx)) {
      emitFact(ContractJudgedFact{Path, Contract->Contract.Service});
      Found.push_back(std::move(*Contract));
    }
}

void DeclaredServiceRule::onEndOfTranslationUnit() {
  std::vector<Judged> Here = std::move(Found);
  Found.clear();
  if (!Here.empty() && FoundIn)
    judge(Here, *FoundIn);
  FoundIn = nullptr;
}

void DeclaredServiceRule::judge(std::vector<Judged> &Contracts, SourceManager &SM) {
  std::vector<ProbedContract> Probed;
  std::vector<const Judged *> Sources;
  std::vector<std::string> Headers;
  for (const Judged &J : Contracts) {
    ServiceScope Scope = scopeOf(*J.Service);
    const DataPosition &At = J.Contract.ServicePosition;
    if (Scope.RelativeName.empty()) {
      problem(locate(SM, J.File, At.Line, At.Column), SM,
              "'" + J.Contract.Service + "' is a local class; a contract cannot name it");
      continue;
    }
    Probed.push_back({&J.Contract, std::move(Scope)});
    Sources.push_back(&J);
    std::string Header = positionOf(J.Service->getLocation(), SM).File;
    if (std::find(Headers.begin(), Headers.end(), Header) == Headers.end())
      Headers.push_back(Header);
  }
  if (Probed.empty())
    return;

  const std::string MainFile = positionOf(SM.getLocForStartOfFile(SM.getMainFileID()), SM).File;
  const std::string ProbePath = MainFile + ".contractcheck-probe.cpp";
  auto JudgeAll = [&](std::vector<ContractVerdicts> &Verdicts) {
    return [&](ASTContext &Ctx) {
      for (size_t I = 0; I < Probed.size(); ++I)
        Verdicts.push_back(judgeContract(Ctx, I, Probed[I], Strict));
    };
  };

  // In the TU itself, which has parsed the service's header already: what the probe that
  // includes the main file sees, without parsing a header again, and without an #include.
  {
    ProbeSnippet Snippet = probeSnippet({}, Probed);
    std::vector<ContractVerdicts> Verdicts;
    if (std::optional<ProbeResult> Probe =
            runSignatureProbeInTranslationUnit(*PP, ProbePath, Snippet.Text, JudgeAll(Verdicts))) {
      reportProbe(Sources, Probed, Snippet, *Probe, Verdicts, MainFile, /*Retry=*/false, SM);
      return;
    }
  }

  // The headers alone are cheaper to parse; a header that needs what the main file puts before
  // it (a macro, another include) only parses within the main file.
  if (std::find(Headers.begin(), Headers.end(), MainFile) != Headers.end() ||
      !std::all_of(Headers.begin(), Headers.end(), canBeIncluded))
    Headers = {MainFile};
  if (!canBeIncluded(MainFile)) {
    for (const Judged *J : Sources)
      problem(locate(SM, J->File, J->Contract.ServicePosition.Line,
                     J->Contract.ServicePosition.Column),
              SM,
              "'" + J->Contract.Service + "' cannot be judged in '" + MainFile +
                  "': its path has a quote or a line break, which an #include cannot spell");
    return;
  }

  // A compiler of its own, where the TU's parser is not reachable.
  for (int Attempt = 0; Attempt < 2; ++Attempt) {
    ProbeSnippet Snippet = probeSnippet(Headers, Probed);
    const std::string Key =
        Snippet.Text + "\n" + (Strict ? "strict" : "") + "\n" + probeSettingsKey(*PP);
    std::optional<ProbeOutcome> Outcome = recallProbe(Key, *PP);
    if (!Outcome) {
      Outcome.emplace();
      Outcome->Probe =
          runSignatureProbe(*PP, ProbePath, Snippet.Text, JudgeAll(Outcome->Verdicts));
      rememberProbe(Key, *Outcome);
    }
    if (reportProbe(Sources, Probed, Snippet, Outcome->Probe, Outcome->Verdicts, MainFile,
                    Headers != std::vector<std::string>{MainFile}, SM))
      return;
    Headers = {MainFile};
  }
}

bool DeclaredServiceRule::reportProbe(const std::vector<const Judged *> &Sources,
                                      const std::vector<ProbedContract> &Probed,
                                      const ProbeSnippet &Snippet, const ProbeResult &Probe,
                                      const std::vector<ContractVerdicts> &Verdicts,
                                      const std::string &MainFile, bool Retry,
                                      SourceManager &SM) {
  // An error on no declaration's lines: the snippet's context did not parse.
  const ProbeDiagnostic *Outside = nullptr;
  for (const ProbeDiagnostic &D : Probe.Errors) {
    bool InMethod = false;
    for (const auto &Lines : Snippet.MethodLines)
      for (const auto &[First, Last] : Lines)
        InMethod |= D.SnippetLine >= First && D.SnippetLine <= Last;
    if (!InMethod) {
      Outside = &D;
      break;
    }
  }
  if (Outside && Retry)
    return false;
  for (size_t I = 0; I < Probed.size(); ++I) {
    const Judged &J = *Sources[I];
    const DataPosition &At = J.Contract.ServicePosition;
    if (!Probe.Ran || Outside || I >= Verdicts.size() || !Verdicts[I].ServiceFound) {
      problem(locate(SM, J.File, At.Line, At.Column), SM,
              "'" + J.Contract.Service +
                  "' cannot be judged: its declarations did not parse in the context of '" +
                  MainFile + "'" + (Outside ? ": " + rendered(*Outside) : std::string()));
      continue;
    }
    report(J, Verdicts[I], Probe, Snippet.MethodLines[I], SM);
  }
  return true;
}

void DeclaredServiceRule::report(const Judged &J, const ContractVerdicts &Verdicts,
                                 const ProbeResult &Probe,
                                 const std::vector<std::pair<unsigned, unsigned>> &Lines,
                                 SourceManager &SM) {
  llvm::StringRef Label(J.Contract.File);
  Label.consume_front(BaseDirectory + "/");
  ServiceStandIn Column = contractColumn(J.Contract, *J.Service, Label.str(), SM);
  auto AddCell = [&](const std::string &Row, const char *State, std::string How,
                     SourcePosition FindingAt) {
    addCell(Column.Cells, {Row, State, std::move(How), std::move(FindingAt)});
  };
  for (const MethodVerdict &V : Verdicts.Methods) {
    const DeclaredMethod &Method = J.Contract.Methods[V.Method];
    SourceLocation At = locate(SM, J.File, Method.Position.Line, Method.TextColumn);
    // Clang recovers from some errors (a misspelt type corrected to a close name): a declaration
    // with any error is not judged, the error is the report.
    const ProbeDiagnostic *Error = nullptr;
    for (const ProbeDiagnostic &D : Probe.Errors)
      if (D.SnippetLine >= Lines[V.Method].first && D.SnippetLine <= Lines[V.Method].second) {
        Error = &D;
        break;
      }
    if (Error || V.Verdict == MethodVerdict::Kind::NotJudged) {
      SourceLocation Where = At;
      if (Error && Error->File == J.Contract.File)
        Where = locate(SM, J.File, Error->Line, Error->Column);
      problem(Where, SM,
              Error ? "the declaration does not parse in the scope of '" + J.Contract.Service +
                          "': " + Error->Message
                    : "'" + Method.Text + "' does not declare one method");
      continue;
    }
    switch (V.Verdict) {
    case MethodVerdict::Kind::Offered:
      AddCell(declaredMethodName(Method.Text), "matching", {}, {});
      break;
    case MethodVerdict::Kind::NotJudged:
      break;
    case MethodVerdict::Kind::Missing:
    case MethodVerdict::Kind::Differs:
      AddCell(declaredMethodName(Method.Text), "differing",
              // The message's last argument: what differs, or the did-you-mean.
              (V.Verdict == MethodVerdict::Kind::Missing ? "the class has no such method"
                                                         : std::string()) +
                  (V.Text.Args.empty() ? std::string() : V.Text.Args.back()),
              positionOf(At, SM));
      withArgs(diag(At, V.Text.Format), V.Text);
      if (V.Note)
        withArgs(diag(locate(SM, V.Note->first), V.Note->second.Format, DiagnosticIDs::Note),
                 V.Note->second);
      break;
    }
  }
  const DataPosition &Service = J.Contract.ServicePosition;
  for (const UndeclaredMethod &U : Verdicts.Undeclared) {
    SourceLocation At = locate(SM, J.File, Service.Line, Service.Column);
    if (!U.Text.Args.empty())
      AddCell(declaredMethodName(U.Text.Args.front()), "absent", "not declared (strict)", positionOf(At, SM));
    withArgs(diag(At, U.Text.Format), U.Text);
    diag(locate(SM, U.Where), "declared here", DiagnosticIDs::Note);
  }
  if (keepsFacts())
    emitFact(Column);
}

const RuleInfo &DeclaredServiceRuleInfo() {
  static const RuleInfo Info{
      .Id = "contract-declared-service",
      .Summary = "service class that does not offer a method its YAML contract declares",
      .Description =
          "A service's consumers are not always C++ the compiler sees: plugins loaded at runtime, "
          "other repositories, language bindings. A contract file (YAML) names the class "
          "('service: shop::Notifier') and the member declarations it must offer ('methods:', "
          "one C++ declaration per string). In each TU that defines the class, every declaration "
          "is parsed by Clang in the class's own scope (so its types and aliases resolve exactly) "
          "and compared with the class's methods, inherited ones included: parameter types in "
          "order, return type, const, ref-qualifier, noexcept; parameter names do not matter and "
          "one matching overload is enough. A missing method (with the closest name) or a "
          "differing signature (what differs, with a note at the closest overload) is reported at "
          "the contract's line. With 'strict', public methods the contract leaves out are "
          "reported too. A contract whose declaration does not parse, or whose class no analysed "
          "TU defines, is an input problem.",
      .Scope = RuleScope::TranslationUnit,
      .Options = Options,
      .CreateTURule = [](RuleContext &Context) -> std::unique_ptr<Rule> {
        return std::make_unique<DeclaredServiceRule>(Context);
      },
      .CreateGlobalRule = [](const RuleOptions &Options) -> std::unique_ptr<GlobalRule> {
        return std::make_unique<DeclaredServiceGlobalRule>(Options);
      },
      .FactKinds = declaredServiceFactKinds(),
      .ReportsInGeneratedCode = true,
  };
  return Info;
}

} // namespace contractcheck
