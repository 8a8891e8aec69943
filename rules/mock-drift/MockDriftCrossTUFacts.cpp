// The facts MockDriftGlobalRule joins across TUs: co-instantiations, naming-convention pairings,
// substitute headers' classes, the real classes this TU implements. See MockDriftAnalysis.h.
#include "rules/mock-drift/MockDriftAnalysis.h"
#include "rules/mock-drift/SubstituteHeader.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/DeclTemplate.h>

#include <algorithm>

using namespace clang;

namespace contractcheck {

using mock_drift::Closest;
using mock_drift::StandIn;

void MockDriftRule::Analysis::emitCoInstantiationFacts() {
  for (const CoInstantiationSite &Site : Pairer.coInstantiationSites()) {
    const ClassTemplateDecl &Template = *Site.Template;
    // A template of an unnamed namespace or a function is another template in another TU.
    if (Template.isInAnonymousNamespace() || Template.getDeclContext()->isFunctionOrMethod())
      continue;
    // Facts stay small: only templates that use the parameter as a dependency.
    if (!usesParameter(Template, Site.Index))
      continue;
    std::string Key = usrOf(Template);
    for (const CXXRecordDecl *Mock : Site.Mocks) {
      // A configured pair is the user's word, even when its real class is not in this TU.
      if (inSystemHeader(*Mock) || Pairer.isConfiguredMock(*Mock) ||
          !pairingOf(*Mock).Reals.empty())
        continue;
      Rule.emitFact(TemplateArgFact{Key, templateSignature(Template), Site.Index, mockFact(*Mock),
                                    /*IsMock=*/true});
    }
    for (const CXXRecordDecl *Real : Site.Reals) {
      if (inSystemHeader(*Real) || Real->getDeclContext()->isFunctionOrMethod())
        continue;
      Rule.emitFact(TemplateArgFact{Key, templateSignature(Template), Site.Index, realFact(*Real),
                                    /*IsMock=*/false});
    }
  }
}

bool MockDriftRule::Analysis::namedAcrossTUs(const CXXRecordDecl &Class) {
  return Class.getIdentifier() && !isa<ClassTemplateSpecializationDecl>(Class) &&
         !Class.isInAnonymousNamespace() && !Class.getDeclContext()->isFunctionOrMethod();
}

void MockDriftRule::Analysis::emitPairingFact(const CXXRecordDecl &Mock, const Pairing &Pair) {
  if (!namedAcrossTUs(Mock) || !Pairer.matchesNamePattern(Mock) || Pairer.isConfiguredMock(Mock))
    return;
  if (Pair.Reals.empty())
    mockFact(Mock);
  Rule.emitFact(MockPairingFact{classId(Mock), !Pair.Reals.empty()});
}

void MockDriftRule::Analysis::emitInjectionFact(const CXXRecordDecl &Mock) {
  if (Rule.keepsFacts() && !SM.isInMainFile(locationOf(Mock)) && injectionsOf(Mock).Injected)
    Rule.emitFact(MockInjectionFact{classId(Mock)});
}

void MockDriftRule::Analysis::emitSubstituteFact(const CXXRecordDecl &Mock) {
  if (!Rule.keepsFacts() || !namedAcrossTUs(Mock) || gmockOf(Mock).empty())
    return;
  std::optional<std::string> Shadowed = shadowedHeader(Mock, Rule.Headers);
  if (!Shadowed)
    return;
  SubstituteClassFact Fact{classId(Mock), className(Mock), positionOf(locationOf(Mock), SM),
                           std::move(*Shadowed), {}, {}, !definesMembersElsewhere(Mock)};
  // What stands in for the real class's methods, as with inheritance: the gMock methods and the
  // virtual ones; a hand-written method that is not virtual is the test's own helper.
  for (const StandIn &S : standInsOf(Mock)) {
    const CXXMethodDecl &Method = *S.Method;
    if (!S.GMock && !Method.isVirtual())
      continue;
    std::string Name = Method.getNameAsString();
    Fact.Methods.push_back({Name, shownName(Mock, signatureOf(Method, S.Mocker, Ctx)),
                            positionOf(locationOf(Method), SM)});
    if (callsItself(Mock, Name) ||
        derivedClassCallsMethod(Mock, Method, Rule.Records.getArrayRef()))
      Fact.Hooks.push_back(std::move(Name));
  }
  Rule.emitFact(Fact);
}

bool MockDriftRule::Analysis::implementedHere(const CXXRecordDecl &Class) const {
  if (SM.isInMainFile(SM.getExpansionLoc(Class.getLocation())))
    return true;
  return std::any_of(Class.method_begin(), Class.method_end(), [&](const CXXMethodDecl *M) {
    const FunctionDecl *Definition = M->getDefinition();
    return Definition && Definition != M->getCanonicalDecl() &&
           SM.isInMainFile(SM.getExpansionLoc(Definition->getLocation()));
  });
}

void MockDriftRule::Analysis::emitNamedRealFacts() {
  if (!Rule.keepsFacts())
    return;
  for (const CXXRecordDecl *Class : Rule.Records) {
    if (!namedAcrossTUs(*Class) || inSystemHeader(*Class) || isGMockOwn(*Class) || isMock(*Class) ||
        isGTestTest(*Class) || !implementedHere(*Class))
      continue;
    if (std::any_of(Class->method_begin(), Class->method_end(),
                    [](const CXXMethodDecl *M) { return isOrdinaryMethod(*M); }))
      realFact(*Class);
  }
}

std::vector<std::string> MockDriftRule::Analysis::baseIds(const CXXRecordDecl &Class) {
  std::vector<std::string> Ids;
  std::vector<const CXXRecordDecl *> All = classAndBases(Class);
  for (size_t I = 1; I < All.size(); ++I)
    Ids.push_back(classId(*All[I]));
  return Ids;
}

std::string MockDriftRule::Analysis::mockFact(const CXXRecordDecl &Mock) {
  std::string Id = classId(Mock);
  if (!Emitted.insert(Id).second)
    return Id;
  std::vector<std::string> Names;
  for (DeclarationName Name : mockedNames(Mock))
    Names.push_back(Name.getAsString());
  Rule.emitFact(MockClassFact{Id, className(Mock),
                              Mock.getIdentifier() ? Mock.getName().str() : std::string(),
                              templateArgumentsOf(Mock), baseIds(Mock), Names,
                              standInEntries(Mock, standInsOf(Mock), /*WithSpots=*/true)});
  return Id;
}

std::string MockDriftRule::Analysis::realFact(const CXXRecordDecl &Real) {
  std::string Id = classId(Real);
  if (!Emitted.insert(Id).second)
    return Id;
  const CXXRecordDecl *Pattern = Real.getTemplateInstantiationPattern();
  Rule.emitFact(RealClassFact{Id, Real.getIdentifier() ? Real.getName().str() : std::string(),
                              templateArgumentsOf(Real), positionOf(locationOf(Real), SM),
                              Pattern ? classId(*Pattern) : Id, baseIds(Real),
                              tableOf(Real, nullptr, /*WithSpots=*/true)});
  return Id;
}

} // namespace contractcheck
