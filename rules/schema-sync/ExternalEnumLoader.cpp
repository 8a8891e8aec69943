#include "rules/schema-sync/ExternalEnumLoader.h"
#include "InputFile.h"
#include "JsonPointer.h"
#include "rules/schema-sync/ProtoEnumParser.h"
#include "rules/schema-sync/PythonEnumParser.h"
#include "rules/schema-sync/SchemaEnumExtraction.h"

#include <fstream>
#include <sstream>

namespace contractcheck {
namespace {

bool endsWith(std::string_view S, std::string_view Suffix) {
  return S.size() >= Suffix.size() && S.substr(S.size() - Suffix.size()) == Suffix;
}

std::optional<std::string> readFile(const std::string &Path, ExternalEnumError &Error) {
  ReadProblem Problem;
  std::optional<std::string> Text = readInputFile(Path, InputKind::DataFile, Problem);
  if (!Text)
    Error = {false, {Path, Problem.Line, Problem.Column, Problem.Message}};
  return Text;
}

std::optional<ExternalEnumSource> fromData(const std::string &Path, std::string_view Text,
                                           DataDocument::Format Format, std::string_view At,
                                           ExternalEnumError &Error) {
  DataError E;
  std::optional<DataDocument> Doc = DataDocument::parse(Path, Text, Format, E);
  if (!Doc) {
    Error = {true, E};
    return std::nullopt;
  }
  const DataNode *Node = resolveJsonPointer(*Doc, At, E);
  std::optional<std::vector<ExternalMember>> Members;
  if (Node)
    Members = extractSchemaMembers(*Doc, *Node, E);
  if (!Members) {
    Error = {false, E};
    return std::nullopt;
  }
  ExternalEnumSource S;
  S.File = Path;
  S.Enum = {std::string(At), Node->position().Line, Node->position().Column, std::move(*Members)};
  return S;
}

} // namespace

bool isExternalEnumFile(std::string_view Path) {
  return DataDocument::formatOf(Path) || endsWith(Path, ".proto") || endsWith(Path, ".py");
}

std::optional<ExternalEnumSource> loadExternalEnum(const std::string &Path, std::string_view At,
                                                   ExternalEnumError &Error) {
  Error = {};
  if (!isExternalEnumFile(Path)) {
    Error = {false, {Path, 0, 0, "expected a .json, .yaml, .yml, .proto or .py file"}};
    return std::nullopt;
  }
  std::optional<std::string> Text = readFile(Path, Error);
  if (!Text)
    return std::nullopt;
  return loadExternalEnumFromText(Path, *Text, At, Error);
}

std::optional<ExternalEnumSource> loadExternalEnumFromText(const std::string &Path,
                                                           std::string_view Text,
                                                           std::string_view At,
                                                           ExternalEnumError &Error) {
  Error = {};
  if (std::optional<DataDocument::Format> Format = DataDocument::formatOf(Path))
    return fromData(Path, Text, *Format, At, Error);
  bool Proto = endsWith(Path, ".proto");
  if (!Proto && !endsWith(Path, ".py")) {
    Error = {false, {Path, 0, 0, "expected a .json, .yaml, .yml, .proto or .py file"}};
    return std::nullopt;
  }
  DataError E;
  std::string Message;
  ExternalEnumSource S;
  S.File = Path;
  if (Proto) {
    std::optional<ProtoFile> File = parseProtoFile(Text, E);
    if (!File) {
      E.File = Path;
      Error = {true, E};
      return std::nullopt;
    }
    const ProtoEnum *Enum = findProtoEnum(*File, At, Message);
    if (!Enum) {
      Error = {false, {Path, 0, 0, Message}};
      return std::nullopt;
    }
    S.Enum = *Enum;
    S.ReservedNames = Enum->ReservedNames;
    return S;
  }
  std::optional<std::vector<PythonEnum>> Enums = parsePythonEnums(Text, E);
  if (!Enums) {
    E.File = Path;
    Error = {true, E};
    return std::nullopt;
  }
  const PythonEnum *Enum = findPythonEnum(*Enums, At, Message);
  if (!Enum) {
    Error = {false, {Path, 0, 0, Message}};
    return std::nullopt;
  }
  S.Enum = *Enum;
  S.StringValues = Enum->hasStringValues();
  return S;
}

} // namespace contractcheck
