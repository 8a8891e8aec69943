#include "rules/enum-table/ParameterReads.h"

#include "rules/utils/FunctionRefs.h"
#include "rules/utils/TableReadValues.h"
#include "rules/utils/Usr.h"
#include "LibraryHeaders.h"

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
  if (!Function || !Function->getBody() || Function->isDependentContext() ||
      Function->isTemplateInstantiation() || Param.getType()->isReferenceType() ||
      assigns(Function->getBody(), Param))
    return std::nullopt;
  const auto *Method = dyn_cast<CXXMethodDecl>(Function);
  if (Method && Method->getParent()->isLambda())
    return std::nullopt;
  std::vector<const FunctionDecl *> Callees = functionAndOverridden(*Function);
  ReadHook Hook;
  Hook.Parameter = Param.getFunctionScopeIndex();
  for (const FunctionDecl *Callee : Callees) {
    std::string Usr = usrOf(*Callee);
    if (Usr.empty() || inALibrarysHeader(Callee->getLocation(), SM, Headers))
      return std::nullopt;
    Hook.Callees.push_back(std::move(Usr));
  }
  return Hook;
}

} // namespace contractcheck
