#include "rules/utils/EnumNames.h"

#include <clang/AST/Decl.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/DeclTemplate.h>
#include <clang/AST/PrettyPrinter.h>
#include <llvm/Support/raw_ostream.h>

#include <vector>

using namespace clang;

namespace contractcheck {

// The enclosing scopes a user spells: named namespaces and classes, outermost first. A
// function-local enum is spelled from its function's scope, so the walk stops there.
static std::string scopePrefix(const DeclContext *Context) {
  std::vector<std::string> Parts;
  for (; Context && !Context->isTranslationUnit(); Context = Context->getParent()) {
    if (Context->isFunctionOrMethod())
      break;
    if (const auto *NS = dyn_cast<NamespaceDecl>(Context)) {
      if (NS->isAnonymousNamespace() || NS->isInline())
        continue;
      Parts.push_back(NS->getNameAsString());
    } else if (const auto *Record = dyn_cast<RecordDecl>(Context)) {
      if (Record->getIdentifier() == nullptr)
        break; // members of an anonymous struct cannot be named from outside it
      std::string Name;
      llvm::raw_string_ostream OS(Name);
      PrintingPolicy Policy(Record->getASTContext().getLangOpts());
      Policy.SuppressScope = true;
      Record->getNameForDiagnostic(OS, Policy, /*Qualified=*/false);
      Parts.push_back(OS.str());
    }
  }
  std::string Prefix;
  for (auto It = Parts.rbegin(); It != Parts.rend(); ++It)
    Prefix += *It + "::";
  return Prefix;
}

std::string enumQualifiedName(const EnumDecl &Enum) {
  if (!Enum.getIdentifier()) {
    // C headers name their enums by typedef (`typedef enum { ... } fmt_type;`): that name is the
    // one the code, clang's own diagnostics and a binding spell.
    if (const TypedefNameDecl *Typedef = Enum.getTypedefNameForAnonDecl())
      return scopePrefix(Enum.getDeclContext()) + Typedef->getNameAsString();
    return scopePrefix(Enum.getDeclContext()) + "(unnamed enum)";
  }
  return scopePrefix(Enum.getDeclContext()) + Enum.getNameAsString();
}

std::string enumeratorSpelling(const EnumConstantDecl &Enumerator, const LangOptions &LangOpts) {
  if (!LangOpts.CPlusPlus)
    return Enumerator.getNameAsString();
  const auto *Enum = cast<EnumDecl>(Enumerator.getDeclContext());
  std::string Spelling = scopePrefix(Enum->getDeclContext());
  // Unscoped enumerators may be qualified by their enum since C++11; it says which enum is meant.
  if (Enum->getIdentifier() && (Enum->isScoped() || LangOpts.CPlusPlus11))
    Spelling += Enum->getNameAsString() + "::";
  return Spelling + Enumerator.getNameAsString();
}

} // namespace contractcheck
