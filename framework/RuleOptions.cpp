#include "RuleOptions.h"

#include "OptionParser.h"

#include <charconv>
#include <mutex>
#include <stdexcept>
#include <unordered_map>

namespace contractcheck {

RuleOptions::RuleOptions(const RuleInfo &Rule) : RuleOptions(Rule, nlohmann::json::object()) {}

RuleOptions::RuleOptions(const RuleInfo &Rule, nlohmann::json Given)
    : Rule(Rule), Values(std::move(Given)) {
  for (const OptionSpec &Spec : Rule.Options)
    if (!Values.contains(Spec.Key))
      Values[std::string(Spec.Key)] = defaultValue(Spec);
}

const nlohmann::json &RuleOptions::get(std::string_view Key) const {
  auto It = Values.find(Key);
  if (It == Values.end())
    throw std::logic_error("rule '" + std::string(Rule.Id) + "' reads undeclared option '" +
                           std::string(Key) + "'");
  return *It;
}

bool RuleOptions::getBool(std::string_view Key) const { return get(Key).get<bool>(); }

std::string RuleOptions::getString(std::string_view Key) const {
  return get(Key).get<std::string>();
}

unsigned RuleOptions::getUnsigned(std::string_view Key) const {
  return get(Key).get<unsigned>();
}

std::vector<std::string> RuleOptions::getList(std::string_view Key) const {
  return get(Key).get<std::vector<std::string>>();
}

std::vector<Glob> RuleOptions::getGlobs(std::string_view Key) const {
  const OptionSpec *Spec = Rule.findOption(Key);
  Glob::Kind Kind = Spec && Spec->Type == OptionType::PathGlobList ? Glob::Kind::Path
                                                                   : Glob::Kind::Name;
  // Each list of patterns parsed once per process and its globs shared (a glob is immutable,
  // its name pattern made once, thread-safely): each rule reads its globs once per TU, and
  // three rules read the same 31 default sentinel globs (0.14 M instructions of a one-file
  // run, a third of its rules' setup). Keyed by the kind and every pattern, each with its
  // length.
  // The key is made in room reserved for it at once (its growth by appends, and a string per
  // length, were half of a run's 9 calls here).
  const nlohmann::json &Patterns = get(Key);
  size_t Size = 1;
  for (const nlohmann::json &Pattern : Patterns)
    Size += Pattern.get_ref<const std::string &>().size() + 21; // a length, ':'
  std::string Of;
  Of.reserve(Size);
  Of += Kind == Glob::Kind::Path ? 'p' : 'n';
  for (const nlohmann::json &Pattern : Patterns) {
    const std::string &Text = Pattern.get_ref<const std::string &>();
    char Length[20];
    Of.append(Length, std::to_chars(Length, Length + sizeof Length, Text.size()).ptr);
    Of += ':';
    Of += Text;
  }
  static std::mutex Lock;
  static auto *const Parsed = new std::unordered_map<std::string, std::vector<Glob>>;
  {
    std::lock_guard<std::mutex> Guard(Lock);
    if (auto It = Parsed->find(Of); It != Parsed->end())
      return It->second;
  }
  std::vector<Glob> Globs;
  Globs.reserve(Patterns.size());
  for (const nlohmann::json &Pattern : Patterns)
    Globs.push_back(*Glob::parse(Pattern.get_ref<const std::string &>(), Kind)); // validated by OptionParser
  std::lock_guard<std::mutex> Guard(Lock);
  return Parsed->try_emplace(std::move(Of), std::move(Globs)).first->second;
}

} // namespace contractcheck
