#include "DataFileBindings.h"

#include "DataDocument.h"
#include "DataKeyPath.h"
#include "EnumDefinitionFact.h"
#include "GlobalRule.h"
#include "utils/DataEnumValues.h"

#include <nlohmann/json.hpp>

namespace contractcheck {

namespace {

constexpr std::string_view RuleId = "contract-enum-name";

std::string inQuotes(std::string_view S) { return "'" + std::string(S) + "'"; }

// A data file parsed once per run, whichever rule asks; a malformed one is an input problem.
std::shared_ptr<const DataDocument> parsedDocument(GlobalContext &Context,
                                                   const std::string &Path) {
  return Context.parsed<DataDocument>(Path, [](const DataFileText &File) {
    if (!File.Error.empty())
      throw InputProblem{{File.Path, 0, 0, 0}, File.Error};
    std::optional<DataDocument::Format> Format = DataDocument::formatOf(File.Path);
    if (!Format)
      throw InputProblem{{File.Path, 0, 0, 0}, "expected a .json, .yaml or .yml file"};
    DataError Error;
    std::optional<DataDocument> Doc = DataDocument::parse(File.Path, File.Text, *Format, Error);
    if (!Doc)
      throw InputProblem{{File.Path, Error.Line, Error.Column, 0}, Error.Message};
    return std::move(*Doc);
  });
}

void judge(GlobalContext &Context, const DataFileBinding &B, size_t Index) {
  auto Setting = [&](std::string_view Key) {
    return Context.optionPosition("/data/" + std::to_string(Index) + "/" + std::string(Key));
  };
  std::string Binding = "data binding of " + inQuotes(B.Key) + " to enum " + inQuotes(B.Enum);
  std::string PathError;
  std::optional<DataKeyPath> Path = DataKeyPath::parse(B.Key, PathError);
  if (!Path) {
    Context.configurationError(Setting("key"), Binding + ": " + PathError);
    return;
  }
  std::optional<NameSpelling> Spelling = parseSpelling(B.Names);
  if (!Spelling) {
    Context.configurationError(Setting("names"), Binding + ": " + badSpellingMessage(B.Names));
    return;
  }
  std::vector<Glob> Globs;
  for (const std::string &Pattern : B.Files) {
    std::string Error;
    if (std::optional<Glob> G = Glob::parse(Pattern, Glob::Kind::Path, &Error))
      Globs.push_back(std::move(*G));
    else {
      Context.configurationError(Setting("files"), Binding + ": " + Error);
      return;
    }
  }

  std::vector<EnumDefinitionFact> Definitions =
      Context.facts().withKey<EnumDefinitionFact>(RuleId, B.Enum);
  if (Definitions.empty()) {
    std::string Message =
        Binding + ": no analysed translation unit defines enum " + inQuotes(B.Enum);
    if (Context.factsAreComplete())
      Context.configurationError(Setting("enum"), std::move(Message));
    else
      Context.inputProblem(Setting("enum"),
                           Message + " (only part of the codebase was analysed and the result "
                                     "store holds no facts for the rest; run on the whole "
                                     "codebase once)");
    return;
  }
  const EnumDefinitionFact &Enum = Definitions.front();
  std::vector<std::string> Enumerators;
  for (const EnumDefinitionFact::Enumerator &E : Enum.Enumerators)
    Enumerators.push_back(E.Name);

  std::vector<std::string> Files = Context.filesMatching(Globs);
  if (Files.empty()) {
    Context.configurationError(Setting("files"),
                               Binding + ": no file under " + inQuotes(Context.baseDirectory()) +
                                   " matches the 'files' globs");
    return;
  }
  for (const std::string &File : Files) {
    std::shared_ptr<const DataDocument> Doc;
    try {
      Doc = parsedDocument(Context, File);
    } catch (const InputProblem &Problem) {
      Context.inputProblem(Problem.Where, Problem.Message + " (" + Binding + ")");
      continue;
    }
    for (const BadEnumValue &Bad : findBadEnumValues(*Doc, *Path, Enumerators, *Spelling)) {
      Finding F;
      F.Position = {File, Bad.Position.Line, Bad.Position.Column, 0};
      if (Bad.NotAString)
        F.Message = inQuotes(B.Key) + " must name an enumerator of " + inQuotes(Enum.Name) +
                    " in " + std::string(spellingName(*Spelling)) + ", not " + Bad.Text;
      else
        F.Message = inQuotes(Bad.Text) + " at " + inQuotes(B.Key) +
                    " does not name an enumerator of " + inQuotes(Enum.Name) + " in " +
                    std::string(spellingName(*Spelling)) +
                    (Bad.Closest ? " (did you mean " + inQuotes(*Bad.Closest) + "?)"
                                 : std::string());
      F.Notes.push_back({Enum.Where, "enum " + inQuotes(Enum.Name) + " is defined here"});
      Context.report(std::move(F));
    }
  }
}

} // namespace

void from_json(const nlohmann::json &J, DataFileBinding &B) {
  J.at("files").get_to(B.Files);
  J.at("key").get_to(B.Key);
  J.at("enum").get_to(B.Enum);
  if (J.contains("names"))
    J.at("names").get_to(B.Names);
}

void judgeDataFiles(GlobalContext &Context, const std::vector<DataFileBinding> &Bindings) {
  for (size_t I = 0; I < Bindings.size(); ++I)
    judge(Context, Bindings[I], I);
}

} // namespace contractcheck
