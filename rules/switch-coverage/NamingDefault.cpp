#include "rules/switch-coverage/NamingDefault.h"

#include "rules/switch-coverage/LabelText.h"
#include "rules/utils/LabelReturns.h"
#include "rules/utils/NameSpelling.h"

#include <clang/AST/Decl.h>
#include <clang/AST/Expr.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/Stmt.h>
#include <llvm/ADT/STLExtras.h>

#include <cctype>
#include <string_view>

using namespace clang;

namespace contractcheck {

namespace {

// Words of texts that stand for no value's name: a default returning "error", "unsupported
// type", "bad op", "N/A" or "TODO" says it has no name for what reaches it (beside the
// catch-all words: "unknown", "invalid", "none", ...).
constexpr std::string_view NoNameWords[] = {
    "error",   "err",          "unsupported", "unexpected",   "unhandled", "unrecognized",
    "unrecognised", "unimplemented", "implemented", "bad", "illegal", "wrong",
    "missing", "na",           "tbd",         "todo",         "fixme",     "unnamed",
    "unset",   "not",          "no",          "empty",        "nil",       "void"};

// The calls whose one argument is the whole value: `std::string("x")`, `tr("x")`, `_("x")`,
// `QString::fromUtf8("x")`; the arguments after it, if any, left to their defaults.
const Expr *onlyArgument(const Expr &E) {
  llvm::ArrayRef<const Expr *> Args;
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(&E))
    Args = llvm::ArrayRef(Construct->getArgs(), Construct->getNumArgs());
  else if (const auto *Call = dyn_cast<CallExpr>(&E);
           Call && !isa<CXXMemberCallExpr, CXXOperatorCallExpr>(Call))
    Args = llvm::ArrayRef(Call->getArgs(), Call->getNumArgs());
  if (Args.empty() || !llvm::all_of(Args.drop_front(), [](const Expr *A) {
        return isa<CXXDefaultArgExpr>(A);
      }))
    return nullptr;
  return Args.front();
}

// The literal that is the whole returned value: `return "f(N)";`, `return tr("Pen");`. Not a
// literal among other operands (`StringPrintf("<type_index[%d]>", e)`, `"unknown " + name`).
const StringLiteral *soleText(const Expr *E) {
  while (E) {
    E = E->IgnoreParens();
    if (const auto *Literal = dyn_cast<StringLiteral>(E))
      return Literal;
    if (const auto *Full = dyn_cast<FullExpr>(E))
      E = Full->getSubExpr();
    else if (const auto *Temporary = dyn_cast<MaterializeTemporaryExpr>(E))
      E = Temporary->getSubExpr();
    else if (const auto *Bind = dyn_cast<CXXBindTemporaryExpr>(E))
      E = Bind->getSubExpr();
    else if (const auto *Cast = dyn_cast<CastExpr>(E))
      E = Cast->getSubExpr();
    else
      E = onlyArgument(*E);
  }
  return nullptr;
}

// The text's words: the identifier words of each run of letters and digits ("f(N)" -> f, n;
// "(UNKNOWN)" -> unknown; "N/A" -> n, a is one word "na" only when written so).
std::vector<std::string> nameWords(std::string_view Text) {
  std::vector<std::string> Words;
  std::string Run;
  auto Flush = [&] {
    if (!Run.empty())
      llvm::append_range(Words, identifierWords(Run));
    Run.clear();
  };
  for (char C : Text)
    if (std::isalnum(static_cast<unsigned char>(C)))
      Run += C;
    else if (C != '/') // "N/A", "n/a": one word
      Flush();
  Flush();
  return Words;
}

bool namesAValue(std::string_view Text, const std::vector<std::string> &CatchAllWords) {
  std::vector<std::string> Words = nameWords(Text);
  if (!llvm::any_of(Words, [](const std::string &W) {
        return llvm::any_of(W, [](char C) { return std::isalpha(static_cast<unsigned char>(C)); });
      }))
    return false; // "", "???", "-", "0"
  return llvm::none_of(Words, [&](const std::string &W) {
    return llvm::is_contained(CatchAllWords, W) || llvm::is_contained(NoNameWords, W);
  });
}

} // namespace

const StringLiteral *nameGivenByDefault(const SwitchStmt &Switch, const DefaultStmt &Default,
                                        const EnumConstantDecl &Hidden,
                                        const std::vector<std::string> &CatchAllWords) {
  const ReturnStmt *Return = labelReturn(Default);
  const StringLiteral *Text = Return ? soleText(Return->getRetValue()) : nullptr;
  if (!Text || Text->getCharByteWidth() != 1 || !namesAValue(Text->getString(), CatchAllWords))
    return nullptr;
  // A case's own text is that case's name: a default returning it gives the hidden value a
  // member's name, which is what drift looks like.
  for (const SwitchCase *Label = Switch.getSwitchCaseList(); Label;
       Label = Label->getNextSwitchCase())
    if (const StringLiteral *CaseText = returnedText(*Label);
        CaseText && Label != &Default && CaseText->getCharByteWidth() == 1 &&
        CaseText->getString() == Text->getString())
      return nullptr;
  // Another enumerator's name: what the default was written for is that one.
  const std::vector<std::string> Words = nameWords(Text->getString());
  const auto *Enum = cast<EnumDecl>(Hidden.getDeclContext());
  for (const EnumConstantDecl *Other : Enum->enumerators())
    if (Other != &Hidden && llvm::all_of(Words, [&](const std::string &W) {
          return llvm::is_contained(enumeratorWords(std::string_view(Other->getName())), W);
        }))
      return nullptr;
  return Text;
}

} // namespace contractcheck
