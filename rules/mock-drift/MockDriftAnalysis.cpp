// Finding the mocks of a TU, what each stands in for, and the method tables judging and facts read.
// See MockDriftAnalysis.h.
#include "rules/mock-drift/MockDriftAnalysis.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/DeclTemplate.h>

#include <algorithm>

using namespace clang;

namespace contractcheck {

using mock_drift::Closest;
using mock_drift::StandIn;

MockDriftRule::Analysis::Analysis(MockDriftRule &Rule, ASTContext &Ctx)
    : Rule(Rule), Ctx(Ctx), SM(Ctx.getSourceManager()),
      Pairer(Ctx, Rule.Patterns, Rule.Pairs,
             {[this](const CXXRecordDecl &C) { return isMock(C); },
              [this](const CXXRecordDecl &C) { return mockedNames(C); }}),
      Counterpart([this](const CXXRecordDecl &C) { return counterpartOf(C); }) {
  for (const CXXRecordDecl *Record : Rule.Records)
    Pairer.addRecord(Record);
  for (const ClassTemplateDecl *Template : Rule.Templates)
    Pairer.addTemplate(Template);
}

void MockDriftRule::Analysis::run() {
  llvm::SetVector<const CXXRecordDecl *> Classes(Rule.Records.begin(), Rule.Records.end());
  // A mock class template (or a mock of a template parameter) is judged in its
  // instantiations, where the signatures are concrete.
  for (const ClassTemplateDecl *Template : Rule.Templates)
    for (const ClassTemplateSpecializationDecl *Spec : Template->specializations())
      if (const CXXRecordDecl *Def = Spec->getDefinition(); Def && !Def->isDependentContext())
        Classes.insert(Def);
  for (const CXXRecordDecl *Class : Classes)
    if (isMock(*Class) && !inSystemHeader(*Class)) {
      judge(*Class);
      emitSubstituteFact(*Class);
    }
  emitCoInstantiationFacts();
  emitNamedRealFacts();
}

const std::vector<GMockMethod> &MockDriftRule::Analysis::gmockOf(const CXXRecordDecl &Class) {
  auto [It, Inserted] = GMock.try_emplace(&Class);
  if (Inserted)
    It->second = gmockMethods(Class, SM);
  return It->second;
}

bool MockDriftRule::Analysis::isMock(const CXXRecordDecl &Class) {
  if (Class.isLambda() || Class.isDependentContext() || isGMockOwn(Class))
    return false;
  return !gmockOf(Class).empty() || Pairer.matchesNamePattern(Class) ||
         Pairer.isConfiguredMock(Class);
}

const Pairing &MockDriftRule::Analysis::pairingOf(const CXXRecordDecl &Mock) {
  auto It = Pairings.find(&Mock);
  if (It == Pairings.end())
    It = Pairings.try_emplace(&Mock, Pairer.pair(Mock)).first;
  return It->second;
}

std::optional<const CXXRecordDecl *>
MockDriftRule::Analysis::counterpartOf(const CXXRecordDecl &Class) {
  const CXXRecordDecl *Def = unwrapGMockWrapper(Class.getDefinition());
  if (!Def || !isMock(*Def))
    return std::nullopt;
  const Pairing &Pair = pairingOf(*Def);
  if (Pair.Reals.size() != 1)
    return nullptr;
  return Pair.Reals.front().Real;
}

bool MockDriftRule::Analysis::isOrdinaryMethod(const CXXMethodDecl &Method) {
  return !Method.isImplicit() && Method.getIdentifier() && !Method.isStatic() &&
         !Method.isDeleted() && !isGMockPlumbing(Method);
}

std::vector<DeclarationName> MockDriftRule::Analysis::mockedNames(const CXXRecordDecl &Class) {
  std::vector<DeclarationName> Names;
  for (const GMockMethod &M : gmockOf(Class))
    Names.push_back(M.Method->getDeclName());
  if (Names.empty())
    for (const CXXMethodDecl *Method : Class.methods())
      if (isOrdinaryMethod(*Method) && Method->getAccess() == AS_public)
        Names.push_back(Method->getDeclName());
  return Names;
}

bool MockDriftRule::Analysis::callsItself(const CXXRecordDecl &Class, llvm::StringRef Name) {
  const CXXRecordDecl *Source = Class.getTemplateInstantiationPattern();
  if (!Source)
    Source = &Class;
  auto [It, Inserted] = SelfCalled.try_emplace(Source);
  if (Inserted) {
    It->second = membersCalledOnItself(*Source);
  }
  if (It->second.contains(Name))
    return true;
  // Or the test calls it through a member pointer (libprocess's `dispatch(pid, &P::func0)`).
  if (!MainFilePointers)
    MainFilePointers = memberPointersInMainFile(Ctx);
  for (const NamedDecl *Found : Class.lookup(DeclarationName(&Ctx.Idents.get(Name))))
    if (const auto *Method = dyn_cast<CXXMethodDecl>(Found);
        Method && MainFilePointers->contains(Method->getCanonicalDecl()))
      return true;
  return false;
}

std::vector<StandIn> MockDriftRule::Analysis::standInsOf(const CXXRecordDecl &Mock) {
  std::vector<StandIn> StandIns;
  llvm::SmallPtrSet<const CXXMethodDecl *, 16> IsGMock;
  for (const GMockMethod &M : gmockOf(Mock)) {
    StandIns.push_back({M.Method, M.Mocker, true});
    IsGMock.insert(M.Method);
  }
  for (const CXXMethodDecl *Method : Mock.methods())
    if (isOrdinaryMethod(*Method) && !isa<CXXConstructorDecl, CXXDestructorDecl>(Method) &&
        !IsGMock.contains(Method) && !reexposesBaseHelper(Mock, *Method))
      StandIns.push_back({Method, nullptr, false});
  return StandIns;
}

bool MockDriftRule::Analysis::reexposesBaseHelper(const CXXRecordDecl &Mock,
                                                  const CXXMethodDecl &Method) {
  std::vector<const CXXRecordDecl *> Classes = classAndBases(Mock);
  for (size_t I = 1; I < Classes.size(); ++I)
    for (const NamedDecl *Found : Classes[I]->lookup(Method.getDeclName())) {
      const auto *Helper =
          dyn_cast_or_null<CXXMethodDecl>(Found->getUnderlyingDecl()->getAsFunction());
      if (Helper && !Helper->isVirtual() && Helper->getAccess() != AS_public)
        return true;
    }
  return false;
}

std::vector<const CXXRecordDecl *>
MockDriftRule::Analysis::classAndBases(const CXXRecordDecl &Class) {
  std::vector<const CXXRecordDecl *> Found{&Class};
  for (size_t Next = 0; Next < Found.size(); ++Next)
    for (const CXXBaseSpecifier &Base : Found[Next]->bases())
      if (const CXXRecordDecl *Named = Base.getType()->getAsCXXRecordDecl())
        if (const CXXRecordDecl *Def = Named->getDefinition();
            Def && std::find(Found.begin(), Found.end(), Def) == Found.end())
          Found.push_back(Def);
  return Found;
}

std::vector<StandInEntry>
MockDriftRule::Analysis::standInEntries(const CXXRecordDecl &Mock,
                                        const std::vector<StandIn> &StandIns, bool WithSpots) {
  std::vector<StandInEntry> Entries;
  for (const StandIn &S : StandIns) {
    if (!S.GMock && S.Method->getAccess() != AS_public)
      continue;
    StandInEntry E;
    E.Sig = signatureOf(*S.Method, S.Mocker, Ctx, &Counterpart);
    E.Shown = shownName(Mock, E.Sig);
    E.GMock = S.GMock;
    E.Decl = S.Method;
    const Injections &Injected = injectionsOf(Mock);
    E.Injected = Injected.Injected;
    if (auto It = Injected.Calls.find(S.Method->getCanonicalDecl()); It != Injected.Calls.end())
      E.Calls = It->second;
    if (WithSpots) {
      E.SelfCalled = S.GMock && callsItself(Mock, S.Method->getName());
      E.Where = positionOf(locationOf(*S.Method), SM);
    }
    Entries.push_back(std::move(E));
  }
  return Entries;
}

RealClassTable MockDriftRule::Analysis::tableOf(const CXXRecordDecl &Real,
                                                const std::vector<std::string> *Names,
                                                bool WithSpots) {
  std::vector<std::string> All;
  if (!Names) {
    llvm::StringSet<> Seen;
    for (const CXXRecordDecl *Class : classAndBases(Real))
      for (const Decl *Member : Class->decls()) {
        const auto *Named = dyn_cast<NamedDecl>(Member);
        if (Named && isa<CXXMethodDecl, FunctionTemplateDecl>(Named) && Named->getIdentifier() &&
            Seen.insert(Named->getName()).second)
          All.push_back(Named->getNameAsString());
      }
    Names = &All;
  }
  RealClassTable Table;
  Table.Name = className(Real);
  for (const std::string &Name : *Names) {
    std::vector<const NamedDecl *> Found =
        methodsNamed(Real, DeclarationName(&Ctx.Idents.get(Name)));
    std::optional<std::vector<const CXXMethodDecl *>> Methods = concreteMethods(Found);
    if (!Methods) {
      Table.TemplateNames.insert(Name);
      continue;
    }
    if (Methods->empty())
      continue;
    std::vector<RealMethodEntry> &Entries = Table.Methods[Name];
    for (const CXXMethodDecl *Method : *Methods) {
      RealMethodEntry E;
      E.Sig = signatureOf(*Method, nullptr, Ctx);
      E.Owner = className(*Method->getParent());
      E.Decl = Method;
      if (WithSpots)
        E.Where = positionOf(locationOf(*Method->getCanonicalDecl()), SM); // the class body
      Entries.push_back(std::move(E));
    }
  }
  return Table;
}

const Injections &MockDriftRule::Analysis::injectionsOf(const CXXRecordDecl &Mock) {
  auto It = Injected.find(&Mock);
  if (It == Injected.end())
    It = Injected
             .try_emplace(&Mock, contractcheck::injectionsOf(
                                     Mock, Rule.Templates.getArrayRef(),
                                     [this](const ClassTemplateDecl &T, unsigned Index) {
                                       return usesParameter(T, Index);
                                     },
                                     Ctx))
             .first;
  return It->second;
}

bool MockDriftRule::Analysis::usesParameter(const ClassTemplateDecl &Template, unsigned Index) {
  auto [Use, Inserted] = UsesParameter.try_emplace({&Template, Index}, false);
  if (Inserted)
    Use->second = callsMembersOf(Template, Index);
  return Use->second;
}

} // namespace contractcheck
