#include "ResultMerger.h"

#include "GlobFiles.h"
#include "GlobalRule.h"
#include "Paths.h"
#include "RuleOptions.h"
#include "rules/RuleRegistry.h"

#include <algorithm>
#include <set>

namespace contractcheck {

namespace {

// What one global rule sees when it runs under one configuration.
class EngineGlobalContext : public GlobalContext {
public:
  EngineGlobalContext(const RuleInfo &Info, const Config &Cfg, const GlobalPhase &Phase,
                      const FactStore &Facts, DataFiles &Data, std::vector<Finding> &Findings,
                      std::vector<RuleProblem> &Problems, ContractMapBuilder &Map,
                      std::vector<std::pair<std::string, std::function<void(EnumConsumer &)>>>
                          &MapRevisions)
      : Info(Info), Cfg(Cfg), Phase(Phase), Facts(Facts), Data(Data), Findings(Findings),
        Problems(Problems), Map(Map), MapRevisions(MapRevisions), BaseDir(Cfg.baseDirectory()) {}

  RuleFacts facts() const override { return RuleFacts(Facts, std::string(Info.Id), Info.Analyses); }
  const std::string &baseDirectory() const override { return BaseDir; }
  bool factsAreComplete() const override { return Phase.FactsComplete; }
  std::string whyFactsAreIncomplete() const override {
    return Phase.WhyIncomplete.empty() ? GlobalContext::whyFactsAreIncomplete()
                                       : Phase.WhyIncomplete;
  }
  std::vector<std::string> filesMatching(const std::vector<Glob> &Globs) const override {
    return contractcheck::filesMatching(
        Globs, BaseDir, [&](const std::string &Path) { return Cfg.isExcluded(Path); });
  }
  const DataFileText &readDataFile(const std::string &Path) override {
    return Data.read(absolutePath(Path, BaseDir));
  }

  void report(Finding F) override {
    // A finding in a file another configuration governs is that configuration's to make.
    if (Cfg.isExcluded(F.Position.File) || &Phase.ConfigFor(F.Position.File) != &Cfg)
      return;
    F.RuleId = std::string(Info.Id);
    F.Level = Cfg.rule(Info.Id).Level;
    F.FixDescription = std::string(Info.FixDescription);
    Findings.push_back(std::move(F));
  }

  void reviseFindings(const std::function<bool(Finding &)> &Revise) override {
    std::erase_if(Findings, [&](Finding &F) {
      return F.RuleId == Info.Id && !Cfg.isExcluded(F.Position.File) &&
             &Phase.ConfigFor(F.Position.File) == &Cfg && !Revise(F);
    });
  }

  void reviseMapColumns(std::function<void(EnumConsumer &)> Revise) override {
    MapRevisions.emplace_back(std::string(Info.Id), std::move(Revise));
  }

  void map(EnumConsumer Consumer) override {
    Consumer.Rule = std::string(Info.Id);
    Map.add(std::move(Consumer));
  }
  void map(ServiceStandIn StandIn) override {
    StandIn.Rule = std::string(Info.Id);
    Map.add(std::move(StandIn));
  }

  void inputProblem(SourcePosition Where, std::string Message) override {
    Problems.push_back({std::string(Info.Id), RuleProblem::Kind::Input, std::move(Where),
                        std::move(Message)});
  }
  void configurationError(SourcePosition Where, std::string Message) override {
    Problems.push_back({std::string(Info.Id), RuleProblem::Kind::Configuration, std::move(Where),
                        std::move(Message)});
  }
  SourcePosition optionPosition(std::string_view Pointer) const override {
    SourcePosition Where{Cfg.path(), 0, 0, 0};
    const RuleSettings &Settings = Cfg.rule(Info.Id);
    if (auto It = Settings.Positions.find(std::string(Pointer)); It != Settings.Positions.end()) {
      Where.Line = It->second.first;
      Where.Column = It->second.second;
    }
    return Where;
  }

protected:
  std::shared_ptr<const void>
  parsedErased(const std::string &Path, std::type_index Type,
               const std::function<std::shared_ptr<const void>(const DataFileText &)> &Parse)
      override {
    return Data.parsed(absolutePath(Path, BaseDir), Type, Parse);
  }

private:
  const RuleInfo &Info;
  const Config &Cfg;
  const GlobalPhase &Phase;
  const FactStore &Facts;
  DataFiles &Data;
  std::vector<Finding> &Findings;
  std::vector<RuleProblem> &Problems;
  ContractMapBuilder &Map;
  std::vector<std::pair<std::string, std::function<void(EnumConsumer &)>>> &MapRevisions;
  const std::string BaseDir;
};

} // namespace

std::map<std::string, size_t> RunReport::findingsByRule() const {
  std::map<std::string, size_t> Counts;
  for (const Finding &F : Findings)
    ++Counts[F.RuleId];
  return Counts;
}

// A position a global rule made from a data file's line and column has no offset yet.
void ResultMerger::fillOffset(SourcePosition &P) {
  if (P.Offset || P.Line == 0 || (P.Line == 1 && P.Column <= 1))
    return;
  const std::string *Text = Sources.text(P.File);
  std::optional<size_t> Start = Sources.lineStart(P.File, P.Line);
  if (Text && Start && *Start + P.Column - 1 <= Text->size())
    P.Offset = static_cast<unsigned>(*Start + P.Column - 1);
}

void ResultMerger::canonicalize(Finding &F) {
  F.Position.File = Spellings.canonical(F.Position.File);
  fillOffset(F.Position);
  for (RelatedNote &Note : F.Notes) {
    Note.Position.File = Spellings.canonical(Note.Position.File);
    fillOffset(Note.Position);
  }
  for (FixIt &Fix : F.Fixes)
    Fix.File = Spellings.canonical(Fix.File);
}

size_t RunReport::analyzed() const { return TranslationUnits - Failures.size(); }

void ResultMerger::add(TUOutcome Outcome, const Config &Governing) {
  ++Report.TranslationUnits;
  for (Fact &F : Outcome.Facts)
    Facts.add(std::move(F));
  for (Finding &F : Outcome.Findings) {
    F.Level = Governing.rule(F.RuleId).Level;
    Findings.push_back(std::move(F));
  }
  for (const auto &[Path, Hash] : Outcome.Dependencies)
    Report.Read.add(Path, Hash);
  if (Outcome.State != TUOutcome::Status::Analyzed) {
    Outcome.Facts.clear();
    Outcome.Findings.clear();
    Report.Failures.push_back(std::move(Outcome));
  }
}

void ResultMerger::addFacts(std::vector<Fact> Stored) {
  for (Fact &F : Stored)
    Facts.add(std::move(F));
}

void ResultMerger::runGlobalRules(const GlobalPhase &Phase) {
  for (const Config *Cfg : Phase.Configs) {
    for (const RuleInfo *Info : allRules()) {
      const RuleSettings &Settings = Cfg->rule(Info->Id);
      if (!Info->CreateGlobalRule || !Settings.Enabled)
        continue;
      EngineGlobalContext Context(*Info, *Cfg, Phase, Facts, Data, Findings, Report.Problems,
                                  Map, MapRevisions);
      try {
        Info->CreateGlobalRule(Cfg->options(*Info))->run(Context);
      } catch (const FactVersionError &E) {
        Context.inputProblem({}, std::string("stored facts do not match this contractcheck: ") +
                                     E.what() + "; remove the result store (--cache-dir)");
      }
    }
  }
}

void ResultMerger::collectMapFacts() {
  for (const RuleInfo *Info : allRules()) {
    try {
      if (Info->findFactKind(EnumConsumer::Kind))
        for (EnumConsumer &C : Facts.all<EnumConsumer>(Info->Id)) {
          C.Rule = std::string(Info->Id);
          for (const auto &[Rule, Revise] : MapRevisions)
            if (Rule == Info->Id)
              Revise(C);
          Map.add(std::move(C));
        }
      if (Info->findFactKind(ServiceStandIn::Kind))
        for (ServiceStandIn &S : Facts.all<ServiceStandIn>(Info->Id)) {
          S.Rule = std::string(Info->Id);
          Map.add(std::move(S));
        }
    } catch (const FactVersionError &E) {
      // Built member by member: GCC 12 takes the braced `{}` position for uninitialised.
      RuleProblem Problem;
      Problem.RuleId = std::string(Info->Id);
      Problem.Message = std::string("stored facts do not match this contractcheck: ") + E.what() +
                        "; remove the result store (--cache-dir)";
      Report.Problems.push_back(std::move(Problem));
    }
  }
}

// A finding in a file a code generator wrote, or in a vendored copy of a library, is left out
// unless the configuration asks for it (paths.generated, paths.vendored); the rules that judge
// only what the configuration names report in both.
ResultMerger::LeftOut ResultMerger::leftOut(const Finding &F, const GlobalPhase &Phase) {
  const RuleInfo *Info = findRule(F.RuleId);
  if (Info && Info->ReportsInGeneratedCode)
    return {};
  const Config &C = Phase.ConfigFor(F.Position.File);
  if (!C.reportsGeneratedCode())
    if (std::string_view Generator = Sources.generator(F.Position.File); !Generator.empty())
      return {Generator, &Report.InGeneratedCode, &Report.GeneratedFiles};
  if (!C.reportsVendoredCode())
    if (std::string_view Library = Sources.vendoredLibrary(F.Position.File); !Library.empty())
      return {Library, &Report.InVendoredCode, &Report.VendoredFiles};
  return {};
}

RunReport ResultMerger::finish(const GlobalPhase &Phase) {
  runGlobalRules(Phase);
  collectMapFacts();
  Report.Maps = Map.finish([&](const std::string &Path) { return Spellings.canonical(Path); });
  for (Finding &F : Findings)
    canonicalize(F);

  auto SameFinding = [](const Finding &A, const Finding &B) {
    return A.Position == B.Position && A.RuleId == B.RuleId && A.Message == B.Message;
  };
  std::stable_sort(Findings.begin(), Findings.end(), findingLess);
  Findings.erase(std::unique(Findings.begin(), Findings.end(), SameFinding), Findings.end());

  std::set<std::string> Checked;
  for (Finding &F : Findings) {
    const SuppressionIndex &Index = Sources.suppressions(F.Position.File);
    // As clang-tidy does, an unmatched BEGIN or END directive is pointed out where it was
    // consulted.
    if (Checked.insert(F.Position.File).second)
      for (unsigned Line : Index.unmatchedLines())
        Report.Warnings.push_back({F.Position.File, Line, 0,
                                   "unmatched NOLINTBEGIN/NOLINTEND comment; it suppresses "
                                   "nothing"});
    if (Index.isSuppressed(F.Position.Line, F.RuleId)) {
      ++Report.Suppressed;
    } else if (LeftOut Out = leftOut(F, Phase); Out.Count) {
      ++*Out.Count;
      Out.Files->try_emplace(F.Position.File, Out.Author);
    } else {
      Report.Findings.push_back(std::move(F));
    }
  }
  Findings.clear();
  std::sort(Report.Problems.begin(), Report.Problems.end());
  // A rule run once per configuration may say the same of a file they share.
  Report.Problems.erase(std::unique(Report.Problems.begin(), Report.Problems.end()),
                        Report.Problems.end());
  std::sort(Report.Failures.begin(), Report.Failures.end(),
            [](const TUOutcome &A, const TUOutcome &B) {
              return std::tie(A.File, A.Errors) < std::tie(B.File, B.Errors);
            });
  return std::move(Report);
}

} // namespace contractcheck
