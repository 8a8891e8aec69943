#include "rules/mock-drift/MockPairing.h"

#include "rules/mock-drift/MockDriftMethods.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/DeclTemplate.h>
#include <clang/Basic/SourceManager.h>
#include <llvm/ADT/DenseMap.h>
#include <llvm/ADT/SmallPtrSet.h>

#include <algorithm>
#include <optional>

using namespace clang;

namespace contractcheck {

namespace {

PrintingPolicy namePolicy(const ASTContext &Ctx) {
  PrintingPolicy Policy = Ctx.getPrintingPolicy();
  Policy.SuppressUnwrittenScope = true; // no "(anonymous namespace)::"
  return Policy;
}

llvm::StringRef withoutGlobalPrefix(llvm::StringRef Name) {
  Name = Name.trim();
  Name.consume_front("::");
  return Name;
}

} // namespace

std::string qualifiedName(const NamedDecl &D) {
  std::string Name;
  llvm::raw_string_ostream OS(Name);
  D.printQualifiedName(OS, namePolicy(D.getASTContext()));
  return Name;
}

std::string templateSignature(const ClassTemplateDecl &Template) {
  std::string Text = qualifiedName(Template) + "<";
  const TemplateParameterList &Params = *Template.getTemplateParameters();
  for (unsigned I = 0; I < Params.size(); ++I) {
    const NamedDecl *Param = Params.getParam(I);
    Text +=
        (I ? ", " : "") + (Param->getName().empty() ? std::string("_") : Param->getNameAsString());
    if (Param->isTemplateParameterPack())
      Text += "...";
  }
  return Text + ">";
}

namespace {

// The definition of a class named by a type or declaration, if the TU has one.
const CXXRecordDecl *definitionOf(const CXXRecordDecl *Class) {
  return Class ? Class->getDefinition() : nullptr;
}

const char *reasonText(PairReason Reason) {
  switch (Reason) {
  case PairReason::BaseClass:
    return "base class";
  case PairReason::ConfiguredPair:
    return "configured pair";
  case PairReason::NamingConvention:
    return "naming convention";
  case PairReason::CoInstantiation:
    return "co-instantiation";
  }
  return "";
}

} // namespace

std::optional<NamePattern> NamePattern::parse(llvm::StringRef Pattern) {
  Pattern = Pattern.trim();
  size_t Star = Pattern.find('*');
  if (Star == llvm::StringRef::npos || Pattern.find('*', Star + 1) != llvm::StringRef::npos ||
      Pattern.size() == 1)
    return std::nullopt; // the config documents one '*' plus a prefix or suffix
  return NamePattern(Pattern.substr(0, Star).str(), Pattern.substr(Star + 1).str());
}

std::optional<llvm::StringRef> NamePattern::realName(llvm::StringRef MockName) const {
  if (MockName.size() <= Prefix.size() + Suffix.size() || !MockName.starts_with(Prefix) ||
      !MockName.ends_with(Suffix))
    return std::nullopt;
  return MockName.drop_front(Prefix.size()).drop_back(Suffix.size());
}

std::vector<NamePattern> parseNamePatterns(const std::vector<std::string> &Texts) {
  std::vector<NamePattern> Patterns;
  for (const std::string &Text : Texts)
    if (std::optional<NamePattern> Pattern = NamePattern::parse(Text))
      Patterns.push_back(std::move(*Pattern));
  return Patterns;
}

std::vector<std::string> realNamesFor(llvm::StringRef MockName,
                                      const std::vector<NamePattern> &Patterns) {
  std::vector<std::string> Names;
  for (const NamePattern &Pattern : Patterns)
    if (std::optional<llvm::StringRef> Real = Pattern.realName(MockName))
      Names.push_back(Real->str());
  return Names;
}

std::string className(const CXXRecordDecl &Class) {
  std::string Name;
  llvm::raw_string_ostream OS(Name);
  Class.getNameForDiagnostic(OS, namePolicy(Class.getASTContext()), /*Qualified=*/true);
  return Name;
}

std::vector<std::string> templateArgumentsOf(const CXXRecordDecl &Class) {
  const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(&Class);
  if (!Spec)
    return {};
  PrintingPolicy Policy = namePolicy(Class.getASTContext());
  Policy.PrintCanonicalTypes = true;
  Policy.SuppressTagKeyword = true;
  std::vector<std::string> Args;
  for (const TemplateArgument &Arg : Spec->getTemplateArgs().asArray()) {
    std::string Text;
    llvm::raw_string_ostream OS(Text);
    if (Arg.getKind() == TemplateArgument::Type)
      OS << Arg.getAsType().getCanonicalType().getAsString(Policy);
    else
      Arg.print(Policy, OS, /*IncludeType=*/true);
    Args.push_back(std::move(Text));
  }
  return Args;
}

bool argumentsAgree(const std::vector<std::string> &Mock, const std::vector<std::string> &Real) {
  size_t Common = std::min(Mock.size(), Real.size());
  return std::equal(Mock.begin(), Mock.begin() + Common, Real.begin());
}

std::string describePairing(const CXXRecordDecl &Mock, const RealCounterpart &Counterpart) {
  std::string Reason = Counterpart.Reason == PairReason::CoInstantiation && Counterpart.Via
                           ? "both instantiate '" + templateSignature(*Counterpart.Via) + "'"
                           : reasonText(Counterpart.Reason);
  return describePairing(className(Mock), className(*Counterpart.Real), Reason);
}

std::string describePairing(const std::string &Mock, const std::string &Real,
                            const std::string &Reason) {
  return "'" + Mock + "' stands in for '" + Real + "' (" + Reason + ")";
}

std::vector<const NamedDecl *> methodsNamed(const CXXRecordDecl &Class, DeclarationName Name) {
  const SourceManager &SM = Class.getASTContext().getSourceManager();
  std::vector<const NamedDecl *> Found;
  llvm::SmallPtrSet<const Decl *, 8> Seen;
  llvm::SmallPtrSet<const CXXRecordDecl *, 8> Visited;
  // Breadth first: a class's own methods come before its bases'.
  std::vector<const CXXRecordDecl *> Queue{&Class};
  for (size_t Next = 0; Next < Queue.size(); ++Next) {
    const CXXRecordDecl *Current = Queue[Next] ? Queue[Next]->getDefinition() : nullptr;
    if (!Current || !Visited.insert(Current).second)
      continue;
    std::vector<const NamedDecl *> Here;
    for (const NamedDecl *Result : Current->lookup(Name)) {
      const NamedDecl *D = Result->getUnderlyingDecl();
      if (isa<CXXMethodDecl, FunctionTemplateDecl>(D) && Seen.insert(D->getCanonicalDecl()).second)
        Here.push_back(D);
    }
    // Lookup results come in no particular order; declaration order makes "closest candidate"
    // ties stable.
    std::stable_sort(Here.begin(), Here.end(), [&](const NamedDecl *A, const NamedDecl *B) {
      return SM.isBeforeInTranslationUnit(A->getLocation(), B->getLocation());
    });
    Found.insert(Found.end(), Here.begin(), Here.end());
    for (const CXXBaseSpecifier &Base : Current->bases())
      Queue.push_back(Base.getType()->getAsCXXRecordDecl());
  }
  return Found;
}

MockPairer::MockPairer(const ASTContext &Ctx, const std::vector<NamePattern> &Patterns,
                       const std::vector<std::pair<std::string, std::string>> &ConfiguredPairs,
                       Catalog Mocks)
    : Ctx(Ctx), Patterns(Patterns), ConfiguredPairs(ConfiguredPairs), Mocks(std::move(Mocks)) {}

namespace {

// The identifier a configured class name ends in: "N::S" -> "S", "Mock<int>" -> "Mock",
// "Outer<a::b>::Mock<std::pair<int, int>>" -> "Mock".
llvm::StringRef lastIdentifier(llvm::StringRef Name) {
  Name = Name.trim();
  if (Name.ends_with(">")) {
    int Depth = 0;
    for (size_t I = Name.size(); I-- > 0;) {
      Depth += Name[I] == '>' ? 1 : Name[I] == '<' ? -1 : 0;
      if (Depth == 0) {
        Name = Name.take_front(I).rtrim();
        break;
      }
    }
  }
  size_t Scope = Name.rfind("::");
  return Scope == llvm::StringRef::npos ? Name : Name.drop_front(Scope + 2);
}

// At least how many template arguments printing T shows (a lower bound of its printed length):
// its specializations' own arguments, through pointers, references, arrays and function types.
// Counted over the types as a graph (each once), at most Cap.
class ArgumentCount {
public:
  explicit ArgumentCount(size_t Cap) : Cap(Cap) {}

  size_t of(const ClassTemplateSpecializationDecl &Spec) {
    auto [It, New] = Memo.try_emplace(&Spec, Cap); // a cycle counts as too many
    if (!New)
      return It->second;
    size_t N = 0;
    for (const TemplateArgument &Arg : Spec.getTemplateArgs().asArray())
      N = add(N, of(Arg));
    return Memo[&Spec] = N;
  }

private:
  size_t of(const TemplateArgument &Arg) {
    if (Arg.getKind() == TemplateArgument::Pack) {
      size_t N = 0;
      for (const TemplateArgument &Element : Arg.pack_elements())
        N = add(N, of(Element));
      return N;
    }
    return Arg.getKind() == TemplateArgument::Type ? add(1, of(Arg.getAsType())) : 1;
  }

  size_t of(QualType T) {
    if (T.isNull())
      return 0;
    const Type *Ty = T.getCanonicalType().getTypePtr();
    auto [It, New] = Memo.try_emplace(Ty, Cap);
    if (!New)
      return It->second;
    size_t N = 0;
    if (Ty->isPointerType() || Ty->isReferenceType())
      N = of(Ty->getPointeeType());
    else if (const ArrayType *Array = Ty->getAsArrayTypeUnsafe())
      N = of(Array->getElementType());
    else if (const auto *Function = Ty->getAs<FunctionProtoType>()) {
      N = of(Function->getReturnType());
      for (QualType Param : Function->getParamTypes())
        N = add(N, add(1, of(Param)));
    } else if (const auto *Spec =
                   dyn_cast_or_null<ClassTemplateSpecializationDecl>(Ty->getAsCXXRecordDecl()))
      N = of(*Spec);
    return Memo[Ty] = N;
  }

  size_t add(size_t A, size_t B) const { return std::min(Cap, A + B); }

  size_t Cap;
  llvm::DenseMap<const void *, size_t> Memo;
};

// Whether a configured name (of a pair's mock) names Class, as written qualified or with its
// template arguments. Class's name is printed only when its identifier is the name's last one,
// and only when it cannot be longer than the name: a specialization's printed name grows with
// its arguments' nesting, exponentially where they repeat a type that repeats one (clang's
// CodeGenCXX/pr29160.cpp: 17 aliases of Foo<previous x 36>), and printing every class's name
// never ended (the CLI ran out of memory, clang-tidy never returned).
class ConfiguredName {
public:
  explicit ConfiguredName(const CXXRecordDecl &Class) : Class(Class) {}
  bool names(llvm::StringRef Configured) {
    Configured = withoutGlobalPrefix(Configured);
    if (!Class.getIdentifier() || lastIdentifier(Configured) != Class.getName())
      return false;
    if (!Counted) {
      // Printed qualified, the enclosing specializations show their arguments; with its
      // arguments, Class's own too.
      ArgumentCount Count(MaxCounted);
      for (const DeclContext *C = Class.getDeclContext(); C; C = C->getParent())
        if (const auto *Enclosing = dyn_cast<ClassTemplateSpecializationDecl>(C))
          Outer = std::min(MaxCounted, Outer + Count.of(*Enclosing));
      if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(&Class))
        Own = Count.of(*Spec);
      Counted = true;
    }
    if (Outer > Configured.size())
      return false;
    if (!Qualified)
      Qualified = qualifiedName(Class);
    if (Configured == *Qualified)
      return true;
    if (!Configured.contains('<') || Outer + Own > Configured.size())
      return false;
    if (!WithArgs)
      WithArgs = className(Class);
    return Configured == *WithArgs;
  }

private:
  static constexpr size_t MaxCounted = 1 << 16; // longer than any configured name
  const CXXRecordDecl &Class;
  bool Counted = false;
  size_t Outer = 0, Own = 0;
  std::optional<std::string> Qualified, WithArgs;
};

} // namespace

bool MockPairer::isConfiguredMock(const CXXRecordDecl &Class) const {
  ConfiguredName Name(Class);
  return std::any_of(ConfiguredPairs.begin(), ConfiguredPairs.end(),
                     [&](const auto &Pair) { return Name.names(Pair.first); });
}

bool MockPairer::matchesNamePattern(const CXXRecordDecl &Class) const {
  return !realNames(Class).empty() && !isGTestTest(Class);
}

std::vector<std::string> MockPairer::realNames(const CXXRecordDecl &Mock) const {
  if (!Mock.getIdentifier())
    return {};
  return realNamesFor(Mock.getName(), Patterns);
}

const CXXRecordDecl *MockPairer::asRealClass(const NamedDecl *Found,
                                             const CXXRecordDecl &Mock) const {
  const NamedDecl *D = Found->getUnderlyingDecl();
  const CXXRecordDecl *Real = nullptr;
  if (const auto *Alias = dyn_cast<TypedefNameDecl>(D)) {
    Real = Alias->getUnderlyingType()->getAsCXXRecordDecl();
  } else if (const auto *Template = dyn_cast<ClassTemplateDecl>(D)) {
    // MockStore<int> stands in for Store<int>, when the TU has it.
    const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(&Mock);
    if (!Spec)
      return nullptr;
    void *InsertPos = nullptr;
    Real = const_cast<ClassTemplateDecl *>(Template)->findSpecialization(
        Spec->getTemplateArgs().asArray(), InsertPos);
  } else {
    Real = dyn_cast<CXXRecordDecl>(D);
  }
  Real = definitionOf(Real);
  if (!Real)
    return nullptr;
  // A template pattern has no concrete signatures to compare; a mock is no real class.
  if (Real == &Mock || Real->isLambda() || Real->isDependentContext() || isGMockOwn(*Real) ||
      Mocks.IsMock(*Real))
    return nullptr;
  return Real;
}

const CXXRecordDecl *MockPairer::resolveQualified(llvm::StringRef Name) const {
  Name = withoutGlobalPrefix(Name);
  if (Name.contains('<')) { // a specialization: compare with how the TU's classes print
    for (const CXXRecordDecl *Record : Records)
      if (className(*Record) == Name)
        return Record;
    for (const ClassTemplateDecl *Template : Templates)
      for (const ClassTemplateSpecializationDecl *Spec : Template->specializations())
        if (Spec->hasDefinition() && className(*Spec) == Name)
          return Spec->getDefinition();
    return nullptr;
  }
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  Name.split(Parts, "::");
  const DeclContext *Scope = Ctx.getTranslationUnitDecl();
  for (size_t I = 0; I < Parts.size(); ++I) {
    DeclarationName Part(&Ctx.Idents.get(Parts[I].trim()));
    const DeclContext *Inner = nullptr;
    for (const NamedDecl *Found : Scope->lookup(Part)) {
      const NamedDecl *D = Found->getUnderlyingDecl();
      if (I + 1 == Parts.size()) {
        const CXXRecordDecl *Real = nullptr;
        if (const auto *Alias = dyn_cast<TypedefNameDecl>(D))
          Real = Alias->getUnderlyingType()->getAsCXXRecordDecl();
        else
          Real = dyn_cast<CXXRecordDecl>(D);
        Real = definitionOf(Real);
        if (Real && !Real->isDependentContext())
          return Real;
      } else if (isa<NamespaceDecl, CXXRecordDecl>(D)) {
        Inner = cast<DeclContext>(D);
        break;
      }
    }
    if (!Inner)
      return nullptr;
    Scope = Inner;
  }
  return nullptr;
}

const CXXRecordDecl *MockPairer::configuredReal(const CXXRecordDecl &Mock) const {
  ConfiguredName Name(Mock);
  for (const auto &[MockName, RealName] : ConfiguredPairs) {
    if (Name.names(MockName))
      if (const CXXRecordDecl *Real = resolveQualified(RealName))
        return Real;
  }
  return nullptr;
}

std::vector<RealCounterpart> MockPairer::relevantBases(const CXXRecordDecl &Mock) const {
  std::vector<std::string> Names = realNames(Mock);
  std::vector<RealCounterpart> Bases;
  for (const CXXBaseSpecifier &Base : Mock.bases()) {
    const CXXRecordDecl *Real = definitionOf(Base.getType()->getAsCXXRecordDecl());
    if (!Real || isGMockOwn(*Real))
      continue;
    // A mock built on another mock stands in for what that one stands in for.
    if (Mocks.IsMock(*Real)) {
      for (const RealCounterpart &Inner : relevantBases(*Real))
        if (std::none_of(Bases.begin(), Bases.end(),
                         [&](const RealCounterpart &C) { return C.Real == Inner.Real; }))
          Bases.push_back(Inner);
      continue;
    }
    // A non-polymorphic base is a mixin (a ref-count, a helper), unless the naming convention
    // says the mock stands in for it: then mocking its non-virtual methods is the drift.
    bool Named = Real->getIdentifier() &&
                 std::find(Names.begin(), Names.end(), Real->getName()) != Names.end();
    if (Real->isPolymorphic() || Named)
      Bases.push_back({Real, PairReason::BaseClass});
  }
  return Bases;
}

// A specialization given a mock as a template argument (BaseClient<MockPortUser, MockHandle>,
// std::vector<MockSink *>) is test scaffolding: a mock at the same template parameter stands in
// for the production specialization, never for this one.
bool MockPairer::madeWithMocks(const CXXRecordDecl &Class) const {
  const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(&Class);
  if (!Spec)
    return false;
  for (const TemplateArgument &Arg : Spec->getTemplateArgs().asArray()) {
    if (Arg.getKind() != TemplateArgument::Type)
      continue;
    QualType Type = Arg.getAsType();
    while (!Type->getPointeeType().isNull())
      Type = Type->getPointeeType();
    const CXXRecordDecl *Inner = definitionOf(unwrapGMockWrapper(Type->getAsCXXRecordDecl()));
    if (Inner && !isGMockOwn(*Inner) && (Mocks.IsMock(*Inner) || madeWithMocks(*Inner)))
      return true;
  }
  return false;
}

void MockPairer::indexCoInstantiations() {
  CoInstantiations.emplace();
  auto &Index = *CoInstantiations;
  for (const ClassTemplateDecl *Template : Templates) {
    // Per template parameter position: the mocks and the other classes it was instantiated with.
    std::vector<llvm::SetVector<const CXXRecordDecl *>> MocksAt, RealsAt;
    for (const ClassTemplateSpecializationDecl *Spec : Template->specializations()) {
      const TemplateArgumentList &Args = Spec->getTemplateArgs();
      if (MocksAt.size() < Args.size()) {
        MocksAt.resize(Args.size());
        RealsAt.resize(Args.size());
      }
      for (unsigned I = 0; I < Args.size(); ++I) {
        if (Args[I].getKind() != TemplateArgument::Type)
          continue;
        const CXXRecordDecl *Arg =
            definitionOf(unwrapGMockWrapper(Args[I].getAsType()->getAsCXXRecordDecl()));
        if (!Arg || Arg->isLambda() || isGMockOwn(*Arg))
          continue;
        if (Mocks.IsMock(*Arg))
          MocksAt[I].insert(Arg);
        else if (!madeWithMocks(*Arg))
          RealsAt[I].insert(Arg);
      }
    }
    for (size_t I = 0; I < MocksAt.size(); ++I) {
      if (!MocksAt[I].empty() || !RealsAt[I].empty())
        Sites.push_back({Template, unsigned(I), MocksAt[I], RealsAt[I]});
      for (const CXXRecordDecl *Mock : MocksAt[I]) {
        std::vector<DeclarationName> Names = Mocks.MockedNames(*Mock);
        std::vector<std::string> MockArgs = templateArgumentsOf(*Mock);
        std::vector<RealCounterpart> &Reals = Index[Mock];
        for (const CXXRecordDecl *Real : RealsAt[I]) {
          if (Mock->isDerivedFrom(Real) || Real->isDerivedFrom(Mock) ||
              !argumentsAgree(MockArgs, templateArgumentsOf(*Real)) ||
              std::any_of(Reals.begin(), Reals.end(),
                          [&](const RealCounterpart &C) { return C.Real == Real; }))
            continue;
          // A generic holder (a smart pointer, a container) is instantiated with the mock and
          // with unrelated classes; only a class that has most of what the mock mocks is one
          // the mock stands in for.
          size_t Shared = std::count_if(Names.begin(), Names.end(), [&](DeclarationName Name) {
            return !methodsNamed(*Real, Name).empty();
          });
          if (Shared > 0 && 2 * Shared >= Names.size())
            Reals.push_back({Real, PairReason::CoInstantiation, Template});
        }
      }
    }
  }
}

std::vector<RealCounterpart> MockPairer::coInstantiated(const CXXRecordDecl &Mock) {
  if (!CoInstantiations)
    indexCoInstantiations();
  const auto &Index = *CoInstantiations; // NOLINT(bugprone-unchecked-optional-access): just set
  auto It = Index.find(&Mock);
  if (It == Index.end() || It->second.empty())
    return {};
  // Several real types at the same position: the one the naming convention names, if any.
  std::vector<std::string> Names = realNames(Mock);
  std::vector<RealCounterpart> Named;
  for (const RealCounterpart &C : It->second)
    if (C.Real->getIdentifier() &&
        std::find(Names.begin(), Names.end(), C.Real->getName()) != Names.end())
      Named.push_back(C);
  return Named.empty() ? It->second : Named;
}

const std::vector<CoInstantiationSite> &MockPairer::coInstantiationSites() {
  if (!CoInstantiations)
    indexCoInstantiations();
  return Sites;
}

const CXXRecordDecl *MockPairer::byName(const CXXRecordDecl &Mock) {
  for (const std::string &RealName : realNames(Mock)) {
    DeclarationName Name(&Ctx.Idents.get(RealName));
    // The mock's own namespace first, then the enclosing ones.
    for (const DeclContext *Scope = Mock.getDeclContext(); Scope; Scope = Scope->getParent()) {
      if (!isa<NamespaceDecl, TranslationUnitDecl, CXXRecordDecl>(Scope))
        continue;
      for (const NamedDecl *Found : Scope->lookup(Name))
        if (const CXXRecordDecl *Real = asRealClass(Found, Mock))
          return Real;
    }
    // Elsewhere in the TU (tests often live in their own namespace), when only one class has
    // that name.
    const CXXRecordDecl *Unique = nullptr;
    bool Ambiguous = false;
    for (const CXXRecordDecl *Record : Records) {
      if (!Record->getIdentifier() || Record->getName() != RealName ||
          isa<ClassTemplateSpecializationDecl>(Record) ||
          Record->getDeclContext()->isFunctionOrMethod())
        continue;
      const CXXRecordDecl *Real = asRealClass(Record, Mock);
      if (!Real)
        continue;
      Ambiguous |= Unique && Unique != Real;
      Unique = Real;
    }
    if (Unique && !Ambiguous)
      return Unique;
  }
  return nullptr;
}

Pairing MockPairer::pair(const CXXRecordDecl &Mock) {
  // An explicit pair is the user's word: nothing else is guessed for that mock.
  if (isConfiguredMock(Mock)) {
    const CXXRecordDecl *Real = configuredReal(Mock);
    if (!Real)
      return {};
    return {Mock.isDerivedFrom(Real), {{Real, PairReason::ConfiguredPair}}};
  }
  if (std::vector<RealCounterpart> Bases = relevantBases(Mock); !Bases.empty())
    return {true, std::move(Bases)};
  if (std::vector<RealCounterpart> Reals = coInstantiated(Mock); !Reals.empty())
    return {false, std::move(Reals)};
  if (const CXXRecordDecl *Real = byName(Mock))
    return {false, {{Real, PairReason::NamingConvention}}};
  return {};
}

} // namespace contractcheck
