#include "rules/enum-name/ConfiguredFunctions.h"

#include <nlohmann/json.hpp>

namespace contractcheck {

void from_json(const nlohmann::json &J, ConfiguredFunction &F) {
  J.at("name").get_to(F.Name);
  J.at("enum").get_to(F.Enum);
  if (auto Arg = J.find("arg"); Arg != J.end())
    F.Arg = Arg->is_string() ? static_cast<unsigned>(std::stoul(Arg->get<std::string>()))
                             : Arg->get<unsigned>();
  F.Names = SpellingChoices.value(J, "names", NameSpelling::Exact);
}

} // namespace contractcheck
