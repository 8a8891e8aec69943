#include "RuleOptions.h"

#include <stdexcept>

namespace contractcheck {

RuleOptions::RuleOptions(const RuleInfo &Rule, std::map<std::string, std::string> Given)
    : Values(std::move(Given)) {
  for (const OptionSpec &Spec : Rule.Options)
    Values.try_emplace(std::string(Spec.Key), Spec.Default);
}

const std::string &RuleOptions::raw(std::string_view Key) const {
  auto It = Values.find(std::string(Key));
  if (It == Values.end())
    throw std::logic_error("rule reads undeclared option '" + std::string(Key) + "'");
  return It->second;
}

std::string RuleOptions::getString(std::string_view Key) const { return raw(Key); }

bool RuleOptions::getBool(std::string_view Key) const {
  const std::string &Value = raw(Key);
  return Value == "true" || Value == "1" || Value == "True" || Value == "TRUE";
}

std::vector<std::string> RuleOptions::getList(std::string_view Key) const {
  return splitOptionList(raw(Key));
}

std::vector<std::string> splitOptionList(std::string_view Text) {
  std::vector<std::string> Items;
  while (!Text.empty()) {
    size_t End = Text.find(';');
    std::string_view Item = Text.substr(0, End);
    Text = End == std::string_view::npos ? std::string_view() : Text.substr(End + 1);
    while (!Item.empty() && (Item.front() == ' ' || Item.front() == '\t'))
      Item.remove_prefix(1);
    while (!Item.empty() && (Item.back() == ' ' || Item.back() == '\t'))
      Item.remove_suffix(1);
    if (!Item.empty())
      Items.emplace_back(Item);
  }
  return Items;
}

std::string joinOptionList(const std::vector<std::string> &Items) {
  std::string Text;
  for (const std::string &Item : Items) {
    if (!Text.empty())
      Text += ';';
    Text += Item;
  }
  return Text;
}

} // namespace contractcheck
