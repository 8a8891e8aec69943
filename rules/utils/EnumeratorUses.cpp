#include "rules/utils/EnumeratorUses.h"

#include "rules/utils/Usr.h"
#include "SourcePositions.h"

#include <clang/AST/Decl.h>
#include <clang/AST/DeclTemplate.h>
#include <clang/AST/Expr.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/TypeLoc.h>
#include <clang/ASTMatchers/ASTMatchers.h>
#include <clang/Basic/SourceManager.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>

using namespace clang;
using namespace clang::ast_matchers;

namespace contractcheck {

namespace {

const EnumConstantDecl *enumeratorNamedBy(const Expr &E) {
  const auto *Ref = dyn_cast<DeclRefExpr>(E.IgnoreParenImpCasts());
  return Ref ? dyn_cast<EnumConstantDecl>(Ref->getDecl()) : nullptr;
}

// `format > ElfEsFloatGuard`: the other side is a value of the enumerator's own enum (or not
// known yet, in a template). `i < kCount` with an int `i` is no such comparison.
bool comparesWithItsEnum(const Expr &Other, const EnumConstantDecl &Enumerator) {
  const Expr *E = Other.IgnoreParenImpCasts();
  if (E->isTypeDependent())
    return true;
  const auto *Type = E->getType().getCanonicalType()->getAs<EnumType>();
  const auto *Enum = dyn_cast<EnumDecl>(Enumerator.getDeclContext());
  return Type && Enum && Type->getDecl()->getCanonicalDecl() == Enum->getCanonicalDecl();
}

bool isInteger(const Expr &Other) {
  const Expr *E = Other.IgnoreParenImpCasts();
  return E->getType()->isIntegerType() && !E->getType()->isEnumeralType();
}

// The template arguments that are a size: std::array's second, std::bitset's only one.
std::optional<unsigned> sizeArgumentOf(const TemplateSpecializationTypeLoc &Type) {
  const auto *Template = dyn_cast_or_null<ClassTemplateDecl>(
      Type.getTypePtr()->getTemplateName().getAsTemplateDecl());
  if (!Template || !Template->isInStdNamespace())
    return std::nullopt;
  if (Template->getName() == "array")
    return 1;
  if (Template->getName() == "bitset")
    return 0;
  return std::nullopt;
}

// `E::Count`, `static_cast<size_t>(E::Count)`, `(int)Count`: the dimension is the enumerator.
const DeclRefExpr *enumeratorSizing(const Expr *Size) {
  const auto *Ref = Size ? dyn_cast<DeclRefExpr>(Size->IgnoreParenCasts()) : nullptr;
  return Ref && isa<EnumConstantDecl>(Ref->getDecl()) ? Ref : nullptr;
}

// Each dimension the written type declares, nested ones included.
void forEachSize(TypeLoc Type, llvm::function_ref<void(const DeclRefExpr &)> Visit) {
  for (; !Type.isNull(); Type = Type.getNextTypeLoc()) {
    if (auto Array = Type.getAs<ArrayTypeLoc>()) {
      if (const DeclRefExpr *Ref = enumeratorSizing(Array.getSizeExpr()))
        Visit(*Ref);
    } else if (auto Specialization = Type.getAs<TemplateSpecializationTypeLoc>()) {
      std::optional<unsigned> SizeArgument = sizeArgumentOf(Specialization);
      for (unsigned I = 0; I < Specialization.getNumArgs(); ++I) {
        const TemplateArgumentLoc &Argument = Specialization.getArgLoc(I);
        if (Argument.getArgument().getKind() == TemplateArgument::Expression &&
            SizeArgument == I) {
          if (const DeclRefExpr *Ref = enumeratorSizing(Argument.getSourceExpression()))
            Visit(*Ref);
        } else if (Argument.getArgument().getKind() == TemplateArgument::Type) {
          if (TypeSourceInfo *Info = Argument.getTypeSourceInfo())
            forEachSize(Info->getTypeLoc(), Visit);
        }
      }
    }
  }
}

} // namespace

std::vector<const EnumConstantDecl *> enumeratorsSizing(const DeclaratorDecl &Declaration) {
  std::vector<const EnumConstantDecl *> Sizing;
  if (const TypeSourceInfo *Info = Declaration.getTypeSourceInfo())
    forEachSize(Info->getTypeLoc(), [&](const DeclRefExpr &Ref) {
      Sizing.push_back(cast<EnumConstantDecl>(Ref.getDecl()));
    });
  return Sizing;
}

void EnumeratorUses::registerMatchers(MatchFinder *Finder) {
  MatchCallback *Callback = this;
  // Any enumerator, wherever its enum is: CMake's precompiled-header wrapper (`-include
  // cmake_pch.hxx`, which says `#pragma GCC system_header`) makes every project header it
  // includes a system header of the TU, as glslang's ParseHelper.cpp sees Types.h. Only the uses
  // spelled in the TU's own code are recorded.
  Finder->addMatcher(declRefExpr(to(enumConstantDecl()), unless(isExpansionInSystemHeader()))
                         .bind("enumerator-use"),
                     Callback);
  Finder->addMatcher(binaryOperator(hasAnyOperatorName("<", ">", "<=", ">="),
                                    unless(isExpansionInSystemHeader()))
                         .bind("enumerator-comparison"),
                     Callback);
  // The declarations whose types may have an enumerator for a dimension.
  Finder->addMatcher(
      decl(anyOf(declaratorDecl(), typedefNameDecl()), unless(isExpansionInSystemHeader()))
          .bind("sized-declaration"),
      Callback);
  Finder->addMatcher(cxxNewExpr(isArray(), unless(isExpansionInSystemHeader())).bind("array-new"),
                     Callback);
  Finder->addMatcher(
      enumConstantDecl(forEachDescendant(declRefExpr(to(enumConstantDecl())).bind("in-enum"))),
      Callback);
}

void EnumeratorUses::check(const MatchFinder::MatchResult &Result) {
  SM = Result.SourceManager;
  if (const auto *Ref = Result.Nodes.getNodeAs<DeclRefExpr>("enumerator-use")) {
    References.push_back(Ref);
    return;
  }
  if (const auto *Ref = Result.Nodes.getNodeAs<DeclRefExpr>("in-enum")) {
    InDefinitions.insert(Ref);
    return;
  }
  if (const auto *Declaration = Result.Nodes.getNodeAs<Decl>("sized-declaration")) {
    const TypeSourceInfo *Info = nullptr;
    if (const auto *Declarator = dyn_cast<DeclaratorDecl>(Declaration))
      Info = Declarator->getTypeSourceInfo();
    else if (const auto *Typedef = dyn_cast<TypedefNameDecl>(Declaration))
      Info = Typedef->getTypeSourceInfo();
    if (Info)
      forEachSize(Info->getTypeLoc(), [&](const DeclRefExpr &Ref) { Sizes.insert(&Ref); });
    return;
  }
  if (const auto *New = Result.Nodes.getNodeAs<CXXNewExpr>("array-new")) {
    if (const DeclRefExpr *Ref = enumeratorSizing(New->getArraySize().value_or(nullptr)))
      Sizes.insert(Ref);
    return;
  }
  const auto *Comparison = Result.Nodes.getNodeAs<BinaryOperator>("enumerator-comparison");
  if (!Comparison)
    return;
  const Expr *Sides[] = {Comparison->getLHS(), Comparison->getRHS()};
  for (int I = 0; I < 2; ++I) {
    const EnumConstantDecl *E = enumeratorNamedBy(*Sides[I]);
    if (!E)
      continue;
    const auto *Ref = cast<DeclRefExpr>(Sides[I]->IgnoreParenImpCasts());
    if (comparesWithItsEnum(*Sides[1 - I], *E))
      Bounds.insert(Ref);
    else if (isInteger(*Sides[1 - I]))
      Sizes.insert(Ref);
  }
}

void EnumeratorUses::finish() {
  for (const DeclRefExpr *Ref : References) {
    if (InDefinitions.contains(Ref))
      continue;
    const auto *E = cast<EnumConstantDecl>(Ref->getDecl());
    Use &InFile = ByFile[fileContaining(*Ref, *SM)][E];
    Use &Whole = InTU[E];
    bool Use::*Kind = Bounds.contains(Ref)  ? &Use::Bound
                      : Sizes.contains(Ref) ? &Use::Size
                                            : &Use::Value;
    InFile.*Kind = Whole.*Kind = true;
  }
  References.clear();
  Bounds.clear();
  Sizes.clear();
  InDefinitions.clear();
}

bool EnumeratorUses::onlyBound(const EnumConstantDecl &E) const {
  auto It = InTU.find(&E);
  return It != InTU.end() && It->second.Bound && !It->second.Value && !It->second.Size;
}

bool EnumeratorUses::onlyCount(const EnumConstantDecl &E) const {
  auto It = InTU.find(&E);
  return It != InTU.end() && (It->second.Bound || It->second.Size) && !It->second.Value;
}

bool EnumeratorUses::usedAsValue(const EnumConstantDecl &E) const {
  auto It = InTU.find(&E);
  return It != InTU.end() && It->second.Value;
}

std::vector<Fact> EnumeratorUses::facts() const {
  // Sorted by file and USR, so that a header's fact is the same whichever TU saw it.
  struct FileUses {
    std::set<std::string> Bounds, Sizes, Values;
  };
  std::map<std::string, FileUses> Files;
  for (const auto &[File, Uses] : ByFile) {
    std::string Path = positionOf(SM->getLocForStartOfFile(File), *SM).File;
    if (Path.empty())
      continue;
    FileUses &InFile = Files[Path];
    for (const auto &[E, U] : Uses) {
      std::string Usr = usrOf(*E);
      if (Usr.empty())
        continue;
      if (U.Bound)
        InFile.Bounds.insert(Usr);
      if (U.Size)
        InFile.Sizes.insert(Usr);
      if (U.Value)
        InFile.Values.insert(Usr);
    }
  }
  std::vector<Fact> Facts;
  for (auto &[Path, Uses] : Files)
    Facts.push_back(
        makeFact(Info.Id, EnumeratorUsesFact{Path,
                                             {Uses.Bounds.begin(), Uses.Bounds.end()},
                                             {Uses.Sizes.begin(), Uses.Sizes.end()},
                                             {Uses.Values.begin(), Uses.Values.end()}}));
  return Facts;
}

} // namespace contractcheck
