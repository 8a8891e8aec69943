#include "OptionParser.h"

#include "DidYouMean.h"
#include "Glob.h"
#include "JsonText.h"

#include "YamlDocuments.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <map>
#include <mutex>
#include <optional>
#include <string_view>
#include <tuple>
#include <vector>

namespace contractcheck {

namespace {

[[noreturn]] void fail(const YAML::Node &Node, std::string Message) {
  YAML::Mark Mark = Node.Mark();
  if (Mark.is_null())
    throw OptionError{std::move(Message)};
  throw OptionError{std::move(Message), static_cast<unsigned>(Mark.line + 1),
                    static_cast<unsigned>(Mark.column + 1)};
}


std::string scalar(const YAML::Node &Node, const std::string &What) {
  if (!Node.IsScalar())
    fail(Node, What + " must be a string, got " + kindOfNonString(Node));
  return Node.Scalar();
}

// The checks every shape shares, by type; Fields and Choices come from the spec being read.
struct Shape {
  OptionType Type;
  std::span<const FieldSpec> Fields;
  std::span<const std::string_view> Choices;
  char Shorthand = 0;
};

nlohmann::json parseValue(const Shape &S, const YAML::Node &Node, const std::string &What);

nlohmann::json parseStringList(const YAML::Node &Node, const std::string &What) {
  if (!Node.IsSequence())
    fail(Node, What + " must be a list of strings, got " + kindOf(Node));
  nlohmann::json Items = nlohmann::json::array();
  for (const YAML::Node &Item : Node)
    Items.push_back(scalar(Item, "each item of " + What));
  return Items;
}

nlohmann::json parseGlobs(const YAML::Node &Node, const std::string &What, Glob::Kind Kind) {
  nlohmann::json Items = parseStringList(Node, What);
  for (size_t I = 0; I < Items.size(); ++I) {
    std::string Error;
    const std::string &Pattern = Items[I].get_ref<const std::string &>();
    if (!Glob::parse(Pattern, Kind, &Error))
      fail(Node[I], "bad glob '" + Pattern + "' in " + What + ": " + Error);
  }
  return Items;
}

// The largest value of an Unsigned or a Percent option.
unsigned maximumOf(OptionType Type) { return Type == OptionType::Percent ? 100 : 1000000; }

// Text that is a whole number from 0 to Max, digits only.
std::optional<unsigned> wholeNumber(const std::string &Text, unsigned Max) {
  bool Digits = !Text.empty() && Text.size() <= 9 &&
                Text.find_first_not_of("0123456789") == std::string::npos;
  if (!Digits || std::stoul(Text) > Max)
    return std::nullopt;
  return static_cast<unsigned>(std::stoul(Text));
}

unsigned parseWholeNumber(const YAML::Node &Node, const std::string &What, unsigned Max) {
  std::string Text = scalar(Node, What);
  std::optional<unsigned> Number = wholeNumber(Text, Max);
  if (!Number)
    fail(Node, What + " must be a whole number from 0 to " + std::to_string(Max) + ", got '" +
                   Text + "'");
  return *Number;
}

nlohmann::json parseRecord(std::span<const FieldSpec> Fields, const YAML::Node &Node,
                           const std::string &What) {
  std::vector<std::string> Known;
  for (const FieldSpec &Field : Fields)
    Known.emplace_back(Field.Key);
  std::string Expected;
  for (const std::string &K : Known)
    Expected += (Expected.empty() ? "" : ", ") + K;
  if (!Node.IsMap())
    fail(Node, What + " must be a mapping with the keys " + Expected + ", got " + kindOf(Node));
  nlohmann::json Record = nlohmann::json::object();
  for (const auto &Entry : Node) {
    std::string Key = scalar(Entry.first, "a key");
    auto Field = std::find_if(Fields.begin(), Fields.end(),
                              [&](const FieldSpec &F) { return F.Key == Key; });
    if (Field == Fields.end())
      fail(Entry.first, "unknown key '" + Key + "' in " + What + didYouMean(Key, Known) +
                            "; expected one of: " + Expected);
    if (Record.contains(Key))
      fail(Entry.first, "duplicate key '" + Key + "' in " + What);
    Record[Key] =
        parseValue({Field->Type, Field->Fields, Field->Choices}, Entry.second, "'" + Key + "'");
    std::string Problem;
    if (Field->Check && Record[Key].is_string() &&
        !Field->Check(Record[Key].get_ref<const std::string &>(), Problem))
      fail(Entry.second, "bad '" + Key + "' in " + What + ": " + Problem);
  }
  for (const FieldSpec &Field : Fields) {
    if (Record.contains(Field.Key))
      continue;
    if (Field.Required)
      fail(Node, What + " needs the key '" + std::string(Field.Key) + "'");
    // A choice with no default (a data binding's `format`: by each file's extension) stays
    // absent; the rule reads its absence.
    if (Field.Type == OptionType::Choice && Field.Default.empty())
      continue;
    Record[std::string(Field.Key)] =
        parseOptionString(
            {Field.Key, Field.Type, Field.Default, Field.Help, Field.Fields, Field.Choices},
            std::string(Field.Default));
  }
  return Record;
}

nlohmann::json parseValue(const Shape &S, const YAML::Node &Node, const std::string &What) {
  switch (S.Type) {
  case OptionType::Bool: {
    std::string Value = Node.IsScalar() ? Node.Scalar() : std::string();
    if (Value == "true")
      return true;
    if (Value == "false")
      return false;
    fail(Node, What + " must be true or false, got " + kindOf(Node));
  }
  case OptionType::String:
    return scalar(Node, What);
  case OptionType::Unsigned:
  case OptionType::Percent:
    return parseWholeNumber(Node, What, maximumOf(S.Type));
  case OptionType::Choice: {
    std::string Value = scalar(Node, What);
    std::vector<std::string> Allowed(S.Choices.begin(), S.Choices.end());
    if (std::find(Allowed.begin(), Allowed.end(), Value) != Allowed.end())
      return Value;
    std::string List;
    for (const std::string &A : Allowed)
      List += (List.empty() ? "" : ", ") + A;
    fail(Node, What + " must be one of " + List + ", got '" + Value + "'" +
                   didYouMean(Value, Allowed));
  }
  case OptionType::StringList:
    return parseStringList(Node, What);
  case OptionType::NameGlobList:
    return parseGlobs(Node, What, Glob::Kind::Name);
  case OptionType::PathGlobList:
    return parseGlobs(Node, What, Glob::Kind::Path);
  case OptionType::Record:
    return parseRecord(S.Fields, Node, What);
  case OptionType::RecordList: {
    if (!Node.IsSequence())
      fail(Node, What + " must be a list of mappings, got " + kindOf(Node));
    nlohmann::json Items = nlohmann::json::array();
    for (const YAML::Node &Item : Node) {
      if (S.Shorthand && Item.IsScalar() && S.Fields.size() >= 2) {
        std::string Text = Item.Scalar();
        size_t Sep = Text.find(S.Shorthand);
        if (Sep == std::string::npos || Sep == 0 || Sep + 1 == Text.size())
          fail(Item, "each item of " + What + " must be a mapping or '" +
                         std::string(S.Fields[0].Key) + S.Shorthand +
                         std::string(S.Fields[1].Key) + "', got '" + Text + "'");
        YAML::Node Expanded;
        Expanded[std::string(S.Fields[0].Key)] = Text.substr(0, Sep);
        Expanded[std::string(S.Fields[1].Key)] = Text.substr(Sep + 1);
        Items.push_back(parseRecord(S.Fields, Expanded, "each item of " + What));
        continue;
      }
      Items.push_back(parseRecord(S.Fields, Item, "each item of " + What));
    }
    return Items;
  }
  }
  fail(Node, What + " has an unknown type");
}

bool isList(OptionType T) {
  return T == OptionType::StringList || T == OptionType::NameGlobList ||
         T == OptionType::PathGlobList;
}

// Text without the blanks around it, with a loop of its own: find_first_not_of(" \t") calls
// memchr for every character (the 190 items of a run's default lists, 0.01 M instructions).
std::string_view trimmed(std::string_view Text) {
  auto Blank = [](char C) { return C == ' ' || C == '\t'; };
  while (!Text.empty() && Blank(Text.front()))
    Text.remove_prefix(1);
  while (!Text.empty() && Blank(Text.back()))
    Text.remove_suffix(1);
  return Text;
}

std::string trim(std::string_view Text) { return std::string(trimmed(Text)); }

// clang-tidy's list convention: ';'-separated, blanks around items ignored, empty items dropped.
// Each item, a view into Text, handed to Each.
template <class EachItem> void eachListItem(std::string_view Text, EachItem &&Each) {
  size_t Start = 0;
  while (Start <= Text.size()) {
    size_t End = Text.find(';', Start);
    std::string_view Item =
        trimmed(Text.substr(Start, End == std::string_view::npos ? std::string_view::npos : End - Start));
    if (!Item.empty())
      Each(Item);
    if (End == std::string_view::npos)
      break;
    Start = End + 1;
  }
}

std::vector<std::string> listItems(std::string_view Text) {
  std::vector<std::string> Items;
  eachListItem(Text, [&](std::string_view Item) { Items.emplace_back(Item); });
  return Items;
}

YAML::Node splitList(std::string_view Text) {
  YAML::Node Items(YAML::NodeType::Sequence);
  for (const std::string &Item : listItems(Text))
    Items.push_back(Item);
  return Items;
}

Shape shapeOf(const OptionSpec &Spec) {
  return {Spec.Type, Spec.Fields, Spec.Choices, Spec.Shorthand};
}

} // namespace

std::string kindOfNonString(const YAML::Node &Node) {
  if (Node.IsNull())
    return "nothing (YAML reads an empty value, null and ~ as no value: quote a word, 'null')";
  return kindOf(Node);
}

std::string kindOf(const YAML::Node &Node) {
  switch (Node.Type()) {
  case YAML::NodeType::Map:
    return "a mapping";
  case YAML::NodeType::Sequence:
    return "a list";
  case YAML::NodeType::Scalar:
    return "'" + Node.Scalar() + "'";
  case YAML::NodeType::Null:
    return "nothing";
  case YAML::NodeType::Undefined:
    return "an undefined value";
  }
  return "an undefined value";
}

nlohmann::json parseOption(const OptionSpec &Spec, const YAML::Node &Node) {
  return parseValue(shapeOf(Spec), Node, "'" + std::string(Spec.Key) + "'");
}

nlohmann::json parseOptionString(const OptionSpec &Spec, const std::string &Text) {
  std::string What = "'" + std::string(Spec.Key) + "'";
  if (isList(Spec.Type))
    return parseValue(shapeOf(Spec), splitList(Text), What);
  if (Spec.Type == OptionType::Record || Spec.Type == OptionType::RecordList) {
    std::string Flow = trim(Text);
    if (Flow.empty())
      Flow = Spec.Type == OptionType::Record ? "{}" : "[]";
    // A bare "a=b;c=d" is the shorthand form of a record list.
    if (Spec.Shorthand && Flow.front() != '[')
      return parseValue(shapeOf(Spec), splitList(Flow), What);
    YAML::Node Node;
    try {
      Node = YAML::Load(Flow);
    } catch (const YAML::Exception &E) {
      throw OptionError{What + " is not valid YAML flow syntax: " + yamlErrorText(E)};
    }
    return parseValue(shapeOf(Spec), Node, What);
  }
  std::string Value = trim(Text);
  if (Spec.Type == OptionType::Bool) // clang-tidy's own spellings of booleans
    Value = Value == "1" || Value == "True" || Value == "TRUE"    ? "true"
            : Value == "0" || Value == "False" || Value == "FALSE" ? "false"
                                                                   : Value;
  return parseValue(shapeOf(Spec), YAML::Node(Value), What);
}

namespace {

// The default of a list or of a record list that is empty, read without YAML: what
// parseOptionString gives for it (OptionParserTest checks every rule's defaults both ways).
// The defaults are the rules' own constants, validated by that test, so a single-file run does
// not pay a YAML node per list item, nor compile each default glob only to check it (0.8 M
// instructions of a run whose parse is nothing). Any other default is parsed as given.
std::optional<nlohmann::json> plainDefault(const OptionSpec &Spec) {
  std::string_view Text = Spec.Default;
  if (isList(Spec.Type)) {
    // Each item made in its place in the array, which has room for all at once: no list of
    // strings made first to be moved (the 12 default lists of a run, 0.02 M instructions).
    nlohmann::json Items = nlohmann::json::array();
    auto &Array = Items.get_ref<nlohmann::json::array_t &>();
    Array.reserve(static_cast<size_t>(std::count(Text.begin(), Text.end(), ';')) + 1);
    eachListItem(Text, [&](std::string_view Item) { Array.emplace_back(std::string(Item)); });
    return Items;
  }
  std::string Flow = trim(Text);
  if (Spec.Type == OptionType::RecordList && (Flow.empty() || Flow == "[]"))
    return nlohmann::json::array();
  // A flag and a whole number as the validation reads them (parseOption: the scalar's text),
  // without a YAML parse each.
  if (Spec.Type == OptionType::Bool && (Flow == "true" || Flow == "false"))
    return Flow == "true";
  if (Spec.Type == OptionType::Unsigned || Spec.Type == OptionType::Percent)
    if (std::optional<unsigned> Number = wholeNumber(Flow, maximumOf(Spec.Type)))
      return *Number;
  return std::nullopt;
}

} // namespace

nlohmann::json defaultValue(const OptionSpec &Spec) {
  // A default read without YAML is made as asked: a list's items, a flag, a number cost less
  // to make than to find in the cache below and copy out of it (0.07 M instructions of a
  // one-file run, which reads each rule's defaults once).
  if (std::optional<nlohmann::json> Plain = plainDefault(Spec))
    return std::move(*Plain);
  // Parsed once per process: every configuration a run reads (one per directory that has
  // one, and the defaults) fills in every rule's defaults, each a YAML parse. Keyed by all
  // that decides the value (shapeOf and the text), not by the spec's address.
  using Key = std::tuple<OptionType, std::string, const FieldSpec *, size_t,
                         const std::string_view *, size_t, char>;
  static std::mutex Lock;
  static std::map<Key, nlohmann::json> *const Parsed = new std::map<Key, nlohmann::json>;
  Key Of{Spec.Type,          std::string(Spec.Default), Spec.Fields.data(), Spec.Fields.size(),
         Spec.Choices.data(), Spec.Choices.size(),       Spec.Shorthand};
  {
    std::lock_guard<std::mutex> Guard(Lock);
    if (auto It = Parsed->find(Of); It != Parsed->end())
      return It->second;
  }
  nlohmann::json Value = parseOptionString(Spec, std::string(Spec.Default));
  std::lock_guard<std::mutex> Guard(Lock);
  return Parsed->try_emplace(std::move(Of), std::move(Value)).first->second;
}

std::string toOptionString(const OptionSpec &Spec, const nlohmann::json &Value) {
  if (isList(Spec.Type)) {
    std::string Text;
    for (const nlohmann::json &Item : Value)
      Text += (Text.empty() ? "" : ";") + Item.get<std::string>();
    return Text;
  }
  if (Value.is_string())
    return Value.get<std::string>();
  // Booleans, numbers and records: JSON is valid YAML flow syntax. A record's strings may hold
  // any bytes the YAML did (found by ConfigFuzzer: dump threw on invalid UTF-8 and terminated
  // the process); they are written as U+FFFD, as in every JSON contractcheck writes.
  return jsonText(Value);
}

} // namespace contractcheck
