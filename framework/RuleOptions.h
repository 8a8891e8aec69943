// The option values one rule runs with, already validated, whichever front end supplied them.
#pragma once

#include "RuleInfo.h"

#include <map>
#include <string>
#include <vector>

namespace contractcheck {

class RuleOptions {
public:
  // Values are keyed by OptionSpec::Key; a key left out takes the spec's default.
  RuleOptions(const RuleInfo &Rule, std::map<std::string, std::string> Values = {});

  std::string getString(std::string_view Key) const;
  bool getBool(std::string_view Key) const;
  std::vector<std::string> getList(std::string_view Key) const;

  const std::map<std::string, std::string> &values() const { return Values; }

private:
  const std::string &raw(std::string_view Key) const;
  std::map<std::string, std::string> Values;
};

// clang-tidy's list convention: ';'-separated, blanks around items ignored, empty items dropped.
std::vector<std::string> splitOptionList(std::string_view Text);
std::string joinOptionList(const std::vector<std::string> &Items);

} // namespace contractcheck
