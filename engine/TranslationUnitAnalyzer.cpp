#include "TranslationUnitAnalyzer.h"

#include "BodySkippingConsumer.h"
#include "CompilerFiles.h"
#include "CrashContainment.h"
#include "Rule.h"
#include "rules/RuleRegistry.h"
#include "FilesRead.h"
#include "LibraryHeaders.h"
#include "ParseCount.h"
#include "ParseStop.h"
#include "Paths.h"
#include "PrefixReach.h"
#include "SourcePositions.h"
#include "TraversalScope.h"
#include "WarningFlags.h"

#include <clang/ASTMatchers/ASTMatchFinder.h>
#include <clang/Basic/DiagnosticLex.h>
#include <clang/Basic/SourceManager.h>
#include <clang/Frontend/CompilerInstance.h>
#include <clang/Frontend/CompilerInvocation.h>
#include <clang/Frontend/FrontendAction.h>
#include <clang/Frontend/MultiplexConsumer.h>
#include <clang/Serialization/ASTReader.h>
#include <clang/Lex/Lexer.h>
#include <clang/Sema/Sema.h>
#include <clang/Tooling/ArgumentsAdjusters.h>
#include <clang/Tooling/Tooling.h>

#include <algorithm>
#include <atomic>
#include <iterator>
#include <utility>

using namespace clang;

namespace contractcheck {

namespace {

// Turns the rules' clang diagnostics into Findings. The rule that is reporting is set just before
// each report, so the builder's deferred emission lands on the right rule; notes attach to the
// finding reported last.
class FindingCollector : public DiagnosticConsumer {
public:
  FindingCollector(const Config &Cfg, std::string Dir, std::vector<Finding> &Out)
      : Cfg(Cfg), Dir(std::move(Dir)), Out(Out) {}

  void setReporter(const RuleInfo &Rule) { Reporter = &Rule; }
  void describeNextFix(std::string Description) { NextFixDescription = std::move(Description); }
  void setLangOpts(const LangOptions &Opts) { LangOpts = &Opts; }
  // The TU's header search: a finding in a library's header is dropped, one in a project header
  // that a system header included (CMake's cmake_pch.hxx) kept (LibraryHeaders.h).
  void setHeaders(const HeaderSearch &TUHeaders) { Headers = &TUHeaders; }

  void HandleDiagnostic(DiagnosticsEngine::Level Level, const Diagnostic &Info) override {
    const SourceManager &SM = Info.getSourceManager();
    llvm::SmallString<256> Message;
    Info.FormatDiagnostic(Message);
    if (Level == DiagnosticsEngine::Note) {
      if (KeepingNotes)
        Out.back().Notes.push_back({positionOf(Info.getLocation(), SM), Message.str().str()});
      return;
    }
    KeepingNotes = false;
    SourceLocation Loc = SM.getFileLoc(Info.getLocation());
    if (Loc.isInvalid() || inALibrarysHeader(Loc, SM, Headers))
      return;
    Finding F;
    // No severity: the merge gives it (ResultMerger::add), so a stored result serves any.
    F.RuleId = std::string(Reporter->Id);
    F.Position = positionOf(Loc, SM);
    F.Message = Message.str().str();
    std::string FixDescription = std::exchange(NextFixDescription, {});
    if (F.Position.File.empty() || Cfg.isExcluded(F.Position.File))
      return;
    F.Fixes = fixesOf(Info, SM);
    if (!F.Fixes.empty())
      F.FixDescription =
          FixDescription.empty() ? std::string(Reporter->FixDescription) : FixDescription;
    Out.push_back(std::move(F));
    KeepingNotes = true;
  }

private:
  // All of a diagnostic's fix-its, or none: half a fix is worse than no fix.
  std::vector<FixIt> fixesOf(const Diagnostic &Info, const SourceManager &SM) const {
    std::vector<FixIt> Fixes;
    for (const FixItHint &Hint : Info.getFixItHints()) {
      CharSourceRange Range =
          Lexer::makeFileCharRange(Hint.RemoveRange, SM, *LangOpts);
      if (Range.isInvalid())
        return {};
      auto [BeginFile, Begin] = SM.getDecomposedLoc(Range.getBegin());
      auto [EndFile, End] = SM.getDecomposedLoc(Range.getEnd());
      OptionalFileEntryRef Entry = SM.getFileEntryRefForID(BeginFile);
      if (BeginFile != EndFile || End < Begin || !Entry)
        return {};
      Fixes.push_back({absolutePath(Entry->getName().str(), Dir), Begin, End - Begin,
                       Hint.CodeToInsert});
    }
    return Fixes;
  }

  const Config &Cfg;
  const std::string Dir;
  std::vector<Finding> &Out;
  const RuleInfo *Reporter = nullptr;
  const LangOptions *LangOpts = nullptr;
  const HeaderSearch *Headers = nullptr;
  bool KeepingNotes = false;
  std::string NextFixDescription;
};

class CliRuleContext : public RuleContext {
public:
  CliRuleContext(const RuleInfo &Info, const RuleOptions &Options, DiagnosticsEngine &Engine,
                 FindingCollector &Collector, std::vector<Fact> &Facts, TUAnalyses &Analyses,
                 std::string BaseDir)
      : Info(Info), Options(Options), Engine(Engine), Collector(Collector), Facts(Facts),
        Analyses(Analyses), BaseDir(std::move(BaseDir)) {}

  const RuleInfo &rule() const override { return Info; }
  const RuleOptions &options() const override { return Options; }

  DiagnosticBuilder diag(SourceLocation Loc, llvm::StringRef Message,
                         DiagnosticIDs::Level Level) override {
    Collector.setReporter(Info);
    unsigned ID = Engine.getDiagnosticIDs()->getCustomDiagID(Level, Message);
    return Engine.Report(Loc, ID);
  }

  void describeNextFix(std::string Description) override {
    Collector.describeNextFix(std::move(Description));
  }

  void emitFact(Fact F) override {
    const FactKind *Declared = Info.findFactKind(F.Kind);
    // The declared kinds key the result store: an undeclared one could outlive a change to it.
    if (!Declared || Declared->Version != F.Version)
      throw std::logic_error("rule '" + std::string(Info.Id) + "' emits fact kind '" + F.Kind +
                             "' (version " + std::to_string(F.Version) +
                             ") that its RuleInfo::FactKinds does not declare");
    Facts.push_back(std::move(F));
  }
  bool keepsFacts() const override { return true; }
  TUAnalyses &analyses() override { return Analyses; }
  std::string baseDirectory() const override { return BaseDir; }

private:
  const RuleInfo &Info;
  const RuleOptions &Options; // the configuration's, which outlives the TU's analysis
  DiagnosticsEngine &Engine;
  FindingCollector &Collector;
  std::vector<Fact> &Facts;
  TUAnalyses &Analyses;
  const std::string BaseDir;
};

// The compiler's own diagnostics: only errors matter (they make the AST unreliable); the first
// few are kept to explain why a TU was not analysed.
class CompilerErrorCollector : public DiagnosticConsumer {
public:
  explicit CompilerErrorCollector(std::string Dir) : Dir(std::move(Dir)) {}

  void HandleDiagnostic(DiagnosticsEngine::Level Level, const Diagnostic &Info) override {
    DiagnosticConsumer::HandleDiagnostic(Level, Info);
    if (Level < DiagnosticsEngine::Error || Errors.size() >= MaxKept)
      return;
    llvm::SmallString<256> Message;
    Info.FormatDiagnostic(Message);
    std::string Where;
    if (Info.hasSourceManager() && Info.getLocation().isValid()) {
      SourcePosition Pos = positionOf(Info.getLocation(), Info.getSourceManager());
      Where = Pos.File + ":" + std::to_string(Pos.Line) + ":" + std::to_string(Pos.Column) + ": ";
    }
    // A header the build writes (uic's ui_*.h, protoc's *.pb.h) before the build has run: the
    // parse stops at the first one, so the user needs to know what to do about them all.
    if (Info.getID() == diag::err_pp_file_not_found)
      Message += "; if the build generates it (moc, uic, rcc, protoc), build those targets "
                 "before the run";
    Errors.push_back(Where + "error: " + Message.str().str());
  }

  void reset() {
    Errors.clear();
    clear();
  }

  std::vector<std::string> Errors;

private:
  static constexpr size_t MaxKept = 3;
  const std::string Dir;
};

// Skipping the function bodies no rule needs (BodySkipPolicy) is most of what makes analysis
// cheaper than a -fsyntax-only parse. When the policy finds that skipping may have lost an
// instantiation, the rules do not run and Lost asks for a parse that keeps template bodies.
//
// The policy is asked at the end of the TU, and also while the parse runs, after each class the
// project defines (the one callback a consumer gets from inside a namespace, where gMock's own
// tests put all their code). What the policy is asked then is whether the TU may lose
// something, assuming the worst of what the rest of the TU will declare; once it may, the rest
// of the parse is the price of finding out, which is most of a gMock test's, so the parse is
// stopped there (ParseStop.h) and the analysis starts again keeping template bodies. That parse
// judges what the TU holds whichever answer the end of the TU would have given.
// A parse with a prefix loaded checks that the TU's code used nothing of it before including it
// (PrefixReach.h).
struct PrefixCheck {
  const SystemHeaderRoots *Scan = nullptr; // the TU's scan; null: not checked
  bool UsedBeforeIncluded = false;
};

class SkipBodiesConsumer : public BodySkippingConsumer {
public:
  SkipBodiesConsumer(std::unique_ptr<ASTConsumer> Inner, const SourceManager &SM,
                     const Config &Cfg, BodySkipPolicy::Mode Mode, bool &Lost,
                     std::optional<SourcePosition> &StoppedAt,
                     std::function<bool(const SkippedInstantiations &)> RulesNeedInstantiations,
                     std::function<std::vector<const FunctionDecl *>(const SkippedInstantiations &)>
                         InstantiationsRulesNeed,
                     const CompilerInstance &CI, std::string PrefixHeader, bool &Made,
                     PrefixCheck &Check, std::unique_ptr<PrefixUseCheck> EarlyUses)
      : BodySkippingConsumer(std::move(Inner), SM, Cfg, Mode,
                             [this, Need = std::move(RulesNeedInstantiations)](
                                 BodySkipPolicy::Instantiations Skipped) {
                               return Need({SoFarFor ? SoFarFor() : Parsed, Skipped});
                             },
                             [this, Needed = std::move(InstantiationsRulesNeed)](
                                 BodySkipPolicy::Instantiations Skipped) {
                               return Needed({Parsed, Skipped});
                             }),
        SM(SM), Lost(Lost), StoppedAt(StoppedAt), CI(CI), PrefixHeader(std::move(PrefixHeader)),
        Made(Made), Check(Check), EarlyUses(std::move(EarlyUses)) {}

  // Whether the TU's parse has ended: the questions asked now (whether the instantiations put
  // aside are needed, then which) are about the declarations of the whole TU.
  bool ended() const { return Ended; }

  bool HandleTopLevelDecl(DeclGroupRef Group) override {
    // A declaration Sema rejected is handed over as null: a type alias template whose type
    // defines a class (`template <class T> using A = struct A { T t; };`).
    if (Check.UsedBeforeIncluded)
      return true; // stopped: what follows is not the TU
    // What only the prefix made visible: the TU's own text decides (PrefixReach.h). Stopped at
    // once, as the parse that loses instantiations is.
    if (EarlyUses && !Lost && sema() && !sema()->inTemplateInstantiation() &&
        EarlyUses->usesBeforeIncluding({Group.begin(), Group.end()})) {
      Check.UsedBeforeIncluded = true;
      stopParsing(*sema());
      return true;
    }
    std::copy_if(Group.begin(), Group.end(), std::back_inserter(Parsed),
                 [](const Decl *D) { return D != nullptr; });
    return BodySkippingConsumer::HandleTopLevelDecl(Group);
  }
  void HandleTagDeclDefinition(TagDecl *D) override {
    BodySkippingConsumer::HandleTagDeclDefinition(D);
    // After the TU: a rule's own declarations parsed into it (contract-declared-service's
    // probe) are no part of the TU's code.
    if (!Lost && !Ended && worthAsking(*D) && askSoFar(*D)) {
      Lost = true;
      StoppedAt = positionOf(D->getLocation(), SM);
      stopParsing(*sema());
    }
  }
  void HandleTranslationUnit(ASTContext &Ctx) override {
    Ended = true;
    if (Lost || Check.UsedBeforeIncluded) // stopped: what was parsed is not the TU
      return;
    if (Policy.decidesAtEnd()) {
      Made = makeWhatTheRulesNeed();
    } else if ((Lost = Policy.lostInstantiations())) {
      return;
    }
    // The rules' matchers walk the project's code, in every mode (TraversalScope.h). With
    // system headers loaded precompiled (SharedHeaders.h), walking the whole TU would read every
    // declaration of those headers back from the file, which costs more than parsing them
    // (clangd's ParsedAST walks only its main file's declarations, not its preamble's); parsed,
    // their template bodies and every instantiation of them cost the parse that keeps template
    // bodies as much as the rest of the matching. No rule reports there, and what a rule needs
    // from them is looked up, the same whether the header was parsed or loaded: a switch in an
    // instantiation of the project's template is reached from that template, a library
    // template instantiated with the project's types holds project code only through the
    // project's templates (or a member of the project's partial specialization of it, which
    // the parse hands over as a top-level declaration), and what the library says of the
    // project's types (QFlags<E>, an operator|) is read from the TU's types and by name lookup
    // (FlagEnums.h).
    Ctx.setTraversalScope(
        projectTraversalScope(Parsed, Ctx, CI.getASTReader().get(), PrefixHeader,
                              &CI.getPreprocessor().getHeaderSearchInfo()));
    MultiplexConsumer::HandleTranslationUnit(Ctx);
  }

private:
  // Only the project's code turns the answer (its classes and templates, and the library
  // instantiations it asks for), so the question is asked after a class of the project is
  // defined at namespace scope, outside any template instantiation, and not in a parse that has
  // met an error (left to fail as before).
  bool worthAsking(const TagDecl &D) {
    return Policy.skipsTemplateBodies() && sema() && !sema()->inTemplateInstantiation() &&
           D.getLexicalDeclContext()->isFileContext() &&
           !sema()->getDiagnostics().hasErrorOccurred() &&
           !SM.isInSystemHeader(SM.getExpansionLoc(D.getLocation()));
  }

  // The policy looks only at the instantiations skipped since the last question, and asks the
  // rules only when one of them was given the project. The declarations the rules are shown
  // are what was parsed since they were last asked: the declarations of the namespace from
  // the class they were asked after (whose inline member functions have been parsed since) to
  // this one; when this one is in another namespace, every top-level declaration so far. Each
  // rule's answer is a search of the declarations it is shown (Rule::needsInstantiations), so
  // what the TU holds is searched once rather than at every question.
  bool askSoFar(TagDecl &D) {
    std::vector<Decl *> Shown;
    bool Built = false;
    SoFarFor = [&]() -> const std::vector<Decl *> & {
      if (Built)
        return Shown;
      Built = true;
      if (LastAsked && LastAsked->getLexicalDeclContext() == D.getLexicalDeclContext()) {
        for (Decl *Next = LastAsked; Next; Next = Next->getNextDeclInContext())
          Shown.push_back(Next);
      } else {
        // With the namespaces still open (Parsed holds those the parser has finished); a
        // precompiled prefix's declarations are not the TU's code.
        for (Decl *Top : sema()->getASTContext().getTranslationUnitDecl()->noload_decls())
          if (!Top->isFromASTFile())
            Shown.push_back(Top);
      }
      LastAsked = &D;
      return Shown;
    };
    bool May = Policy.mayLoseInstantiations();
    SoFarFor = nullptr;
    return May;
  }

  const SourceManager &SM;
  bool &Lost;
  std::optional<SourcePosition> &StoppedAt;
  const CompilerInstance &CI;
  const std::string PrefixHeader; // the shared prefix's header (PrecompiledPrefix.h), or ""
  bool &Made; // a parse that decides at the end made the instantiations it had put aside
  PrefixCheck &Check;
  std::unique_ptr<PrefixUseCheck> EarlyUses; // null: no prefix loaded, or no scan of it
  bool Ended = false; // the TU's parse has ended
  std::vector<Decl *> Parsed; // the top-level declarations this parse read from source
  // While a question is asked during the parse: what it is about.
  std::function<const std::vector<Decl *> &()> SoFarFor;
  Decl *LastAsked = nullptr; // the class after which the rules were last asked
};

class AnalysisAction : public ASTFrontendAction {
public:
  AnalysisAction(const Config &Cfg, const std::string &Dir, TUOutcome &Out,
                 BodySkipPolicy::Mode Mode, bool &Lost, const std::string &PrefixHeader,
                 PrefixCheck &Check)
      : Cfg(Cfg), Dir(Dir), Collector(Cfg, Dir, Out.Findings), Out(Out), Mode(Mode), Lost(Lost),
        PrefixHeader(PrefixHeader), Check(Check),
        Analyses([&Out](Fact F) { Out.Facts.push_back(std::move(F)); }) {
    Out.KeptTemplateBodies = Mode == BodySkipPolicy::Mode::KeepTemplates;
  }

  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI, llvm::StringRef) override {
    RuleDiagnostics = std::make_unique<DiagnosticsEngine>(
        new DiagnosticIDs, new DiagnosticOptions, &Collector, /*ShouldOwnClient=*/false);
    RuleDiagnostics->setSourceManager(&CI.getSourceManager());
    Collector.setLangOpts(CI.getLangOpts());
    Collector.setHeaders(CI.getPreprocessor().getHeaderSearchInfo());
    Analyses.setHeaders(&CI.getPreprocessor().getHeaderSearchInfo());
    for (const RuleInfo *Info : allRules()) {
      const RuleSettings &Settings = Cfg.rule(Info->Id);
      // A global rule's per-TU part, when it has one, emits the facts its global step reads.
      if (!Info->CreateTURule || !Settings.Enabled)
        continue;
      auto Context = std::make_unique<CliRuleContext>(*Info, Cfg.options(*Info),
                                                      *RuleDiagnostics, Collector, Out.Facts,
                                                      Analyses, Cfg.baseDirectory());
      std::unique_ptr<Rule> R = Info->CreateTURule(*Context);
      if (!R->isLanguageVersionSupported(CI.getLangOpts()))
        continue;
      R->registerMatchers(&Finder);
      R->registerPPCallbacks(CI.getSourceManager(), &CI.getPreprocessor(), &CI.getPreprocessor());
      Contexts.push_back(std::move(Context));
      Rules.push_back(std::move(R));
    }
    // A parse that keeps template bodies decides at the end too: the instantiations of the
    // library's templates that the project's types reach are put aside and made as far as the
    // rules need them (gmock-matchers-misc_test.cc's mocks need 3 of 540), the others left as
    // the first parse leaves them. It has kept template bodies whatever the rules say.
    const bool Keeps = Mode == BodySkipPolicy::Mode::KeepTemplates;
    auto Consumer = std::make_unique<SkipBodiesConsumer>(
        Finder.newASTConsumer(), CI.getSourceManager(), Cfg,
        Keeps ? BodySkipPolicy::Mode::Decide : Mode, Lost, Out.FirstParseStoppedAt,
        [this](const SkippedInstantiations &Skipped) {
          for (size_t I = 0; I < Rules.size(); ++I)
            if (ruleNeeds(I, Skipped))
              return true;
          return false;
        },
        [this](const SkippedInstantiations &Skipped) {
          // What the rules that say yes name (a rule that says no needs none of them). Once one
          // names every instantiation put aside, the others are not asked: what they would
          // name is among them, and asking is a search of the TU's code each.
          std::vector<const FunctionDecl *> Needed;
          for (size_t I = 0; I < Rules.size(); ++I)
            if (ruleNeeds(I, Skipped)) {
              std::vector<const FunctionDecl *> Named = Rules[I]->instantiationsNeeded(Skipped);
              // A rule names only instantiations it was shown, each once (Rule.h's default
              // names them all; contract-mock-drift's a subset, in order).
              if (Named.size() == Skipped.Skipped.size())
                return Named;
              Needed.insert(Needed.end(), Named.begin(), Named.end());
            }
          return Needed;
        },
        CI, PrefixHeader, Keeps ? MadeWhileKeeping : Out.KeptTemplateBodies, Check,
        !PrefixHeader.empty() && Check.Scan
            ? std::make_unique<PrefixUseCheck>(*Check.Scan, CI.getPreprocessor())
            : nullptr);
    TheConsumer = Consumer.get();
    return Consumer;
  }

  // Every file the parse read, with a hash of the bytes it read: what a stored result of this
  // TU depends on.
  void EndSourceFileAction() override {
    Out.Dependencies = filesRead(getCompilerInstance().getSourceManager(), Dir);
  }

private:
  // Rules[I]'s answer to needsInstantiations. Once the parse has ended, the rules are asked
  // whether the instantiations put aside are needed and then, when one says yes, which: about
  // the same declarations (the TU's, and what the policy put aside, neither of which changes
  // until the instantiations are made), so each rule's search of the TU's code (ProjectCode.h)
  // is answered once for both. Keyed by the arrays asked about: a parse that skipped template
  // bodies asks first about those given the project, then about all.
  bool ruleNeeds(size_t I, const SkippedInstantiations &Skipped) {
    if (!TheConsumer || !TheConsumer->ended())
      return Rules[I]->needsInstantiations(Skipped);
    if (AnsweredAbout.TopLevel.data() != Skipped.TopLevel.data() ||
        AnsweredAbout.TopLevel.size() != Skipped.TopLevel.size() ||
        AnsweredAbout.Skipped.data() != Skipped.Skipped.data() ||
        AnsweredAbout.Skipped.size() != Skipped.Skipped.size() || Answers.size() != Rules.size()) {
      AnsweredAbout = Skipped;
      Answers.assign(Rules.size(), std::nullopt);
    }
    if (!Answers[I])
      Answers[I] = Rules[I]->needsInstantiations(Skipped);
    return *Answers[I];
  }

  const Config &Cfg;
  const std::string Dir;
  FindingCollector Collector;
  TUOutcome &Out;
  const BodySkipPolicy::Mode Mode;
  bool &Lost;
  const std::string &PrefixHeader;
  PrefixCheck &Check;
  bool MadeWhileKeeping = false; // not what the store keeps: the parse kept template bodies
  std::unique_ptr<DiagnosticsEngine> RuleDiagnostics;
  TUAnalyses Analyses; // shared by the TU's rules; their facts go with the rules'
  std::vector<std::unique_ptr<CliRuleContext>> Contexts;
  std::vector<std::unique_ptr<Rule>> Rules;
  ast_matchers::MatchFinder Finder;
  SkipBodiesConsumer *TheConsumer = nullptr; // owned by the compiler instance
  SkippedInstantiations AnsweredAbout;        // what Answers are about, at the end of the parse
  std::vector<std::optional<bool>> Answers;
};

// Runs AnalysisAction without clang's "N errors generated." trailer on stderr: the compiler's
// errors are reported through the TU outcome instead.
class QuietAnalysisFactory : public tooling::FrontendActionFactory {
public:
  QuietAnalysisFactory(const Config &Cfg, const std::string &Dir, TUOutcome &Out,
                       BodySkipPolicy::Mode Mode, bool &Lost, std::string PrefixHeader,
                       PrefixCheck &Check)
      : Cfg(Cfg), Dir(Dir), Out(Out), Mode(Mode), Lost(Lost),
        PrefixHeader(std::move(PrefixHeader)), Check(Check) {}
  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<AnalysisAction>(Cfg, Dir, Out, Mode, Lost, PrefixHeader, Check);
  }
  bool runInvocation(std::shared_ptr<CompilerInvocation> Invocation, FileManager *Files,
                     std::shared_ptr<PCHContainerOperations> PCHContainerOps,
                     DiagnosticConsumer *DiagConsumer) override {
    Invocation->getDiagnosticOpts().ShowCarets = false;
    if (GccAcceptsTakenOut)
      addErrorsGccAccepts(Invocation->getDiagnosticOpts()); // taken out of the command line
    dropInertWarnings(Invocation->getDiagnosticOpts()); // the command's -Wall, ... (WarningFlags.h)
    Invocation->getFrontendOpts().SkipFunctionBodies = true; // see SkipBodiesConsumer
    return FrontendActionFactory::runInvocation(std::move(Invocation), Files,
                                                std::move(PCHContainerOps), DiagConsumer);
  }

private:
  const Config &Cfg;
  const std::string &Dir;
  TUOutcome &Out;
  const BodySkipPolicy::Mode Mode;
  bool &Lost;
  const std::string PrefixHeader;
  PrefixCheck &Check;

public:
  // errorsGccAccepts' flags were taken out of the command (takeOutErrorsGccAccepts).
  bool GccAcceptsTakenOut = false;
};

bool hasResourceDir(const std::vector<std::string> &Args) {
  return std::any_of(Args.begin(), Args.end(), [](const std::string &A) {
    return A.rfind("-resource-dir", 0) == 0;
  });
}

} // namespace

std::vector<std::string> analysisCommandLine(const CompileCommand &Command,
                                             const AnalysisSettings &Settings) {
  using namespace clang::tooling;
  ArgumentsAdjuster Adjust = combineAdjusters(
      combineAdjusters(getClangStripOutputAdjuster(), getClangSyntaxOnlyAdjuster()),
      getClangStripDependencyFileAdjuster());
  if (!Settings.ExtraArgsBefore.empty())
    Adjust = combineAdjusters(Adjust, getInsertArgumentAdjuster(Settings.ExtraArgsBefore,
                                                                ArgumentInsertPosition::BEGIN));
  // Compiler warnings are not our business, and -Werror must not turn one into a failed parse;
  // nor must an error Clang makes of what the project's compiler accepts. --extra-arg comes last,
  // so a user's flag still wins.
  std::vector<std::string> After{"-w"};
  After.insert(After.end(), errorsGccAccepts().begin(), errorsGccAccepts().end());
  After.insert(After.end(), Settings.ExtraArgs.begin(), Settings.ExtraArgs.end());
  Adjust = combineAdjusters(Adjust, getInsertArgumentAdjuster(After, ArgumentInsertPosition::END));
  std::vector<std::string> Args = Adjust(Command.arguments(), Command.File);
  if (!hasResourceDir(Args))
    Args.insert(Args.begin() + 1, "-resource-dir=" CONTRACTCHECK_CLANG_RESOURCE_DIR);
  addTargetAndModeForProgramName(Args, Args.front());
  return Args;
}

namespace {
std::atomic<unsigned long> ParsesRun{0};
} // namespace

unsigned long parsesRun() { return ParsesRun.load(); }

std::string timedOutMessage(std::chrono::seconds Limit) {
  return "timed out after " + std::to_string(Limit.count()) + " s, the --tu-timeout limit";
}

namespace {

// What the parse read: the files (with those the shared prefix was parsed from in place of the
// prefix's header, as the store must see a change to them) and every lookup.
void recordWhatWasRead(TUOutcome &Out, LookupLog *Log, const PrecompiledPrefix *Prefix) {
  if (!Prefix) {
    if (Log)
      Out.Lookups = Log->take();
    return;
  }
  Out.PrefixFromStore = Prefix->FromStore;
  Out.PrefixBuilt = !Prefix->FromStore;
  // The prefix's header, and the header of a lower prefix it was built on, in the same place.
  std::string Headers = parentDirectory(Prefix->HeaderPath);
  std::erase_if(Out.Dependencies,
                [&](const auto &File) { return parentDirectory(File.first) == Headers; });
  mergeFilesRead(Out.Dependencies, Prefix->Dependencies);
  if (!Log)
    return;
  Out.Lookups = Log->take({parentDirectory(Prefix->HeaderPath), parentDirectory(Prefix->PchPath)});
  mergeLookups(Out.Lookups, Prefix->Lookups);
}

// A source the build writes (protoc's .pb.cc, flex's scanner, CMake's own stubs) is in the
// database before the build has run. Clang's driver says "no such file or directory", then "no
// input files" and "unable to handle compilation, expected exactly one compiler job in ''";
// the user needs the first and what to do about it.
bool sourceIsMissing(const CompileCommand &Command, const AnalysisSettings &Settings) {
  llvm::IntrusiveRefCntPtr<FileManager> Files = compilerFiles(Command.Directory, Settings.Overlays);
  llvm::ErrorOr<llvm::vfs::Status> Status = Files->getVirtualFileSystem().status(Command.File);
  return Status.getError() == std::errc::no_such_file_or_directory;
}

// The outcome of a parse that crashed or ran out of time: nothing it produced is kept.
TUOutcome notFinished(const std::string &File, Contained Ended, std::chrono::seconds Limit) {
  TUOutcome Out;
  Out.File = File;
  if (Ended == Contained::TimedOut) {
    Out.State = TUOutcome::Status::TimedOut;
    Out.Errors = {timedOutMessage(Limit)};
  } else {
    Out.State = TUOutcome::Status::Crashed;
    Out.Errors = {Ended == Contained::OutOfMemory
                      ? "ran out of memory while parsing or analysing this file; the failure "
                        "was contained"
                      : "crashed while parsing or analysing this file; the crash was contained"};
  }
  return Out;
}

} // namespace

TUOutcome analyzeTranslationUnit(const CompileCommand &Command, const Config &Cfg,
                                 const AnalysisSettings &Settings, const ParseStart &Start) {
  TUOutcome Out;
  Out.File = Command.File;
  // Released, not freed, when the parse crashes (see CrashContainment.h).
  auto CompilerErrorsOwner = std::make_unique<CompilerErrorCollector>(Command.Directory);
  CompilerErrorCollector &CompilerErrors = *CompilerErrorsOwner;
  bool Ran = false;
  std::vector<const PrecompiledPrefix *> Rejected;
  Contained Ended = runContained([&] {
    bool Lost = false;
    BodySkipPolicy::Mode Mode = Start.KeepTemplateBodies ? BodySkipPolicy::Mode::KeepTemplates
                                : Start.DecideAtEnd      ? BodySkipPolicy::Mode::Decide
                                                         : BodySkipPolicy::Mode::Skip;
    auto PrefixFor = [&](BodySkipPolicy::Mode M) {
      return Start.Prefix ? Start.Prefix(M != BodySkipPolicy::Mode::Skip) : nullptr;
    };
    const PrecompiledPrefix *Prefix = PrefixFor(Mode);
    // A parse deciding at the end loads the prefix that keeps template bodies; when there is
    // none, the prefix that skips them may be there (one TU of its group needed them, the
    // others were planned with it): the parse that skips them, with it.
    if (Mode == BodySkipPolicy::Mode::Decide && !Prefix) {
      Mode = BodySkipPolicy::Mode::Skip;
      Prefix = PrefixFor(Mode);
    }
    // A TU that parses its system headers itself decides at the end too: one parse keeping the
    // library's template bodies (parsed, their instantiations still put aside) costs 7-17 %
    // more than the parse that skips them on googletest's TUs that need none, and a TU that
    // needs them is not parsed twice (docs/performance.md, "Issue 23, seventeenth session").
    auto DecidesUnprefixed = [&] { return !Prefix && Mode == BodySkipPolicy::Mode::Skip; };
    bool Unprefixed = DecidesUnprefixed();
    if (Unprefixed)
      Mode = BodySkipPolicy::Mode::Decide;
    while (true) {
      LookupLog Log;
      llvm::IntrusiveRefCntPtr<FileManager> Files = compilerFiles(
          Command.Directory, Settings.Overlays, nullptr, Start.RecordLookups ? &Log : nullptr);
      PrefixCheck Check{Start.Scan};
      QuietAnalysisFactory Factory(Cfg, Command.Directory, Out, Mode, Lost,
                                   Prefix ? Prefix->HeaderPath : std::string(), Check);
      std::vector<std::string> Args = analysisCommandLine(Command, Settings);
      Factory.GccAcceptsTakenOut = takeOutErrorsGccAccepts(Args);
      if (Prefix) {
        Args.insert(Args.begin() + 1, {"-include-pch", Prefix->PchPath});
        Args.insert(Args.begin() + 1, Prefix->LoadArgs.begin(), Prefix->LoadArgs.end());
      }
      // The driver's diagnostics, as ToolInvocation would make them, without the warning flags
      // that change nothing under -w (WarningFlags.h).
      std::vector<const char *> Argv;
      for (const std::string &A : Args)
        Argv.push_back(A.c_str());
      // Reference-counted: the driver's DiagnosticsEngine holds it too.
      llvm::IntrusiveRefCntPtr<DiagnosticOptions> DriverDiagnostics(
          CreateAndPopulateDiagOpts(Argv).release());
      if (Factory.GccAcceptsTakenOut)
        addErrorsGccAccepts(*DriverDiagnostics);
      dropInertWarnings(*DriverDiagnostics);
      tooling::ToolInvocation Invocation(std::move(Args), &Factory, Files.get(),
                                         std::make_shared<PCHContainerOperations>());
      Invocation.setDiagnosticConsumer(&CompilerErrors);
      Invocation.setDiagnosticOptions(DriverDiagnostics.get());
      ++ParsesRun;
      Ran = Invocation.run();
      if (Lost && Out.FirstParseStoppedAt) {
        // Stopped without an error of its own (SkipBodiesConsumer): the only error is the one
        // that stopped it.
        CompilerErrors.reset();
        Out.Findings.clear();
        Out.Facts.clear();
      } else if (Prefix && (!Ran || CompilerErrors.getNumErrors() > 0 ||
                            Check.UsedBeforeIncluded)) {
        // Whatever went wrong with the shared headers, the TU's own text decides. A TU that
        // used the prefix before including it is at fault, not the prefix.
        if (!Check.UsedBeforeIncluded)
          Rejected.push_back(Prefix);
        Prefix = nullptr;
        if ((Unprefixed = DecidesUnprefixed()))
          Mode = BodySkipPolicy::Mode::Decide;
        CompilerErrors.reset();
        Out.Findings.clear();
        Out.Facts.clear();
        Lost = false;
        continue;
      } else if (!Ran || CompilerErrors.getNumErrors() > 0) {
        break;
      }
      if (!Lost) {
        recordWhatWasRead(Out, Start.RecordLookups ? &Log : nullptr, Prefix);
        // What the TU's parse that keeps template bodies would have asked for: the prefix that
        // keeps them, left to the builder when none is stored (the TU's next analysis starts
        // keeping them, its stored result says so).
        if (Unprefixed && Out.KeptTemplateBodies && Start.Prefix)
          Start.Prefix(true);
        break;
      }
      // The first parse judged nothing (see SkipBodiesConsumer): parse again, keeping template
      // bodies. Its rules' facts and findings were never emitted.
      Out.Dependencies.clear();
      Mode = BodySkipPolicy::Mode::KeepTemplates;
      Prefix = PrefixFor(Mode);
      Lost = false;
    }
  }, Settings.TimeLimit);
  if (Ended != Contained::Finished) {
    CompilerErrorsOwner.release();
    abandon(Out);
    Out = notFinished(Command.File, Ended, Settings.TimeLimit);
  } else if (!Ran || !CompilerErrors.Errors.empty() || CompilerErrors.getNumErrors() > 0) {
    Out.State = TUOutcome::Status::ParseFailed;
    Out.Errors = CompilerErrors.Errors;
    if (sourceIsMissing(Command, Settings))
      Out.Errors = {"error: the source file does not exist; if the build generates it, build the "
                    "project (or that target) first, or leave it out with 'paths.exclude'"};
    if (Out.Errors.empty())
      Out.Errors.push_back("the compiler invocation failed");
  }
  if (Out.State == TUOutcome::Status::Analyzed && Start.Rejected)
    for (const PrecompiledPrefix *Prefix : Rejected)
      Start.Rejected(Prefix);
  if (Out.State != TUOutcome::Status::Analyzed) {
    // An AST with errors yields unreliable findings; the TU is reported as not analysed instead.
    Out.Findings.clear();
    Out.Facts.clear();
  }
  return Out;
}

} // namespace contractcheck
