#include "ResultMerger.h"

#include "GlobalRule.h"
#include "RuleOptions.h"
#include "RuleRegistry.h"

#include <algorithm>
#include <set>

namespace contractcheck {

std::map<std::string, size_t> RunReport::findingsByRule() const {
  std::map<std::string, size_t> Counts;
  for (const Finding &F : Findings)
    ++Counts[F.RuleId];
  return Counts;
}

void ResultMerger::canonicalize(Finding &F) {
  F.Position.File = Spellings.canonical(F.Position.File);
  for (RelatedNote &Note : F.Notes)
    Note.Position.File = Spellings.canonical(Note.Position.File);
  for (FixIt &Fix : F.Fixes)
    Fix.File = Spellings.canonical(Fix.File);
}

void ResultMerger::add(TUOutcome Outcome) {
  ++Report.TranslationUnits;
  for (Fact &F : Outcome.Facts)
    Facts.add(std::move(F));
  for (Finding &F : Outcome.Findings) {
    canonicalize(F);
    Findings.push_back(std::move(F));
  }
  for (const auto &[Path, Hash] : Outcome.Parsed) {
    const std::string &File = Spellings.canonical(Path);
    auto [It, Inserted] = Report.Parsed.emplace(File, Hash);
    if (!Inserted && It->second != Hash)
      Report.ChangedDuringRun.insert(File);
  }
  if (Outcome.State != TUOutcome::Status::Analyzed) {
    Outcome.Facts.clear();
    Outcome.Findings.clear();
    Report.Failures.push_back(std::move(Outcome));
  }
}

RunReport ResultMerger::finish(const Config &GlobalConfig) {
  for (const RuleInfo *Info : allRules()) {
    const RuleSettings &Settings = GlobalConfig.rule(Info->Id);
    if (!Info->CreateGlobalRule || !Settings.Enabled)
      continue;
    std::vector<Finding> Found;
    Info->CreateGlobalRule(RuleOptions(*Info, Settings.Options))->run(Facts, Found);
    for (Finding &F : Found) {
      canonicalize(F);
      F.RuleId = std::string(Info->Id);
      F.Level = Settings.Level;
      if (!GlobalConfig.isExcluded(F.Position.File))
        Findings.push_back(std::move(F));
    }
  }

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
        Report.Warnings.push_back(F.Position.File + ":" + std::to_string(Line) +
                                  ": warning: unmatched NOLINTBEGIN/NOLINTEND comment; it "
                                  "suppresses nothing");
    if (Index.isSuppressed(F.Position.Line, F.RuleId))
      ++Report.Suppressed;
    else
      Report.Findings.push_back(std::move(F));
  }
  Findings.clear();
  std::sort(Report.Failures.begin(), Report.Failures.end(),
            [](const TUOutcome &A, const TUOutcome &B) { return A.File < B.File; });
  return std::move(Report);
}

} // namespace contractcheck
