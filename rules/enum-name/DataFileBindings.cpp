#include "rules/enum-name/DataFileBindings.h"

#include "DataDocument.h"
#include "DataKeyPath.h"
#include "rules/utils/EnumDefinitionFact.h"
#include "rules/utils/BoundEnumLookup.h"
#include "ContractMap.h"
#include "GlobalRule.h"
#include "rules/utils/DataEnumValues.h"

#include <llvm/ADT/StringExtras.h>
#include <nlohmann/json.hpp>

#include <algorithm>

namespace contractcheck {

namespace {

std::string inQuotes(std::string_view S) { return "'" + std::string(S) + "'"; }

// A data file parsed as F: one parse per file and format, whichever binding asks (two bindings
// may read one file as different formats).
template <DataDocument::Format F> struct ParsedAs {
  DataDocument Doc;
};

template <DataDocument::Format F>
std::shared_ptr<const DataDocument> parsedAs(GlobalContext &Context, const std::string &Path) {
  auto Parsed = Context.parsed<ParsedAs<F>>(Path, [](const DataFileText &File) {
    if (!File.Error.empty())
      throw InputProblem{{File.Path, 0, 0, 0}, File.Error};
    DataError Error;
    std::optional<DataDocument> Doc = DataDocument::parse(File.Path, File.Text, F, Error);
    if (!Doc)
      throw InputProblem{{File.Path, Error.Line, Error.Column, 0}, Error.Message};
    return ParsedAs<F>{std::move(*Doc)};
  });
  return {Parsed, &Parsed->Doc};
}

// A data file parsed once per run, in the binding's format or, without one, its extension's; a
// malformed one is an input problem.
std::shared_ptr<const DataDocument> parsedDocument(GlobalContext &Context, const std::string &Path,
                                                   std::optional<DataDocument::Format> Format) {
  if (!Format)
    Format = DataDocument::formatOf(Path);
  if (!Format)
    throw InputProblem{{Path, 0, 0, 0},
                       "expected a .json, .yaml or .yml file, or the binding's 'format' (json, "
                       "yaml or jsonc) to say how to read it"};
  switch (*Format) {
  case DataDocument::Format::Json:
    return parsedAs<DataDocument::Format::Json>(Context, Path);
  case DataDocument::Format::Yaml:
    return parsedAs<DataDocument::Format::Yaml>(Context, Path);
  case DataDocument::Format::Jsonc:
    return parsedAs<DataDocument::Format::Jsonc>(Context, Path);
  }
  return nullptr;
}

// The binding as a column of the enum's map: how many values name each enumerator, and the
// values that name none, which the rule reported.
struct BindingColumn {
  EnumConsumer Column;
  std::vector<std::string> Spelled; // by enumerator
  std::vector<size_t> Uses;         // by enumerator

  void count(const DataDocument &Doc, const DataKeyPath &Path) {
    for (const DataNode *Value : Path.match(Doc.root())) {
      if (Column.At.File.empty())
        Column.At = {Doc.file(), Value->position().Line, Value->position().Column, 0};
      auto It = std::find(Spelled.begin(), Spelled.end(), Value->text());
      if (Value->kind() == DataNode::Kind::String && It != Spelled.end())
        ++Uses[It - Spelled.begin()];
    }
  }
  void finish(GlobalContext &Context) {
    for (size_t I = 0; I < Column.Enumerators.size(); ++I)
      Column.Cells.insert(Column.Cells.begin() + I,
                          Uses[I] ? MapCell{Column.Enumerators[I], "handled",
                                            std::to_string(Uses[I]) +
                                                (Uses[I] == 1 ? " value" : " values"),
                                            {}}
                                  : MapCell{Column.Enumerators[I], "missing",
                                            "no value names it", {}});
    Context.map(std::move(Column));
  }
};

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

  std::optional<EnumDefinitionFact> Defined =
      definitionForBinding(Context, B.Enum, Setting("enum"), Binding);
  if (!Defined)
    return;
  const EnumDefinitionFact &Enum = *Defined;
  // The enumerators as the files name them: without the prefix the binding strips ("RT_" of
  // RT_Iteration, written "iteration"), kept whole where it is all of the name.
  std::vector<std::string> Enumerators, Named;
  Enumerators.reserve(Enum.Enumerators.size());
  for (const EnumDefinitionFact::Enumerator &E : Enum.Enumerators) {
    Enumerators.push_back(E.Name);
    Named.emplace_back(withoutPrefix(E.Name, B.StripEnumeratorPrefix));
  }

  std::vector<std::string> Files = Context.filesMatching(Globs);
  if (Files.empty()) {
    Context.configurationError(Setting("files"),
                               Binding + ": no file under " + inQuotes(Context.baseDirectory()) +
                                   " matches the 'files' globs");
    return;
  }
  BindingColumn Map;
  Map.Column.Enum = Enum.Name;
  Map.Column.EnumAt = Enum.Where;
  Map.Column.Consumer = "data-file";
  Map.Column.Label = B.Key + " in " + llvm::join(B.Files, ", ");
  Map.Column.Enumerators = Enumerators;
  Map.Uses.assign(Enumerators.size(), 0);
  for (const std::string &E : Named)
    Map.Spelled.push_back(spellEnumerator(E, B.Names));
  size_t Reached = 0, Parsed = 0;
  for (const std::string &File : Files) {
    std::shared_ptr<const DataDocument> Doc;
    try {
      Doc = parsedDocument(Context, File, B.Format);
    } catch (const InputProblem &Problem) {
      Context.inputProblem(Problem.Where, Problem.Message + " (" + Binding + ")");
      continue;
    }
    ++Parsed;
    Reached += Path->match(Doc->root()).size();
    Map.count(*Doc, *Path);
    std::string Spelled = B.Names == NameSpelling::Exact
                              ? std::string()
                              : " in " + std::string(spellingName(B.Names));
    for (const BadEnumValue &Bad : findBadEnumValues(*Doc, *Path, Named, B.Names)) {
      Finding F;
      F.Position = {File, Bad.Position.Line, Bad.Position.Column, 0};
      if (Bad.NotAString)
        F.Message = inQuotes(B.Key) + " must name an enumerator of " + inQuotes(Enum.Name) +
                    Spelled + ", not " + Bad.Text;
      else
        F.Message = inQuotes(Bad.Text) + " at " + inQuotes(B.Key) +
                    " does not name an enumerator of " + inQuotes(Enum.Name) + Spelled +
                    (Bad.Closest ? " (did you mean " + inQuotes(*Bad.Closest) + "?)"
                                 : std::string());
      F.Notes.push_back({Enum.Where, "enum " + inQuotes(Enum.Name) + " is defined here"});
      llvm::StringRef Shown(File);
      Shown.consume_front(Context.baseDirectory() + "/");
      Map.Column.Cells.push_back({Bad.Text, "missing", "in " + Shown.str() + " only", F.Position});
      Context.report(std::move(F));
    }
  }
  Map.finish(Context);
  // A file need not hold the key, but a key no file holds checks nothing: most likely a typo.
  if (Parsed == Files.size() && Reached == 0)
    Context.configurationError(Setting("key"),
                               Binding + ": the key path reaches no value in any of the " +
                                   std::to_string(Files.size()) +
                                   (Files.size() == 1 ? " file" : " files") +
                                   " 'files' matches");
}

} // namespace

void from_json(const nlohmann::json &J, DataFileBinding &B) {
  J.at("files").get_to(B.Files);
  J.at("key").get_to(B.Key);
  J.at("enum").get_to(B.Enum);
  B.Names = SpellingChoices.value(J, "names", B.Names);
  if (J.contains("strip-enumerator-prefix"))
    J.at("strip-enumerator-prefix").get_to(B.StripEnumeratorPrefix);
  if (J.contains("format"))
    B.Format = DataFormatChoices.value(J.at("format").get<std::string>());
}

void judgeDataFiles(GlobalContext &Context, const std::vector<DataFileBinding> &Bindings) {
  for (size_t I = 0; I < Bindings.size(); ++I)
    judge(Context, Bindings[I], I);
}

} // namespace contractcheck
