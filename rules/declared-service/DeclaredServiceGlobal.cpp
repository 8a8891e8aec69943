#include "rules/declared-service/DeclaredServiceGlobal.h"

#include "rules/declared-service/DeclaredServiceFacts.h"
#include "RuleOptions.h"
#include "rules/declared-service/ServiceContract.h"

namespace contractcheck {

DeclaredServiceGlobalRule::DeclaredServiceGlobalRule(const RuleOptions &Options)
    : Contracts(Options.getGlobs("contracts")) {}

void DeclaredServiceGlobalRule::run(GlobalContext &Context) {
  if (Contracts.empty())
    return;
  const RuleFacts Facts = Context.facts();
  // A contract is configuration the user wrote: what cannot be used as written is a
  // configuration error (exit 2), at its own line.
  for (const ContractProblemFact &Problem : Facts.all<ContractProblemFact>())
    Context.configurationError(Problem.Where, Problem.Message);

  const std::vector<std::string> Files = Context.filesMatching(Contracts);
  if (Files.empty()) {
    std::string Patterns;
    for (const Glob &G : Contracts)
      Patterns += (Patterns.empty() ? "'" : ", '") + G.pattern() + "'";
    Context.configurationError(Context.optionPosition("/contracts"),
                               "'contracts' (" + Patterns + ") names no file under '" +
                                   Context.baseDirectory() + "'");
    return;
  }
  for (const std::string &File : Files) {
    const DataFileText &Text = Context.readDataFile(File);
    if (!Text.Error.empty()) {
      Context.configurationError({File}, Text.Error);
      continue;
    }
    DataError Error;
    std::optional<ServiceContract> Contract = parseServiceContract(File, Text.Text, Error);
    if (!Contract) {
      Context.configurationError({File, Error.Line, Error.Column}, Error.Message);
      continue;
    }
    if (!Facts.withKey<ContractJudgedFact>(File).empty())
      continue;
    // The TU defining the class may be one that was not analysed: neither a configuration error
    // nor a pass.
    if (!Context.factsAreComplete()) {
      Context.inputProblem({File, Contract->ServicePosition.Line, Contract->ServicePosition.Column},
                           "the contract of '" + Contract->Service + "': not judged because " +
                               Context.whyFactsAreIncomplete());
      continue;
    }
    Context.configurationError(
        {File, Contract->ServicePosition.Line, Contract->ServicePosition.Column},
        "no analysed translation unit defines '" + Contract->Service +
            "', so the contract cannot be judged (is the name right, and is "
            "a file that includes its header analysed?)");
  }
}

} // namespace contractcheck
