#include "rules/enum-table/ParameterReads.h"

#include "rules/utils/FunctionRefs.h"
#include "rules/utils/TableReadValues.h"

#include <clang/AST/Decl.h>
#include <clang/AST/DeclCXX.h>
#include <llvm/ADT/STLExtras.h>

using namespace clang;

namespace contractcheck {

std::set<std::string> unreachedSlots(const std::vector<MissingSlot> &Missing,
                                     const std::vector<ReadHook> &Hooks,
                                     const std::vector<std::string> &Unhooked,
                                     const PassedValueIndex &Calls) {
  std::vector<std::optional<std::set<std::string>>> Passed;
  for (const ReadHook &Hook : Hooks)
    Passed.push_back(Calls.passedByEveryCall(Hook.Callees, Hook.Parameter, Hook.Enum));
  std::set<std::string> Unreached;
  for (const MissingSlot &Slot : Missing) {
    if (llvm::is_contained(Unhooked, Slot.Usr))
      continue;
    bool Seen = false, Reached = false;
    for (size_t I = 0; I < Hooks.size() && !Reached; ++I) {
      if (!llvm::is_contained(Hooks[I].Seen, Slot.Usr))
        continue;
      Seen = true;
      Reached = !Passed[I] || Passed[I]->contains(Slot.Usr);
    }
    if (Seen && !Reached)
      Unreached.insert(Slot.Usr);
  }
  return Unreached;
}

std::optional<ReadHook> parameterHookOf(const ParmVarDecl &Param, const SourceManager &SM,
                                        const HeaderSearch *Headers) {
  const auto *Function = dyn_cast<FunctionDecl>(Param.getDeclContext());
  if (!Function || !Function->getBody() || Param.getType()->isReferenceType() ||
      assigns(Function->getBody(), Param))
    return std::nullopt;
  std::optional<std::vector<std::string>> Callees = calleesOf(*Function, SM, Headers);
  if (!Callees)
    return std::nullopt;
  ReadHook Hook;
  Hook.Callees = std::move(*Callees);
  Hook.Parameter = Param.getFunctionScopeIndex();
  return Hook;
}

} // namespace contractcheck
