#include "rules/mock-drift/MockDriftRule.h"

#include "rules/mock-drift/MockDriftAnalysis.h"
#include "rules/mock-drift/MockDriftFacts.h"
#include "rules/mock-drift/MockDriftGlobal.h"

#include <clang/ASTMatchers/ASTMatchers.h>
#include <clang/Lex/Preprocessor.h>

using namespace clang;
using namespace clang::ast_matchers;

namespace contractcheck {

namespace {

constexpr FieldSpec PairFields[] = {
    {"mock", OptionType::String, true, "qualified name of the mock or fake class"},
    {"real", OptionType::String, true, "qualified name of the class it stands in for"},
};

constexpr OptionSpec Options[] = {
    {"name-patterns", OptionType::StringList, "Mock*;Fake*;*Mock;Stub*",
     "How a mock's name gives its real class's name, '*' standing for the real name "
     "('MockTurtle' -> 'Turtle'). Used when the mock has no base class."},
    {"pairs", OptionType::RecordList, "",
     "Explicit {mock, real} pairs of qualified class names (e.g. "
     "{mock: tests::FakeClock, real: core::SteadyClock}); they take precedence over every other "
     "pairing.",
     PairFields, {}, '='},
    {"report-unpaired", OptionType::Bool, "false",
     "Also report gMock classes for which no real class was found."},
};

std::vector<std::pair<std::string, std::string>> pairsOf(const RuleOptions &Options) {
  std::vector<std::pair<std::string, std::string>> Pairs;
  for (const nlohmann::json &Pair : Options.get("pairs"))
    Pairs.emplace_back(Pair.at("mock").get<std::string>(), Pair.at("real").get<std::string>());
  return Pairs;
}


} // namespace

MockDriftRule::MockDriftRule(RuleContext &Context)
    : Rule(Context), Patterns(parseNamePatterns(options().getList("name-patterns"))),
      Pairs(pairsOf(options())),
      ReportUnpaired(options().getBool("report-unpaired")) {}

bool MockDriftRule::isLanguageVersionSupported(const LangOptions &LangOpts) const {
  return LangOpts.CPlusPlus;
}

void MockDriftRule::registerMatchers(MatchFinder *Finder) {
  Finder->addMatcher(
      cxxRecordDecl(isDefinition(), unless(isExpansionInSystemHeader())).bind("record"), this);
  Finder->addMatcher(classTemplateDecl(unless(isExpansionInSystemHeader())).bind("template"), this);
}

void MockDriftRule::registerPPCallbacks(const SourceManager &, Preprocessor *PP, Preprocessor *) {
  Headers = PP ? &PP->getHeaderSearchInfo() : nullptr;
}

void MockDriftRule::check(const MatchFinder::MatchResult &Result) {
  Ctx = Result.Context;
  if (const auto *Record = Result.Nodes.getNodeAs<CXXRecordDecl>("record")) {
    if (!Record->isLambda() && !Record->isDependentContext())
      Records.insert(Record);
  } else if (const auto *Template = Result.Nodes.getNodeAs<ClassTemplateDecl>("template")) {
    Templates.insert(Template->getCanonicalDecl());
  }
}

void MockDriftRule::onEndOfTranslationUnit() {
  if (Ctx)
    Analysis(*this, *Ctx).run();
  Ctx = nullptr;
  Records.clear();
  Templates.clear();
  Reported.clear();
}

const RuleInfo &MockDriftRuleInfo() {
  static const RuleInfo Info{
      .Id = "contract-mock-drift",
      .Summary = "mock method that matches no method of the real class it stands in for",
      .Description =
          "A gMock method declared without 'override' (legacy MOCK_METHODn, or MOCK_METHOD "
          "without '(override)'), a hand-written fake, or a mock used for template dependency "
          "injection is never checked against the real class: when the real signature changes, "
          "the mock silently becomes an unrelated overload and every EXPECT_CALL on it stops "
          "meaning anything. This rule pairs each mock with its real class (base class, "
          "configured pair, a class template instantiated with both (in the CLI also across "
          "translation units), or the naming convention "
          "MockX/FakeX/XMock/StubX, in the CLI also across translation units) and reports mock methods with no counterpart, with a "
          "different signature (parameters, const, ref-qualifier, noexcept, return type), or "
          "hiding a non-virtual base method; a mock injected into a template is judged by the "
          "calls the template makes on it instead. A note at the closest real method says what "
          "differs.",
      .Scope = RuleScope::TranslationUnit,
      .Options = Options,
      .CreateTURule = [](RuleContext &Context) -> std::unique_ptr<Rule> {
        return std::make_unique<MockDriftRule>(Context);
      },
      .CreateGlobalRule = [](const RuleOptions &Options) -> std::unique_ptr<GlobalRule> {
        return std::make_unique<MockDriftGlobalRule>(Options);
      },
      .FactKinds = mockDriftFactKinds(),
  };
  return Info;
}

} // namespace contractcheck
