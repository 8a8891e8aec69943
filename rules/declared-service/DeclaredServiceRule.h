// contract-declared-service: a YAML contract declares the methods a service class must offer to
// consumers the compiler does not see (plugins, other repositories, bindings); in a TU that
// defines the class, each declaration is parsed by Clang in the class's scope and compared with
// what the class offers. See docs/rules/contract-declared-service.md.
#pragma once

#include "Glob.h"
#include "Rule.h"
#include "rules/declared-service/ServiceContract.h"

#include <string>
#include <vector>

namespace clang {
class CXXRecordDecl;
}

namespace contractcheck {

struct ProbeResult;
struct ContractVerdicts;
struct ProbedContract;
struct ProbeSnippet;

class DeclaredServiceRule : public Rule {
public:
  explicit DeclaredServiceRule(RuleContext &Context);

  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void registerPPCallbacks(const clang::SourceManager &SM, clang::Preprocessor *PP,
                           clang::Preprocessor *ModuleExpanderPP) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  // Judges what check() found: the probe's declarations may join the TU's AST
  // (TranslationUnitProbe.h), so only once every rule has walked it.
  void onEndOfTranslationUnit() override;
  // Compares non-template classes with their contracts.
  bool needsInstantiations(const SkippedInstantiations &) const override { return false; }

private:
  // A contract this TU can judge: its class is defined here.
  struct Judged {
    ServiceContract Contract;
    clang::FileID File; // the contract file, as this TU's SourceManager knows it
    const clang::CXXRecordDecl *Service;
  };

  std::optional<Judged> readContract(const std::string &Path, clang::ASTContext &Ctx);
  void judge(std::vector<Judged> &Contracts, clang::SourceManager &SM);
  void report(const Judged &Contract, const ContractVerdicts &Verdicts, const ProbeResult &Probe,
              const std::vector<std::pair<unsigned, unsigned>> &Lines, clang::SourceManager &SM);
  // A contract that cannot be judged as written: an input problem, said once per run by the
  // global step where there is one, here otherwise.
  void problem(clang::SourceLocation Loc, clang::SourceManager &SM, const std::string &Message);

  // Reports what a probe answered; false when its snippet's context did not parse and Retry
  // allows parsing it again within the main file.
  bool reportProbe(const std::vector<const Judged *> &Sources,
                   const std::vector<ProbedContract> &Probed, const ProbeSnippet &Snippet,
                   const ProbeResult &Probe, const std::vector<ContractVerdicts> &Verdicts,
                   const std::string &MainFile, bool Retry, clang::SourceManager &SM);

  const std::vector<Glob> Contracts;
  const bool Strict;
  const std::string BaseDirectory;
  clang::Preprocessor *PP = nullptr;
  std::vector<Judged> Found; // by check(), for onEndOfTranslationUnit()
  clang::SourceManager *FoundIn = nullptr;
};

} // namespace contractcheck
