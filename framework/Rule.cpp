#include "Rule.h"

#include <clang/AST/DeclTemplate.h>

namespace contractcheck {

llvm::SmallVector<llvm::ArrayRef<clang::TemplateArgument>, 4>
templateArgumentsGiven(const clang::FunctionDecl &F) {
  llvm::SmallVector<llvm::ArrayRef<clang::TemplateArgument>, 4> Lists;
  if (const clang::TemplateArgumentList *Args = F.getTemplateSpecializationArgs())
    Lists.push_back(Args->asArray());
  for (const clang::DeclContext *DC = F.getDeclContext(); DC; DC = DC->getParent()) {
    if (const auto *Spec = llvm::dyn_cast<clang::ClassTemplateSpecializationDecl>(DC))
      Lists.push_back(Spec->getTemplateArgs().asArray());
    else if (const auto *Function = llvm::dyn_cast<clang::FunctionDecl>(DC))
      if (const clang::TemplateArgumentList *Args = Function->getTemplateSpecializationArgs())
        Lists.push_back(Args->asArray());
  }
  return Lists;
}

llvm::StringRef Rule::getID() const {
  std::string_view Id = Context.rule().Id;
  return {Id.data(), Id.size()};
}

} // namespace contractcheck
