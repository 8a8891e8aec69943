// A per-TU analysis several rules share (TUAnalysis.h): made and matched once however many rules
// ask, read finished by each whichever end of the TU comes first, its facts kept once under its
// own id. Real Clang, with the analysis contract-enum-table and contract-switch-coverage share.
#include "TUAnalysis.h"
#include "rules/utils/EnumeratorUses.h"

#include <clang/AST/ASTConsumer.h>
#include <clang/AST/Decl.h>
#include <clang/ASTMatchers/ASTMatchers.h>
#include <clang/Frontend/FrontendAction.h>
#include <clang/Tooling/Tooling.h>

#include <gtest/gtest.h>

using namespace clang;
using namespace clang::ast_matchers;

namespace contractcheck {
namespace {

const char *Code = R"(enum class Format { Rgb, Rgba, Last };
bool valid(Format F) { return F < Format::Last; }
Format deflt() { return Format::Rgb; }
)";

// What a rule does with the analysis: asks in registerMatchers, reads at the end of the TU.
class AskingRule : public MatchFinder::MatchCallback {
public:
  AskingRule(TUAnalyses &Analyses, std::vector<std::string> &Read)
      : Analyses(Analyses), Read(Read) {}
  void registerMatchers(MatchFinder *Finder) {
    Uses = SharedAnalysis<EnumeratorUses>(Analyses.get<EnumeratorUses>(Finder));
    Finder->addMatcher(enumConstantDecl().bind("enumerator"), this);
  }
  void run(const MatchFinder::MatchResult &Result) override {
    Enumerators.push_back(Result.Nodes.getNodeAs<EnumConstantDecl>("enumerator"));
  }
  void onEndOfTranslationUnit() override {
    for (const EnumConstantDecl *E : Enumerators)
      Read.push_back(E->getName().str() + (Uses->onlyBound(*E)     ? " bound"
                                           : Uses->usedAsValue(*E) ? " value"
                                                                   : " unused"));
  }
  const EnumeratorUses *analysis() const { return Uses.operator->(); }

private:
  TUAnalyses &Analyses;
  std::vector<std::string> &Read;
  SharedAnalysis<EnumeratorUses> Uses;
  std::vector<const EnumConstantDecl *> Enumerators;
};

struct TwoRules {
  std::vector<Fact> Facts;
  std::vector<std::string> FirstRead, SecondRead;
  bool Same = false;
};

// Two rules over one TU; Reversed registers them the other way round, so that the analysis's
// end of the TU comes at another place among the callbacks'.
TwoRules runTwoRules(bool Reversed) {
  TwoRules R;
  TUAnalyses Analyses([&](Fact F) { R.Facts.push_back(std::move(F)); });
  MatchFinder Finder;
  AskingRule First(Analyses, R.FirstRead), Second(Analyses, R.SecondRead);
  if (Reversed) {
    Second.registerMatchers(&Finder);
    First.registerMatchers(&Finder);
  } else {
    First.registerMatchers(&Finder);
    Second.registerMatchers(&Finder);
  }
  EXPECT_TRUE(tooling::runToolOnCodeWithArgs(
      tooling::newFrontendActionFactory(&Finder)->create(), Code, {"-std=c++17"}, "uses.cpp"));
  R.Same = First.analysis() == Second.analysis();
  return R;
}

TEST(TUAnalysisTest, TwoRulesShareOneAnalysisAndItsFactsAreKeptOnce) {
  for (bool Reversed : {false, true}) {
    TwoRules R = runTwoRules(Reversed);
    EXPECT_TRUE(R.Same);
    const std::vector<std::string> Expected = {"Rgb value", "Rgba unused", "Last bound"};
    EXPECT_EQ(R.FirstRead, Expected);
    EXPECT_EQ(R.SecondRead, Expected);
    // One file spells uses: one fact, under the analysis's id, not once per rule.
    ASSERT_EQ(R.Facts.size(), 1u);
    EXPECT_EQ(R.Facts[0].RuleId, "enumerator-uses");
    EXPECT_EQ(R.Facts[0].Kind, EnumeratorUsesFact::Kind);
    const auto Uses = R.Facts[0].Data.get<EnumeratorUsesFact>();
    EXPECT_EQ(Uses.Bounds.size(), 1u);
    EXPECT_EQ(Uses.Values.size(), 1u);
  }
}

// A rule's global step reads the analysis's facts as its own when it lists the analysis.
TEST(TUAnalysisTest, AGlobalStepReadsTheFactsOfTheAnalysesItLists) {
  FactStore Store;
  Store.add(makeFact(EnumeratorUses::Info.Id, EnumeratorUsesFact{"/a.h", {"c:@E@F@Last"}, {}, {}, {}, {}}));
  static constexpr const TUAnalysisInfo *Listed[] = {&EnumeratorUses::Info};
  EXPECT_EQ(RuleFacts(Store, "contract-enum-table", Listed).all<EnumeratorUsesFact>().size(), 1u);
  EXPECT_TRUE(RuleFacts(Store, "contract-enum-table").all<EnumeratorUsesFact>().empty());
}

// The declared kinds key the result store: an analysis emitting another is a defect.
class Undeclared : public TUAnalysis {
public:
  static constexpr TUAnalysisInfo Info{"undeclared", {}};
  void registerMatchers(MatchFinder *Finder) override {
    Finder->addMatcher(translationUnitDecl().bind("tu"), this);
  }
  void check(const MatchFinder::MatchResult &) override {}
  std::vector<Fact> facts() const override {
    return {makeFact(Info.Id, EnumeratorUsesFact{"/a.h", {}, {}, {}, {}, {}})};
  }
};

TEST(TUAnalysisTest, AFactKindTheAnalysisDoesNotDeclareIsADefect) {
  std::vector<Fact> Kept;
  TUAnalyses Analyses([&](Fact F) { Kept.push_back(std::move(F)); });
  MatchFinder Finder;
  Analyses.get<Undeclared>(&Finder);
  EXPECT_THROW(tooling::runToolOnCode(tooling::newFrontendActionFactory(&Finder)->create(),
                                      "int x;", "a.cpp"),
               std::logic_error);
}

} // namespace
} // namespace contractcheck
