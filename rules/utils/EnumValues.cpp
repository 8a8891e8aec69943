#include "EnumValues.h"

#include "Sentinels.h"

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
  const EnumConstantDecl *Last = nullptr;
  for (const EnumConstantDecl *Enumerator : Enum.enumerators())
    Last = Enumerator;
  std::vector<HeldValue> Held;
  for (const ValueGroup &Group : groupByValue(Enum)) {
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
