// Whether a TU may hold mocks that only template instantiations show (Rule::needsInstantiations).
#include "rules/mock-drift/MockDriftRule.h"

#include "rules/mock-drift/MockDriftMethods.h"
#include "rules/mock-drift/MockPairing.h"
#include "rules/utils/ProjectCode.h"

#include <clang/AST/DeclTemplate.h>
#include <llvm/ADT/DenseMap.h>
#include <llvm/ADT/DenseSet.h>

using namespace clang;

namespace contractcheck {

namespace {

// A class the rule would judge as a mock: it declares gMock mockers (what MOCK_METHOD expands
// to, also in a class template's pattern) or is named like one and is no gTest test
// (MockPairer::matchesNamePattern; gmock-matchers-misc_test.cc's
// `TEST(MockMethodMockFunctionTest, ...)` made the TU keep template bodies for nothing).
bool looksLikeMock(const CXXRecordDecl &Record, const std::vector<NamePattern> &Patterns) {
  for (const FieldDecl *Field : Record.fields())
    if (Field->getLocation().isMacroID() && Field->getIdentifier() &&
        Field->getName().starts_with("gmock"))
      return true;
  return Record.getIdentifier() && !realNamesFor(Record.getName(), Patterns).empty() &&
         !isGTestTest(Record);
}

// Whether a skipped library body was given a mock, as a template argument or inside one
// (NiceMock<MockQueue>, ::testing::Types<MockQueue, Queue>): only with a mock in hand can it
// form a specialization of a project template that pairs the mock. gMock's own plumbing is
// given every mock (MOCK_METHOD's ThisRefAdjuster<>::Adjust(*this)) and calls nothing of it that
// could; gtest's TYPED_TEST machinery, which does, is also handed the test's class template
// (TemplateSel<>).
class MockInHand {
public:
  explicit MockInHand(const std::vector<NamePattern> &Patterns) : Patterns(Patterns) {}

  bool given(const FunctionDecl &F) {
    auto Lists = templateArgumentsGiven(F);
    bool Mock = std::any_of(Lists.begin(), Lists.end(),
                            [&](llvm::ArrayRef<TemplateArgument> Args) { return among(Args); });
    if (!Mock || !isGMockOwn(F))
      return Mock;
    return std::any_of(Lists.begin(), Lists.end(),
                       [&](llvm::ArrayRef<TemplateArgument> Args) { return handsATemplate(Args); });
  }

private:
  bool among(llvm::ArrayRef<TemplateArgument> Args) {
    for (const TemplateArgument &Arg : Args) {
      if (Arg.getKind() == TemplateArgument::Pack && among(Arg.pack_elements()))
        return true;
      if (Arg.getKind() == TemplateArgument::Type && holds(Arg.getAsType()))
        return true;
    }
    return false;
  }

  // A template template argument, at any depth of the arguments' specializations.
  bool handsATemplate(llvm::ArrayRef<TemplateArgument> Args) {
    for (const TemplateArgument &Arg : Args) {
      switch (Arg.getKind()) {
      case TemplateArgument::Template:
      case TemplateArgument::TemplateExpansion:
        return true;
      case TemplateArgument::Pack:
        if (handsATemplate(Arg.pack_elements()))
          return true;
        break;
      case TemplateArgument::Type: {
        const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
            Arg.getAsType()->getAsCXXRecordDecl());
        if (Spec && Seen.insert(Spec).second && handsATemplate(Spec->getTemplateArgs().asArray()))
          return true;
        break;
      }
      default:
        break;
      }
    }
    return false;
  }

  bool holds(QualType T) {
    const Type *Ty = T.getCanonicalType().getTypePtr();
    while (!Ty->getPointeeType().isNull())
      Ty = Ty->getPointeeType().getCanonicalType().getTypePtr();
    if (const auto *Function = dyn_cast<FunctionProtoType>(Ty)) // std::function<void(MockQueue&)>
      return holds(Function->getReturnType()) ||
             std::any_of(Function->param_type_begin(), Function->param_type_end(),
                         [&](QualType Param) { return holds(Param); });
    const auto *Record = Ty->getAsCXXRecordDecl();
    if (!Record)
      return false;
    auto [It, Inserted] = Known.try_emplace(Record, false);
    if (!Inserted)
      return It->second; // known, or being looked at (a cycle adds nothing)
    bool Result = false;
    if (const CXXRecordDecl *Def = Record->getDefinition())
      Result = looksLikeMock(*Def, Patterns);
    if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(Record))
      Result = Result || among(Spec->getTemplateArgs().asArray());
    Known[Record] = Result;
    return Result;
  }

  const std::vector<NamePattern> &Patterns;
  llvm::DenseMap<const CXXRecordDecl *, bool> Known;
  llvm::DenseSet<const ClassTemplateSpecializationDecl *> Seen;
};

} // namespace

// A mock class template is judged in its specializations, which a library body may be the one
// to complete (gtest's TYPED_TEST over ::testing::Types<MockQueue<int>>). A class template of
// the project instantiated with a mock and with a real class pairs them; the specializations
// the TU's own code names are there without the library's bodies, and a library body forms
// another only with a mock in hand.
bool MockDriftRule::needsEveryInstantiation(const SkippedInstantiations &Skipped) const {
  return !Pairs.empty() || projectTemplatesHave(Skipped.TopLevel, [this](const Decl &D) {
           const auto *Template = dyn_cast<ClassTemplateDecl>(&D);
           const auto *Partial = dyn_cast<ClassTemplatePartialSpecializationDecl>(&D);
           const CXXRecordDecl *Pattern = Template ? Template->getTemplatedDecl() : Partial;
           return Pattern && looksLikeMock(*Pattern, Patterns);
         });
}

bool MockDriftRule::needsInstantiations(const SkippedInstantiations &Skipped) const {
  LastEvery.reset();
  if (Skipped.TopLevel.empty())
    return false;
  bool Every = needsEveryInstantiation(Skipped);
  LastEvery = EveryAnswer{Skipped.TopLevel.data(), Skipped.TopLevel.size(), Every};
  if (Every)
    return true;
  MockInHand Mocks(Patterns);
  return std::any_of(Skipped.Skipped.begin(), Skipped.Skipped.end(),
                     [&](const FunctionDecl *F) { return Mocks.given(*F); });
}

// The instantiations given no mock cannot form a specialization that pairs one, by the argument
// above (the one by which the rule says no when only such are skipped): gMock's plumbing handed
// every mock of gmock-spec-builders_test.cc is most of what a gMock test puts aside (572 of 581),
// and none of it is needed.
std::vector<const FunctionDecl *>
MockDriftRule::instantiationsNeeded(const SkippedInstantiations &Skipped) const {
  if (Skipped.TopLevel.empty())
    return {};
  // Asked after needsInstantiations said yes about the same declarations: its search answers.
  bool Every = LastEvery && LastEvery->TopLevel == Skipped.TopLevel.data() &&
                       LastEvery->Size == Skipped.TopLevel.size()
                   ? LastEvery->Every
                   : needsEveryInstantiation(Skipped);
  if (Every)
    return Rule::instantiationsNeeded(Skipped);
  MockInHand Mocks(Patterns);
  std::vector<const FunctionDecl *> Needed;
  std::copy_if(Skipped.Skipped.begin(), Skipped.Skipped.end(), std::back_inserter(Needed),
               [&](const FunctionDecl *F) { return Mocks.given(*F); });
  return Needed;
}

} // namespace contractcheck
