#include "rules/switch-coverage/RangeMarkers.h"

#include "rules/utils/Usr.h"
#include "SourcePositions.h"

#include <clang/AST/Decl.h>
#include <clang/AST/Expr.h>
#include <clang/ASTMatchers/ASTMatchers.h>
#include <clang/Basic/SourceManager.h>

#include <algorithm>
#include <map>
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

} // namespace

void EnumeratorUses::registerMatchers(MatchFinder *Finder, MatchFinder::MatchCallback *Callback) {
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
  Finder->addMatcher(
      enumConstantDecl(forEachDescendant(declRefExpr(to(enumConstantDecl())).bind("in-enum"))),
      Callback);
}

bool EnumeratorUses::record(const MatchFinder::MatchResult &Result) {
  if (const auto *Ref = Result.Nodes.getNodeAs<DeclRefExpr>("enumerator-use")) {
    References.push_back(Ref);
    return true;
  }
  if (const auto *Ref = Result.Nodes.getNodeAs<DeclRefExpr>("in-enum")) {
    InDefinitions.insert(Ref);
    return true;
  }
  const auto *Comparison = Result.Nodes.getNodeAs<BinaryOperator>("enumerator-comparison");
  if (!Comparison)
    return false;
  const Expr *Sides[] = {Comparison->getLHS(), Comparison->getRHS()};
  for (int I = 0; I < 2; ++I)
    if (const EnumConstantDecl *E = enumeratorNamedBy(*Sides[I]))
      if (comparesWithItsEnum(*Sides[1 - I], *E))
        Bounds.insert(cast<DeclRefExpr>(Sides[I]->IgnoreParenImpCasts()));
  return true;
}

void EnumeratorUses::classify(const SourceManager &SM) {
  for (const DeclRefExpr *Ref : References) {
    if (InDefinitions.contains(Ref))
      continue;
    const auto *E = cast<EnumConstantDecl>(Ref->getDecl());
    const bool Bound = Bounds.contains(Ref);
    Use &InFile = ByFile[fileContaining(*Ref, SM)][E];
    Use &Whole = InTU[E];
    (Bound ? InFile.Bound : InFile.Value) = true;
    (Bound ? Whole.Bound : Whole.Value) = true;
  }
  References.clear();
  Bounds.clear();
  InDefinitions.clear();
}

bool EnumeratorUses::onlyBound(const EnumConstantDecl &E) const {
  auto It = InTU.find(&E);
  return It != InTU.end() && It->second.Bound && !It->second.Value;
}

bool EnumeratorUses::usedAsValue(const EnumConstantDecl &E) const {
  auto It = InTU.find(&E);
  return It != InTU.end() && It->second.Value;
}

std::vector<EnumeratorUsesFact> EnumeratorUses::facts(const SourceManager &SM) const {
  // Sorted by file and USR, so that a header's fact is the same whichever TU saw it.
  std::map<std::string, std::pair<std::set<std::string>, std::set<std::string>>> Files;
  for (const auto &[File, Uses] : ByFile) {
    std::string Path = positionOf(SM.getLocForStartOfFile(File), SM).File;
    if (Path.empty())
      continue;
    auto &[FileBounds, FileValues] = Files[Path];
    for (const auto &[E, U] : Uses) {
      std::string Usr = usrOf(*E);
      if (Usr.empty())
        continue;
      if (U.Bound)
        FileBounds.insert(Usr);
      if (U.Value)
        FileValues.insert(Usr);
    }
  }
  std::vector<EnumeratorUsesFact> Facts;
  for (auto &[Path, Uses] : Files)
    Facts.push_back({Path, {Uses.first.begin(), Uses.first.end()},
                     {Uses.second.begin(), Uses.second.end()}});
  return Facts;
}

void EnumeratorUses::clear() {
  References.clear();
  Bounds.clear();
  InDefinitions.clear();
  ByFile.clear();
  InTU.clear();
}

} // namespace contractcheck
