#include "DataDocument.h"
#include "InputFile.h"
#include "DataDocumentParsers.h"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <sstream>

namespace contractcheck {

std::string DataError::render() const {
  std::string Out;
  if (!File.empty()) {
    Out += File;
    if (Line) {
      Out += ":" + std::to_string(Line);
      if (Column)
        Out += ":" + std::to_string(Column);
    }
    Out += ": ";
  }
  return Out + "error: " + Message;
}

namespace {

std::optional<std::int64_t> parseDigits(std::string_view Digits, int Base, bool Negative) {
  if (Digits.empty())
    return std::nullopt;
  // Parsed unsigned so that INT64_MIN, whose magnitude int64 cannot hold, is in range.
  std::uint64_t Magnitude = 0;
  auto [End, Ec] = std::from_chars(Digits.data(), Digits.data() + Digits.size(), Magnitude, Base);
  if (Ec != std::errc() || End != Digits.data() + Digits.size())
    return std::nullopt;
  constexpr std::uint64_t Max = static_cast<std::uint64_t>(INT64_MAX);
  if (!Negative)
    return Magnitude <= Max ? std::optional<std::int64_t>(static_cast<std::int64_t>(Magnitude))
                            : std::nullopt;
  if (Magnitude > Max + 1)
    return std::nullopt;
  return Magnitude == Max + 1 ? INT64_MIN : -static_cast<std::int64_t>(Magnitude);
}

} // namespace

std::optional<std::int64_t> DataNode::integer() const {
  if (K != Kind::Number)
    return std::nullopt;
  std::string_view T = Text;
  bool Negative = false;
  if (!T.empty() && (T[0] == '-' || T[0] == '+')) {
    Negative = T[0] == '-';
    T.remove_prefix(1);
  }
  if (T.size() > 2 && T[0] == '0' && (T[1] == 'x' || T[1] == 'o'))
    return parseDigits(T.substr(2), T[1] == 'x' ? 16 : 8, Negative);
  for (char C : T)
    if (C < '0' || C > '9')
      return std::nullopt;
  return parseDigits(T, 10, Negative);
}

const DataNode::Entry *DataNode::findEntry(std::string_view Key) const {
  for (const Entry &E : Entries)
    if (E.Key == Key)
      return &E;
  return nullptr;
}

const DataNode *DataNode::find(std::string_view Key) const {
  const Entry *E = findEntry(Key);
  return E ? &E->Value : nullptr;
}

std::string_view DataNode::kindName() const {
  switch (K) {
  case Kind::Null:
    return "null";
  case Kind::String:
    return "a string";
  case Kind::Number:
    return "a number";
  case Kind::Bool:
    return "a boolean";
  case Kind::List:
    return "a list";
  case Kind::Map:
    return "a map";
  }
  return "a value";
}

std::optional<DataDocument> DataDocument::parse(std::string File, std::string_view Text, Format F,
                                                DataError &Error) {
  Error = {};
  // Neither JSON nor YAML allows a NUL byte, and both parsers would take one for the end of the
  // text and silently ignore the rest (found by fuzzing: nlohmann accepted "-4\0#").
  if (size_t Nul = Text.find('\0'); Nul != std::string_view::npos) {
    size_t LineStart = Text.rfind('\n', Nul);
    LineStart = LineStart == std::string_view::npos ? 0 : LineStart + 1;
    Error = {std::move(File),
             static_cast<unsigned>(std::count(Text.begin(), Text.begin() + Nul, '\n') + 1),
             static_cast<unsigned>(Nul - LineStart + 1),
             F == Format::Yaml ? "malformed YAML: a NUL byte" : "malformed JSON: a NUL byte"};
    return std::nullopt;
  }
  std::optional<DataNode> Root =
      F == Format::Yaml ? data_detail::parseYaml(Text, Error)
                        : data_detail::parseJson(Text, Error, /*Jsonc=*/F == Format::Jsonc);
  if (!Root) {
    Error.File = std::move(File);
    return std::nullopt;
  }
  return DataDocument(std::move(File), std::move(*Root));
}

std::optional<DataDocument::Format> DataDocument::formatOf(std::string_view Path) {
  if (Path.ends_with(".json"))
    return Format::Json;
  if (Path.ends_with(".yaml") || Path.ends_with(".yml"))
    return Format::Yaml;
  return std::nullopt;
}

std::optional<DataDocument> DataDocument::load(const std::string &Path, DataError &Error) {
  std::optional<Format> F = formatOf(Path);
  if (!F) {
    Error = {Path, 0, 0, "expected a data file ending in .json, .yaml or .yml"};
    return std::nullopt;
  }
  ReadProblem Problem;
  std::optional<std::string> Text = readInputFile(Path, InputKind::DataFile, Problem);
  if (!Text) {
    Error = {Path, Problem.Line, Problem.Column, Problem.Message};
    return std::nullopt;
  }
  return parse(Path, *Text, *F, Error);
}

DataError DataDocument::errorAt(DataPosition Position, std::string Message) const {
  return {File, Position.Line, Position.Column, std::move(Message)};
}

} // namespace contractcheck
