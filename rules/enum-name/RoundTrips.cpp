#include "rules/enum-name/RoundTrips.h"

#include "rules/enum-name/EnumNameMap.h"
#include "rules/enum-name/EnumNameMessages.h"
#include "rules/utils/FirstNode.h"
#include "rules/utils/LabelReturns.h"
#include "rules/utils/StringParsers.h"

#include <clang/AST/Decl.h>
#include <clang/AST/Expr.h>
#include <clang/AST/Stmt.h>
#include <llvm/ADT/STLExtras.h>
#include <llvm/ADT/StringExtras.h>

#include <algorithm>
#include <map>
#include <set>

using namespace clang;

namespace contractcheck {

namespace {

const EnumDecl *enumOf(QualType Type) {
  const auto *Enum = Type.getNonReferenceType().getCanonicalType()->getAs<EnumType>();
  return Enum ? Enum->getDecl()->getDefinition() : nullptr;
}

bool sameEnum(const EnumDecl &A, const EnumDecl &B) {
  return A.getCanonicalDecl() == B.getCanonicalDecl();
}

// The literal a label leads straight to: `case X: return "x";`, `case X: { return "x"; }`.
const StringLiteral *returnedLiteral(const SwitchCase &Label) {
  const ReturnStmt *Return = labelReturn(Label);
  return Return && Return->getRetValue() ? literalArgument(Return->getRetValue()) : nullptr;
}

const EnumConstantDecl *labelEnumerator(const CaseStmt &Case, const EnumDecl &Enum) {
  const auto *Ref = dyn_cast_or_null<DeclRefExpr>(Case.getLHS()->IgnoreParenImpCasts());
  const auto *Constant = Ref ? dyn_cast<EnumConstantDecl>(Ref->getDecl()) : nullptr;
  return Constant && sameEnum(*cast<EnumDecl>(Constant->getDeclContext()), Enum) ? Constant
                                                                                 : nullptr;
}

void enumeratorsIn(const Stmt *S, const EnumDecl &Enum, std::set<int64_t> &Out) {
  if (!S)
    return;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
    if (const auto *Constant = dyn_cast<EnumConstantDecl>(Ref->getDecl()))
      if (sameEnum(*cast<EnumDecl>(Constant->getDeclContext()), Enum))
        Out.insert(Constant->getInitVal().getExtValue());
  for (const Stmt *Child : S->children())
    enumeratorsIn(Child, Enum, Out);
}

void returnsIn(const Stmt *S, std::vector<const ReturnStmt *> &Out) {
  if (!S)
    return;
  if (const auto *Return = dyn_cast<ReturnStmt>(S))
    Out.push_back(Return);
  for (const Stmt *Child : S->children())
    returnsIn(Child, Out);
}

// What the parser returns for a name it has no branch for: the value the inference followed an
// unknown name to (AcceptedNames::Fallback), the enumerators its last statement returns
// (`return TOOL_NONE;`, `return it != end ? it->second : Unknown;`), and those it returns
// without pairing them with a name.
std::set<int64_t> fallbacks(const FunctionDecl &Parser, const EnumDecl &Enum,
                            const std::map<std::string, const EnumConstantDecl *> &Pairs,
                            const std::optional<std::string> &Followed) {
  std::set<int64_t> Values;
  if (int64_t Value; Followed && !llvm::StringRef(*Followed).getAsInteger(10, Value))
    Values.insert(Value);
  const auto *Body = dyn_cast_or_null<CompoundStmt>(Parser.getBody());
  if (Body && !Body->body_empty())
    if (const auto *Last = dyn_cast<ReturnStmt>(Body->body_back()))
      enumeratorsIn(Last, Enum, Values);
  std::set<int64_t> Paired;
  for (const auto &[Name, E] : Pairs)
    Paired.insert(E->getInitVal().getExtValue());
  std::vector<const ReturnStmt *> Returns;
  returnsIn(Parser.getBody(), Returns);
  for (const ReturnStmt *Return : Returns) {
    std::set<int64_t> Returned;
    enumeratorsIn(Return, Enum, Returned);
    for (int64_t V : Returned)
      if (!Paired.count(V))
        Values.insert(V);
  }
  return Values;
}

} // namespace

std::optional<NameWriter> nameWriter(const FunctionDecl &Definition) {
  if (!Definition.hasBody() || Definition.isTemplated() || Definition.isTemplateInstantiation() ||
      !isStringType(Definition.getReturnType()))
    return std::nullopt;
  const SwitchStmt *Switch = firstNode<SwitchStmt>(Definition.getBody());
  if (!Switch || !Switch->getCond())
    return std::nullopt;
  const auto *Ref = dyn_cast<DeclRefExpr>(Switch->getCond()->IgnoreParenImpCasts());
  const auto *Param = Ref ? dyn_cast<ParmVarDecl>(Ref->getDecl()) : nullptr;
  const EnumDecl *Enum = Param ? enumOf(Param->getType()) : nullptr;
  if (!Enum)
    return std::nullopt;
  NameWriter Writer{&Definition, Enum, {}};
  for (const SwitchCase *SC = Switch->getSwitchCaseList(); SC; SC = SC->getNextSwitchCase()) {
    const auto *Case = dyn_cast<CaseStmt>(SC);
    if (!Case)
      continue;
    const EnumConstantDecl *E = labelEnumerator(*Case, *Enum);
    const StringLiteral *Literal = returnedLiteral(*Case);
    if (!E || !Literal)
      return std::nullopt; // not a name table: a label that computes, a range, a number
    Writer.Names.push_back({E, Literal});
  }
  std::reverse(Writer.Names.begin(), Writer.Names.end()); // the case list runs backwards
  if (Writer.Names.size() < 2)
    return std::nullopt;
  return Writer;
}

std::vector<std::pair<const EnumConstantDecl *, const StringLiteral *>>
namesNotReadBack(const NameWriter &Writer, const FunctionDecl &Parser, const AcceptedNames &Names) {
  if (!Names.Enum || !sameEnum(*Names.Enum, *Writer.Enum))
    return {};
  std::map<std::string, const EnumConstantDecl *> Pairs = parsedEnumerators(Parser, Names);
  std::set<int64_t> Fallbacks = fallbacks(Parser, *Writer.Enum, Pairs, Names.Fallback);
  unsigned Agree = 0, Disagree = 0;
  std::vector<std::pair<const EnumConstantDecl *, const StringLiteral *>> Missed;
  for (const auto &[E, Literal] : Writer.Names) {
    llvm::StringRef Name = Literal->getString();
    bool Shared = llvm::any_of(Writer.Names, [&](const auto &Other) {
      return Other.second->getString() == Name &&
             !llvm::APSInt::isSameValue(Other.first->getInitVal(), E->getInitVal());
    });
    // "", "?", "-": a placeholder for a value with no name, not a name meant to be read.
    if (Shared || llvm::none_of(Name, [](char C) { return llvm::isAlnum(C); }))
      continue;
    if (acceptsName(Names.Names, Name, Names.CaseInsensitive)) {
      auto Pair = Pairs.find(Name.str());
      if (Pair == Pairs.end() ||
          llvm::APSInt::isSameValue(Pair->second->getInitVal(), E->getInitVal()))
        ++Agree;
      else
        ++Disagree;
      continue;
    }
    if (Fallbacks.count(E->getInitVal().getExtValue()))
      continue;
    ++Disagree;
    Missed.push_back({E, Literal});
  }
  if (Agree < 2 || Agree <= Disagree)
    return {};
  return Missed;
}

} // namespace contractcheck
