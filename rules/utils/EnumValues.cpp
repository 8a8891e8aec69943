#include "rules/utils/EnumValues.h"

#include "rules/utils/Sentinels.h"

#include <clang/AST/Decl.h>

#include <algorithm>

using namespace clang;

namespace contractcheck {

std::vector<ValueGroup> groupByValue(const EnumDecl &Enum) {
  std::vector<ValueGroup> Groups;
  for (const EnumConstantDecl *Enumerator : Enum.enumerators()) {
    auto It = std::find_if(Groups.begin(), Groups.end(), [&](const ValueGroup &G) {
      return llvm::APSInt::isSameValue(G.Value, Enumerator->getInitVal());
    });
    if (It == Groups.end())
      Groups.push_back({Enumerator->getInitVal(), {Enumerator}});
    else
      It->Members.push_back(Enumerator);
  }
  return Groups;
}

std::vector<HeldValue> heldValues(const EnumDecl &Enum, const SentinelPolicy &Sentinels) {
  std::vector<ValueGroup> Groups = groupByValue(Enum);
  // The last enumerator with a value of its own: `NUM_ADJ, START_X = A, END_X = B` ends in
  // NUM_ADJ, the range aliases after it name earlier members (stella's GlobalKeyHandler). Groups
  // come in the order their first member is declared, so it is the last group's first member.
  const EnumConstantDecl *Last = Groups.empty() ? nullptr : Groups.back().Members.front();
  std::vector<HeldValue> Held;
  for (const ValueGroup &Group : Groups) {
    auto IsSentinel = [&](const EnumConstantDecl *E) {
      return Sentinels.isSentinel(*E, E == Last, Group.Members.size() > 1);
    };
    auto Named = std::find_if_not(Group.Members.begin(), Group.Members.end(), IsSentinel);
    if (Named != Group.Members.end())
      Held.push_back({Group.Value, *Named});
  }
  return Held;
}

} // namespace contractcheck
