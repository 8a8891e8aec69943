// Registers every per-TU rule with clang-tidy under its own id (contract-<name>).
#include "RuleCheck.h"
#include "rules/RuleRegistry.h"

#include <clang-tidy/ClangTidyModule.h>
#include <clang-tidy/ClangTidyModuleRegistry.h>

namespace contractcheck {

namespace {

class ContractCheckModule : public clang::tidy::ClangTidyModule {
public:
  void addCheckFactories(clang::tidy::ClangTidyCheckFactories &Factories) override {
    // The rules of one TU share its analyses (how it uses each enumerator), as in the CLI.
    auto Shared = std::make_shared<TidyAnalyses>();
    for (const RuleInfo *Info : allRules()) {
      if (Info->Scope != RuleScope::TranslationUnit)
        continue;
      Factories.registerCheckFactory(
          llvm::StringRef(Info->Id.data(), Info->Id.size()),
          [Info, Shared](llvm::StringRef Name, clang::tidy::ClangTidyContext *Context) {
            return std::make_unique<RuleCheck>(*Info, Name, Context, Shared);
          });
    }
  }
};

} // namespace

} // namespace contractcheck

static clang::tidy::ClangTidyModuleRegistry::Add<contractcheck::ContractCheckModule>
    Registration("contractcheck-module", "contractcheck: contract and schema drift rules");
