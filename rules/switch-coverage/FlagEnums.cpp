#include "rules/switch-coverage/FlagEnums.h"

#include "rules/utils/FlagsShape.h"
#include "rules/utils/Sentinels.h"
#include "LibraryHeaders.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/Decl.h>
#include <clang/AST/DeclTemplate.h>
#include <clang/AST/Expr.h>
#include <clang/ASTMatchers/ASTMatchers.h>

#include <algorithm>
#include <optional>

using namespace clang;
using namespace clang::ast_matchers;

namespace contractcheck {

namespace {

const EnumConstantDecl *enumeratorOf(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (const auto *Cast = dyn_cast<ExplicitCastExpr>(E))
    E = Cast->getSubExpr()->IgnoreParenImpCasts();
  const auto *Ref = dyn_cast<DeclRefExpr>(E);
  return Ref ? dyn_cast<EnumConstantDecl>(Ref->getDecl()) : nullptr;
}

const EnumDecl *definitionOf(QualType Type) {
  const auto *Enum = Type.getNonReferenceType().getCanonicalType()->getAs<EnumType>();
  return Enum ? Enum->getDecl()->getDefinition() : nullptr;
}

} // namespace

std::vector<const EnumConstantDecl *> flagBitsAboveCases(const EnumDecl &Enum) {
  std::vector<uint64_t> Values;
  for (const EnumConstantDecl *E : Enum.enumerators())
    if (std::optional<uint64_t> V = unsignedValue(E->getInitVal());
        V && !isSizeForcingValue(E->getInitVal()))
      Values.push_back(*V);
  std::sort(Values.begin(), Values.end());
  Values.erase(std::unique(Values.begin(), Values.end()), Values.end());
  size_t First = 3;
  while (First < Values.size() &&
         !(singleBit(Values[First]) && Values[First] / 8 > Values[First - 1]))
    ++First;
  if (First >= Values.size())
    return {};
  // Above the cases there are only bits, and unions of them.
  uint64_t Low = Values[First - 1], Bits = 0;
  for (size_t I = First; I < Values.size(); ++I)
    if (singleBit(Values[I]))
      Bits |= Values[I];
  if (std::any_of(Values.begin() + First, Values.end(),
                  [&](uint64_t V) { return (V & ~Bits) != 0; }))
    return {};
  std::vector<const EnumConstantDecl *> Found;
  for (const EnumConstantDecl *E : Enum.enumerators())
    if (std::optional<uint64_t> V = unsignedValue(E->getInitVal()); V && *V > Low)
      Found.push_back(E);
  return Found;
}

void FlagUses::registerMatchers(MatchFinder *Finder, MatchFinder::MatchCallback *Callback,
                                const HeaderSearch *const *TUHeaders) {
  Headers = TUHeaders;
  // The project's code is what the walk reaches outside a library's headers (LibraryHeaders.h):
  // a project header that CMake's precompiled-header wrapper makes a system header is the
  // project's here too.
  auto InLibrary = isExpansionInALibrarysHeader(Headers);
  // The project's own operators, wherever it declares them (Q_DECLARE_OPERATORS_FOR_FLAGS
  // expands in its code). A library's are looked up when an enum is judged (usedAsFlags): the
  // walk does not enter a library's headers, whose declarations a precompiled prefix holds in
  // one mode and the parse in the other.
  Finder->addMatcher(
      functionDecl(hasOverloadedOperatorName("|"), unless(InLibrary)).bind("flags-operator"),
      Callback);
  // An operator| the project's code calls, wherever it is declared (a library's template
  // `operator|` for any enum its trait admits, brought in by a using-declaration).
  Finder->addMatcher(cxxOperatorCallExpr(hasOverloadedOperatorName("|"), unless(InLibrary),
                                         callee(functionDecl().bind("flags-operator")))
                         .bind("flags-operator-call"),
                     Callback);
  Finder->addMatcher(
      binaryOperator(hasAnyOperatorName("|", "|="), unless(InLibrary)).bind("flags-or"),
      Callback);
}

void FlagUses::markEnum(QualType Type) {
  if (const EnumDecl *Enum = definitionOf(Type))
    FlagEnums.insert(Enum);
}

void FlagUses::markParameters(const FunctionDecl &Operator) {
  for (const ParmVarDecl *Param : Operator.parameters())
    markEnum(Param->getType());
}

// The operator| a scope declares: functions, and what each operator template was instantiated
// for (`operator|<Side>`, whose parameters are the enum's).
void FlagUses::markOperatorsIn(const DeclContext &Scope) {
  const ASTContext &Ctx = cast<Decl>(Scope).getASTContext();
  DeclarationName Name = Ctx.DeclarationNames.getCXXOperatorName(OO_Pipe);
  for (const NamedDecl *Found : Scope.lookup(Name)) {
    Found = Found->getUnderlyingDecl();
    if (const auto *Function = dyn_cast<FunctionDecl>(Found))
      markParameters(*Function);
    else if (const auto *Template = dyn_cast<FunctionTemplateDecl>(Found))
      for (const FunctionDecl *Spec : Template->specializations())
        markParameters(*Spec);
  }
}

// Not a matcher: an implicit specialization is reached only through its template, and when the
// template comes from a precompiled prefix (QFlags under --shared-headers) the walk skips it, so
// `QFlags<View::Feature>` from the project's Q_DECLARE_FLAGS went unseen in that mode alone. The
// TU's types hold every specialization it formed; a flag template found there gives all of its
// specializations, the prefix's included (Qt's own QFlags<Qt::AlignmentFlag>), as a parse
// without the prefix has them.
void FlagUses::markTemplateArguments(const ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  auto IsProjectEnum = [&](const TemplateArgument &Arg) {
    const EnumDecl *Enum =
        Arg.getKind() == TemplateArgument::Type ? definitionOf(Arg.getAsType()) : nullptr;
    return Enum && !inALibrarysHeader(Enum->getLocation(), SM, Headers ? *Headers : nullptr);
  };
  llvm::SmallPtrSet<const ClassTemplateDecl *, 32> Named; // each template's name read once
  llvm::SmallPtrSet<const ClassTemplateDecl *, 4> Templates;
  for (const Type *T : Ctx.getTypes()) {
    const auto *Record = dyn_cast<RecordType>(T);
    const auto *Spec =
        Record ? dyn_cast<ClassTemplateSpecializationDecl>(Record->getDecl()) : nullptr;
    if (!Spec)
      continue;
    if (const ClassTemplateDecl *Template = Spec->getSpecializedTemplate()->getCanonicalDecl();
        Named.insert(Template).second &&
        matchesAny(FlagTemplates, Template->getQualifiedNameAsString()))
      Templates.insert(Template);
    // A library template's member operator| taking its enum argument (`Combo<E>::operator|(E)`)
    // says the same of a project enum, every specialization naming which is formed in this
    // TU's own parse: read from the types as well, since the walk does not enter a library
    // template's specializations.
    if (Spec->hasDefinition() && llvm::any_of(Spec->getTemplateArgs().asArray(), IsProjectEnum))
      markOperatorsIn(*Spec->getDefinition());
  }
  for (const ClassTemplateDecl *Template : Templates)
    for (const ClassTemplateSpecializationDecl *Spec : Template->specializations())
      for (const TemplateArgument &Arg : Spec->getTemplateArgs().asArray())
        if (Arg.getKind() == TemplateArgument::Type)
          markEnum(Arg.getAsType());
}

bool FlagUses::record(const MatchFinder::MatchResult &Result) {
  if (const auto *Operator = Result.Nodes.getNodeAs<FunctionDecl>("flags-operator")) {
    markParameters(*Operator);
    return true;
  }
  if (const auto *Or = Result.Nodes.getNodeAs<BinaryOperator>("flags-or")) {
    const EnumConstantDecl *L = enumeratorOf(Or->getLHS());
    const EnumConstantDecl *R = enumeratorOf(Or->getRHS());
    for (const EnumConstantDecl *E : {L, R})
      if (E)
        Ored.insert(E);
    if (L && R && L->getDeclContext() == R->getDeclContext())
      if (const auto *Enum = dyn_cast<EnumDecl>(L->getDeclContext()))
        FlagEnums.insert(Enum->getDefinition());
    return true;
  }
  return false;
}

bool FlagUses::usedAsFlags(const EnumDecl &Enum) {
  if (!TemplateArgumentsMarked) {
    markTemplateArguments(Enum.getASTContext());
    TemplateArgumentsMarked = true;
  }
  // A library's operator| for the enum (Qt's Q_DECLARE_OPERATORS_FOR_FLAGS(Qt::Alignment) at
  // global scope), found by name where a call on the enum would find it: in the scopes around
  // the enum, out to the global one. A lookup reads a precompiled prefix as it reads a parsed
  // header, so both modes see the same operators.
  if (LookedUp.insert(&Enum).second)
    for (const DeclContext *Scope = Enum.getDeclContext(); Scope; Scope = Scope->getParent())
      if (!Scope->isTransparentContext() && !isa<FunctionDecl>(Scope))
        markOperatorsIn(*Scope);
  return FlagEnums.contains(&Enum);
}

bool FlagUses::isOredFlagBit(const EnumConstantDecl &Enumerator) const {
  std::optional<uint64_t> Value = unsignedValue(Enumerator.getInitVal());
  const auto *Enum = dyn_cast<EnumDecl>(Enumerator.getDeclContext());
  if (!Enum || !Value || !singleBit(*Value) || !Ored.contains(&Enumerator))
    return false;
  return llvm::all_of(Enum->enumerators(), [&](const EnumConstantDecl *Other) {
    if (Ored.contains(Other))
      return true;
    std::optional<uint64_t> V = unsignedValue(Other->getInitVal());
    return V && *V < *Value;
  });
}

} // namespace contractcheck
