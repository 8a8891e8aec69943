#include "rules/switch-coverage/TranslatingDefault.h"

#include "rules/switch-coverage/CaseLabels.h"
#include "rules/switch-coverage/SwitchDefault.h"
#include "rules/utils/NameSpelling.h"

#include <clang/AST/Decl.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/Expr.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/ParentMap.h>
#include <clang/AST/Stmt.h>
#include <llvm/ADT/DenseMap.h>
#include <llvm/ADT/STLExtras.h>

#include <algorithm>
#include <optional>
#include <string>

using namespace clang;

namespace contractcheck {

namespace {

// What one path of the switch produces: an enumerator, or an object of a class made there
// (`new C(...)`, `C(...)`), returned (Assigned null) or assigned to Assigned.
struct Produced {
  const EnumConstantDecl *Value = nullptr;
  const ValueDecl *Assigned = nullptr;
  const CXXRecordDecl *Class = nullptr;
};

const CXXRecordDecl *classMadeIn(const Expr *E) {
  if (!E)
    return nullptr;
  E = E->IgnoreImplicit()->IgnoreParenCasts();
  if (const auto *New = dyn_cast<CXXNewExpr>(E))
    return New->getAllocatedType()->getAsCXXRecordDecl();
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E))
    return Construct->getType()->getAsCXXRecordDecl();
  return nullptr;
}

const EnumConstantDecl *enumeratorIn(const Expr *E) {
  const auto *Ref = E ? dyn_cast<DeclRefExpr>(E->IgnoreParenCasts()) : nullptr;
  return Ref ? dyn_cast<EnumConstantDecl>(Ref->getDecl()) : nullptr;
}

const ValueDecl *assignedTo(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    return Ref->getDecl();
  if (const auto *Member = dyn_cast<MemberExpr>(E))
    return Member->getMemberDecl();
  return nullptr;
}

// `return E;`, or `V = E;` followed by `break;` (Next): what the statement produces.
Produced producedBy(const Stmt *S, const Stmt *Next) {
  if (const auto *Block = dyn_cast_or_null<CompoundStmt>(S)) {
    if (Block->body_empty())
      return {};
    S = Block->body_front();
    Next = Block->size() > 1 ? *std::next(Block->body_begin()) : Next;
  }
  // `f = new W(field)` with a temporary to destroy is wrapped in its cleanups.
  if (const auto *Cleanups = dyn_cast_or_null<ExprWithCleanups>(S))
    S = Cleanups->getSubExpr();
  if (const auto *Return = dyn_cast_or_null<ReturnStmt>(S))
    return {enumeratorIn(Return->getRetValue()), nullptr, classMadeIn(Return->getRetValue())};
  const auto *Assign = dyn_cast_or_null<BinaryOperator>(S);
  if (!Assign || Assign->getOpcode() != BO_Assign || !isa_and_nonnull<BreakStmt>(Next))
    return {};
  const ValueDecl *Target = assignedTo(Assign->getLHS());
  Produced P{enumeratorIn(Assign->getRHS()), Target, classMadeIn(Assign->getRHS())};
  return Target && (P.Value || P.Class) ? P : Produced{};
}

// The words of a name from From on, joined without separators.
std::string joinedFrom(const std::vector<std::string> &Words, size_t From) {
  std::string Out;
  for (size_t I = From; I < Words.size(); ++I)
    Out += Words[I];
  return Out;
}

// How many leading words all the names share.
size_t sharedLeadingWords(const std::vector<std::vector<std::string>> &Names) {
  if (Names.empty())
    return 0;
  size_t Shared = Names.front().size();
  for (const auto &Words : Names) {
    size_t I = 0;
    while (I < Shared && I < Words.size() && Words[I] == Names.front()[I])
      ++I;
    Shared = I;
  }
  return Shared;
}

// The first statement a label runs (past the labels stacked under it) and the one after it in
// the switch's body.
std::pair<const Stmt *, const Stmt *> runFrom(const SwitchStmt &Switch, const SwitchCase &Label) {
  const Stmt *First = Label.getSubStmt();
  while (const auto *Nested = dyn_cast_or_null<SwitchCase>(First))
    First = Nested->getSubStmt();
  const Stmt *Next = nullptr;
  if (const auto *Body = dyn_cast_or_null<CompoundStmt>(Switch.getBody())) {
    const auto *Top =
        llvm::find_if(Body->body(), [&](const Stmt *S) { return S && labelsLeadTo(*S, Label); });
    if (Top != Body->body_end() && std::next(Top) != Body->body_end())
      Next = *std::next(Top);
  }
  return {First, Next};
}

// The statement right after the switch in its block, or null.
const Stmt *statementAfter(const SwitchStmt &Switch, const ParentMap &Parents) {
  const auto *Block = dyn_cast_or_null<CompoundStmt>(Parents.getParent(&Switch));
  if (!Block)
    return nullptr;
  const auto *It = llvm::find(Block->body(), &Switch);
  return It == Block->body_end() || std::next(It) == Block->body_end() ? nullptr : *std::next(It);
}

// An enumerator's name without the words every enumerator of its enum starts with, joined
// without separators: `GLSLANG_TARGET_VULKAN_1_0` and `EShTargetVulkan_1_0` are both
// "vulkan10", `OPENGL_450` and `OpenGL_450` both "opengl450". Empty when nothing is left.
class NamesAfterPrefix {
public:
  std::string of(const EnumConstantDecl &Enumerator) {
    const auto *Enum = dyn_cast<EnumDecl>(Enumerator.getDeclContext());
    if (!Enum)
      return {};
    auto [It, New] = SharedWords.try_emplace(Enum, 0);
    if (New)
      It->second = sharedWords(*Enum);
    std::vector<std::string> Words = enumeratorWords(std::string_view(Enumerator.getName()));
    return It->second < Words.size() ? joinedFrom(Words, It->second) : std::string();
  }

private:
  static size_t enumeratorCount(const EnumDecl &Enum) {
    return std::distance(Enum.enumerator_begin(), Enum.enumerator_end());
  }
  static size_t sharedWords(const EnumDecl &Enum) {
    if (enumeratorCount(Enum) < 2)
      return 0;
    std::vector<std::vector<std::string>> Names;
    for (const EnumConstantDecl *E : Enum.enumerators())
      Names.push_back(enumeratorWords(std::string_view(E->getName())));
    return sharedLeadingWords(Names);
  }
  llvm::DenseMap<const EnumDecl *, size_t> SharedWords;
};

// What each `case` of the switch produces, with its label; none when a label is not an
// enumerator.
std::optional<std::vector<std::pair<const EnumConstantDecl *, Produced>>>
casesProduce(const SwitchStmt &Switch) {
  std::vector<std::pair<const EnumConstantDecl *, Produced>> Cases;
  for (const SwitchCase *SC = Switch.getSwitchCaseList(); SC; SC = SC->getNextSwitchCase()) {
    const auto *Case = dyn_cast<CaseStmt>(SC);
    if (!Case)
      continue;
    const EnumConstantDecl *Label = caseLabelEnumerator(*Case);
    if (!Label)
      return std::nullopt;
    auto [First, Next] = runFrom(Switch, *Case);
    Cases.emplace_back(Label, producedBy(First, Next));
  }
  return Cases;
}

// The class-valued twin of a translation: psi's XData form makes each field's widget from its
// type, `case Field_Boolean: f = new XDataField_Boolean(...); break;` and so on, and
// `default: f = new XDataField_TextSingle(...);` makes the widget of Field_TextSingle, the one
// type not named. Every case label must name an enumerator and lead straight to making (by
// `new` or a constructor) an object of a class whose name, after the words all those classes'
// names share, is the label's name after its enum's prefix, assigned to one variable or
// returned; the default must make one of the same kind the same way.
std::vector<const EnumConstantDecl *>
builtByDefault(const SwitchStmt &Switch, const DefaultStmt &Default,
               const std::vector<const EnumConstantDecl *> &Missing, NamesAfterPrefix &Names) {
  std::vector<std::pair<const EnumConstantDecl *, const CXXRecordDecl *>> Made;
  const ValueDecl *Assigned = nullptr;
  auto Cases = casesProduce(Switch);
  if (!Cases)
    return {};
  for (const auto &[Label, P] : *Cases) {
    if (!P.Class || !P.Class->getIdentifier() || (!Made.empty() && P.Assigned != Assigned))
      return {};
    Assigned = P.Assigned;
    Made.emplace_back(Label, P.Class);
  }
  auto [First, Next] = runFrom(Switch, Default);
  Produced P = producedBy(First, Next);
  // The default may end the switch without a `break`.
  if (const auto *Cleanups = dyn_cast_or_null<ExprWithCleanups>(First); !P.Class && !Next)
    if (const auto *Assign = dyn_cast_or_null<BinaryOperator>(Cleanups ? Cleanups->getSubExpr() : First);
        Assign && Assign->getOpcode() == BO_Assign && assignedTo(Assign->getLHS()) == Assigned)
      P = {nullptr, Assigned, classMadeIn(Assign->getRHS())};
  if (Made.size() < 2 || !P.Class || !P.Class->getIdentifier() || P.Assigned != Assigned)
    return {};
  std::vector<std::vector<std::string>> ClassNames;
  for (const auto &[Label, Class] : Made)
    ClassNames.push_back(identifierWords(Class->getName()));
  ClassNames.push_back(identifierWords(P.Class->getName()));
  size_t Shared = sharedLeadingWords(ClassNames);
  for (size_t I = 0; I < Made.size(); ++I) {
    std::string Name = Names.of(*Made[I].first);
    if (Name.empty() || Name != joinedFrom(ClassNames[I], Shared))
      return {};
  }
  std::string Built = joinedFrom(ClassNames.back(), Shared);
  std::vector<const EnumConstantDecl *> Handled;
  for (const EnumConstantDecl *Hidden : Missing)
    if (!Built.empty() && Names.of(*Hidden) == Built)
      Handled.push_back(Hidden);
  return Handled;
}

} // namespace

std::vector<const EnumConstantDecl *>
translatedByDefault(const SwitchStmt &Switch, const DefaultStmt &Default,
                    const std::vector<const EnumConstantDecl *> &Missing,
                    const ParentMap &Parents) {
  NamesAfterPrefix Names;
  if (std::vector<const EnumConstantDecl *> Built =
          builtByDefault(Switch, Default, Missing, Names);
      !Built.empty())
    return Built;
  const EnumDecl *Into = nullptr;
  const ValueDecl *Assigned = nullptr;
  unsigned Cases = 0;
  auto Produces = casesProduce(Switch);
  if (!Produces)
    return {};
  for (const auto &[Label, P] : *Produces) {
    if (!P.Value)
      return {};
    const auto *Enum = dyn_cast<EnumDecl>(P.Value->getDeclContext());
    if (!Enum || Enum == Label->getDeclContext() || (Into && Enum != Into) ||
        (Cases > 0 && P.Assigned != Assigned))
      return {};
    std::string Name = Names.of(*Label);
    if (Name.empty() || Name != Names.of(*P.Value))
      return {};
    Into = Enum;
    Assigned = P.Assigned;
    ++Cases;
  }
  if (Cases < 2)
    return {};
  auto [First, Next] = runFrom(Switch, Default);
  Produced P = producedBy(First, Next);
  // `default: break;` (or nothing) on the way to the `return` after the switch.
  if (!P.Value && !Assigned && (!First || isa<BreakStmt, NullStmt>(First)))
    if (const auto *Return = dyn_cast_or_null<ReturnStmt>(statementAfter(Switch, Parents)))
      P = {enumeratorIn(Return->getRetValue()), nullptr};
  if (!P.Value || P.Value->getDeclContext() != Into || P.Assigned != Assigned)
    return {};
  std::string Name = Names.of(*P.Value);
  std::vector<const EnumConstantDecl *> Handled;
  for (const EnumConstantDecl *Hidden : Missing)
    if (Names.of(*Hidden) == Name)
      Handled.push_back(Hidden);
  return Handled;
}

} // namespace contractcheck
