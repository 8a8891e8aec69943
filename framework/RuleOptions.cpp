#include "RuleOptions.h"

#include "OptionParser.h"

#include <stdexcept>

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
  std::vector<Glob> Globs;
  for (const std::string &Pattern : getList(Key))
    Globs.push_back(*Glob::parse(Pattern, Kind)); // validated by OptionParser
  return Globs;
}

} // namespace contractcheck
