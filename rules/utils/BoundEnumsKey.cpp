#include "rules/utils/BoundEnumsKey.h"

#include "RuleOptions.h"

#include <set>

namespace contractcheck {

std::string optionsKeyOfBoundEnums(const RuleOptions &Options, std::string_view Bindings) {
  nlohmann::json Key = Options.values();
  std::set<std::string> Enums;
  for (const nlohmann::json &Binding : Options.get(Bindings))
    Enums.insert(Binding.at("enum").get<std::string>());
  Key[std::string(Bindings)] = Enums;
  return Key.dump();
}

} // namespace contractcheck
