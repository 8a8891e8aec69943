#include "rules/enum-name/EnumNameMap.h"

#include "rules/utils/FirstNode.h"
#include "rules/utils/StringParsers.h"
#include "rules/utils/EnumNames.h"
#include "rules/utils/NameSpelling.h"
#include "SourcePositions.h"

#include <clang/AST/Decl.h>
#include <clang/AST/Expr.h>
#include <clang/AST/Stmt.h>
#include <clang/Basic/SourceManager.h>
#include <llvm/ADT/STLExtras.h>
#include <llvm/ADT/StringRef.h>

#include <map>
#include <set>

using namespace clang;

namespace contractcheck {

namespace {

// The first enumerator of Enum a statement returns (`return E::X;`, `return std::optional(E::X)`),
// or that an expression names.
const EnumConstantDecl *enumeratorIn(const Stmt *S, const EnumDecl &Enum) {
  if (!S)
    return nullptr;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
    if (const auto *Constant = dyn_cast<EnumConstantDecl>(Ref->getDecl()))
      if (cast<EnumDecl>(Constant->getDeclContext())->getCanonicalDecl() ==
          Enum.getCanonicalDecl())
        return Constant;
  for (const Stmt *Child : S->children())
    if (const EnumConstantDecl *Found = enumeratorIn(Child, Enum))
      return Found;
  return nullptr;
}

void literalsIn(const Stmt *S, std::vector<const StringLiteral *> &Out) {
  if (!S)
    return;
  if (const auto *Literal = dyn_cast<StringLiteral>(S))
    Out.push_back(Literal);
  for (const Stmt *Child : S->children())
    literalsIn(Child, Out);
}

// Which enumerator each accepted name parses to, where the body says so: `if (s == "x") return
// E::X;`, `case hash("x"): return E::X;`, a {"x", E::X} entry of a table the body reads.
class NamePairs {
public:
  explicit NamePairs(const AcceptedNames &Names) : Names(Names) {}

  void read(const Stmt *S) {
    if (!S)
      return;
    if (const auto *If = dyn_cast<IfStmt>(S))
      pair(If->getCond(), firstNode<ReturnStmt>(If->getThen()));
    else if (const auto *Case = dyn_cast<CaseStmt>(S))
      pair(Case->getLHS(), firstNode<ReturnStmt>(Case->getSubStmt()));
    else if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
      if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()); Var && Tables.insert(Var).second)
        readEntries(Var->getAnyInitializer());
    for (const Stmt *Child : S->children())
      read(Child);
  }

  std::map<std::string, const EnumConstantDecl *> Pairs;

private:
  void pair(const Stmt *Names, const Stmt *Value) {
    const EnumConstantDecl *Enumerator = Value ? enumeratorIn(Value, *this->Names.Enum) : nullptr;
    if (!Enumerator)
      return;
    std::vector<const StringLiteral *> Literals;
    literalsIn(Names, Literals);
    for (const StringLiteral *Literal : Literals)
      if (llvm::is_contained(this->Names.Names, Literal->getString().str()))
        Pairs.try_emplace(Literal->getString().str(), Enumerator);
  }

  // Entries of two parts, a name and an enumerator, in either order.
  void readEntries(const Stmt *S) {
    if (!S)
      return;
    std::vector<const StringLiteral *> Literals;
    literalsIn(S, Literals);
    if (Literals.size() == 1 && !isa<StringLiteral>(S)) {
      if (const EnumConstantDecl *E = enumeratorIn(S, *Names.Enum);
          E && llvm::is_contained(Names.Names, Literals.front()->getString().str())) {
        Pairs.try_emplace(Literals.front()->getString().str(), E);
        return;
      }
    }
    for (const Stmt *Child : S->children())
      readEntries(Child);
  }

  const AcceptedNames &Names;
  std::set<const VarDecl *> Tables;
};

// A name no shape pairs: the enumerator it spells in one of the `names` spellings.
const std::string *nameSpelling(const EnumConstantDecl &E, const AcceptedNames &Names) {
  for (const std::string &Name : Names.Names)
    for (const OptionChoice<NameSpelling> &Spelling : SpellingChoiceList) {
      std::string Spelled = spellEnumerator(E.getName(), Spelling.Value);
      if (Names.CaseInsensitive ? llvm::StringRef(Spelled).equals_insensitive(Name)
                                : Spelled == Name)
        return &Name;
    }
  return nullptr;
}

} // namespace

std::map<std::string, const EnumConstantDecl *> parsedEnumerators(const FunctionDecl &Parser,
                                                                  const AcceptedNames &Names) {
  NamePairs Paired(Names);
  Paired.read(Parser.getBody());
  return std::move(Paired.Pairs);
}

EnumConsumer parserColumn(const FunctionDecl &Parser, const AcceptedNames &Names,
                          const std::string &Label, const SourceManager &SM) {
  EnumConsumer Column;
  Column.Enum = enumQualifiedName(*Names.Enum);
  Column.EnumAt = positionOf(SM.getExpansionLoc(Names.Enum->getLocation()), SM);
  Column.Consumer = "string-to-enum";
  Column.Label = Label;
  Column.At = positionOf(SM.getExpansionLoc(Parser.getLocation()), SM);
  NamePairs Paired(Names);
  Paired.read(Parser.getBody());
  for (const EnumConstantDecl *E : Names.Enum->enumerators()) {
    Column.Enumerators.push_back(E->getNameAsString());
    std::string Parsed;
    for (const auto &[Name, Enumerator] : Paired.Pairs)
      if (llvm::APSInt::isSameValue(Enumerator->getInitVal(), E->getInitVal()))
        Parsed += (Parsed.empty() ? "\"" : ", \"") + Name + "\"";
    if (const std::string *Name = Parsed.empty() ? nameSpelling(*E, Names) : nullptr;
        Name && !Paired.Pairs.count(*Name))
      Parsed = "\"" + *Name + "\"";
    if (!Parsed.empty())
      Column.Cells.push_back({E->getNameAsString(), "handled", Parsed, {}});
    else
      Column.Cells.push_back({E->getNameAsString(), "missing", "no name parses to it", {}});
  }
  return Column;
}

} // namespace contractcheck
