#include "rules/enum-table/CountSizedArrays.h"

#include "rules/utils/EnumeratorUses.h"
#include "rules/utils/Sentinels.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/Decl.h>
#include <clang/AST/Expr.h>
#include <clang/AST/ExprCXX.h>
#include <clang/Basic/SourceManager.h>
#include <clang/Lex/Lexer.h>

#include <set>

using namespace clang;

namespace contractcheck {

const EnumConstantDecl *countSizing(const VarDecl &Var, const SentinelPolicy &Sentinels,
                                    const std::vector<std::string> &CatchAllWords) {
  std::vector<const EnumConstantDecl *> Sizing = enumeratorsSizing(Var);
  if (Sizing.size() != 1)
    return nullptr;
  const EnumConstantDecl *Count = Sizing.front();
  const auto *Enum = dyn_cast<EnumDecl>(Count->getDeclContext());
  const llvm::APSInt &Bound = Count->getInitVal();
  if (!Enum || Enum->isDependentType() || (Bound.isSigned() && Bound.isNegative()))
    return nullptr;
  // The count counts the values before it: 0 up to it, each taken. An enum of constants
  // (`enum { kRows = 4, kCols = 8 }`, C's named numbers) sizes arrays too, and its other
  // enumerators are no slots of them.
  std::set<uint64_t> Below;
  bool Greatest = true;
  for (const EnumConstantDecl *E : Enum->enumerators()) {
    const llvm::APSInt &V = E->getInitVal();
    if (V.isSigned() && V.isNegative())
      continue;
    if (llvm::APSInt::compareValues(V, Bound) > 0)
      Greatest = false;
    else if (llvm::APSInt::compareValues(V, Bound) < 0)
      Below.insert(V.getZExtValue());
  }
  if (Below.size() != Bound.getZExtValue())
    return nullptr;
  return Greatest || isCountBeforeCatchAlls(*Count, Sentinels, CatchAllWords) ? Count : nullptr;
}

bool initializedAsStorage(const VarDecl &Var, const ASTContext &Ctx) {
  const auto *List =
      dyn_cast_or_null<InitListExpr>(Var.getInit() ? Var.getInit()->IgnoreImplicit() : nullptr);
  if (!List)
    return false;
  // std::array's list holds the list of its one field.
  if (!Ctx.getAsConstantArrayType(Var.getType()) && List->getNumInits() == 1)
    if (const auto *Inner = dyn_cast<InitListExpr>(List->getInit(0)->IgnoreImplicit()))
      List = Inner;
  std::vector<const Expr *> Written;
  for (const Expr *Init : List->inits())
    if (!isa<ImplicitValueInitExpr>(Init))
      Written.push_back(Init->IgnoreImplicit());
  if (Written.size() > 1)
    return false;
  // `{QString()}`: the default an object's zero-fill gives.
  const auto *Construct = Written.empty() ? nullptr : dyn_cast<CXXConstructExpr>(Written[0]);
  return (Construct && Construct->getNumArgs() == 0) || holdsZero(List, Ctx);
}

namespace {

// `"end_sample" "text"`: each token as written, a long one shortened.
std::string spelling(const StringLiteral &Literal, const SourceManager &SM,
                     const LangOptions &LangOpts) {
  std::string Text;
  for (unsigned I = 0; I < Literal.getNumConcatenated(); ++I) {
    llvm::StringRef Token = Lexer::getSourceText(
        CharSourceRange::getTokenRange(Literal.getStrTokenLoc(I)), SM, LangOpts);
    std::string Piece = Token.size() > 40 ? Token.take_front(36).str() + "...\"" : Token.str();
    Text += (Text.empty() ? "" : " ") + Piece;
  }
  return Text;
}

// `"Shows the samples " "as text"`: a text split over lines keeps the space between its words
// at a piece's end or start; two names glued by a missing comma have none there.
bool splitsASentence(const StringLiteral &Literal, const SourceManager &SM,
                     const LangOptions &LangOpts) {
  for (unsigned I = 0; I < Literal.getNumConcatenated(); ++I) {
    llvm::StringRef Token = Lexer::getSourceText(
        CharSourceRange::getTokenRange(Literal.getStrTokenLoc(I)), SM, LangOpts);
    size_t Open = Token.find('"');
    if (Open == llvm::StringRef::npos || !Token.ends_with("\"") || Token.size() < Open + 2)
      return true; // a raw string or something unread: no hint
    llvm::StringRef Text = Token.slice(Open + 1, Token.size() - 1);
    if ((I > 0 && Text.starts_with(" ")) ||
        (I + 1 < Literal.getNumConcatenated() && (Text.ends_with(" ") || Text.ends_with("\\n"))))
      return true;
  }
  return false;
}

} // namespace

std::string gluedLiteralsHint(const ArrayGaps &Gaps, const SourceManager &SM,
                              const LangOptions &LangOpts) {
  if (Gaps.Missing.empty())
    return {};
  uint64_t FirstMissing = UINT64_MAX;
  for (const EnumConstantDecl *E : Gaps.Missing)
    FirstMissing = std::min(FirstMissing, E->getInitVal().getZExtValue());
  const StringLiteral *Glued = nullptr;
  unsigned Joins = 0;
  for (const auto &[Enumerator, Initializer] : Gaps.Slots) {
    if (!Initializer)
      continue;
    // A slot written after a missing one: the list is not short at its end, the entries are
    // not shifted by a join.
    if (Enumerator->getInitVal().getZExtValue() > FirstMissing)
      return {};
    const auto *Literal = dyn_cast<StringLiteral>(Initializer->IgnoreParenImpCasts());
    if (!Literal || Literal->getNumConcatenated() < 2)
      continue;
    for (unsigned I = 0; I < Literal->getNumConcatenated(); ++I)
      if (!Literal->getStrTokenLoc(I).isFileID())
        return {}; // `"%" PRIu64`: a macro's piece, joined on purpose
    if (splitsASentence(*Literal, SM, LangOpts))
      continue;
    Glued = Glued ? Glued : Literal;
    Joins += Literal->getNumConcatenated() - 1;
  }
  // Exactly as many joins as entries missing: one long text split over lines among entries that
  // are all so split makes more joins than gaps.
  if (!Glued || Joins != Gaps.Missing.size() || Joins != Glued->getNumConcatenated() - 1)
    return {};
  return spelling(*Glued, SM, LangOpts) + " are one string: is a comma missing?";
}

} // namespace contractcheck
