#include "rules/utils/BoundEnumLookup.h"

#include "GlobalRule.h"

namespace contractcheck {

std::optional<EnumDefinitionFact> definitionForBinding(GlobalContext &Context,
                                                       const std::string &Enum,
                                                       const SourcePosition &Setting,
                                                       const std::string &Binding) {
  std::vector<EnumDefinitionFact> Definitions =
      Context.facts().withKey<EnumDefinitionFact>(Enum);
  if (Definitions.empty()) {
    std::string Message = Binding + ": no analysed translation unit defines enum '" + Enum + "'";
    // With part of the codebase, the enum may be defined in what was not analysed.
    if (Context.factsAreComplete())
      Context.configurationError(Setting, std::move(Message));
    else
      Context.inputProblem(Setting, Binding + ": not judged because " +
                                        Context.whyFactsAreIncomplete());
    return std::nullopt;
  }
  const EnumDefinitionFact &First = Definitions.front();
  for (const EnumDefinitionFact &Other : Definitions)
    if (Other.Usr != First.Usr) {
      Context.inputProblem(First.Where, Binding + ": enum '" + Enum +
                                            "' has different definitions in different "
                                            "translation units");
      return std::nullopt;
    }
  return First;
}

} // namespace contractcheck
