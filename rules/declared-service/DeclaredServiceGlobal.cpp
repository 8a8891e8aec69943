#include "DeclaredServiceGlobal.h"

#include "DeclaredServiceFacts.h"
#include "GlobFiles.h"
#include "RuleOptions.h"
#include "ServiceContract.h"

namespace contractcheck {

namespace {
constexpr std::string_view RuleId = "contract-declared-service";
} // namespace

DeclaredServiceGlobalRule::DeclaredServiceGlobalRule(const RuleOptions &Options)
    : Contracts(Options.getGlobs("contracts")) {}

void DeclaredServiceGlobalRule::run(GlobalContext &Context) {
  if (Contracts.empty())
    return;
  const FactStore &Facts = Context.facts();
  for (const ContractProblemFact &Problem : Facts.all<ContractProblemFact>(RuleId))
    Context.inputProblem(Problem.Where, Problem.Message);

  const std::vector<std::string> Files = filesMatching(Contracts, Context.baseDirectory());
  if (Files.empty()) {
    std::string Patterns;
    for (const Glob &G : Contracts)
      Patterns += (Patterns.empty() ? "'" : ", '") + G.pattern() + "'";
    Context.inputProblem({Context.baseDirectory()},
                         "the contracts " + Patterns + " name no file under this directory");
    return;
  }
  for (const std::string &File : Files) {
    const DataFileText &Text = Context.readDataFile(File);
    if (!Text.Error.empty()) {
      Context.inputProblem({File}, Text.Error);
      continue;
    }
    DataError Error;
    std::optional<ServiceContract> Contract = parseServiceContract(File, Text.Text, Error);
    if (!Contract) {
      Context.inputProblem({File, Error.Line, Error.Column}, Error.Message);
      continue;
    }
    // On a file subset without stored facts, the TU defining the class may not have run.
    if (!Context.factsAreComplete() ||
        !Facts.withKey<ContractJudgedFact>(RuleId, File).empty())
      continue;
    Context.inputProblem({File, Contract->ServicePosition.Line, Contract->ServicePosition.Column},
                         "no analysed translation unit defines '" + Contract->Service +
                             "', so the contract cannot be judged (is the name right, and is "
                             "a file that includes its header analysed?)");
  }
}

} // namespace contractcheck
