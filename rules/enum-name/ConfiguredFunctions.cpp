#include "ConfiguredFunctions.h"

#include <llvm/ADT/SmallVector.h>
#include <llvm/ADT/StringRef.h>

namespace contractcheck {

std::variant<ConfiguredFunction, std::string> parseConfiguredFunction(std::string_view Text) {
  ConfiguredFunction F;
  llvm::SmallVector<llvm::StringRef, 4> Fields;
  llvm::StringRef(Text).split(Fields, ',', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef Field : Fields) {
    auto [Key, Value] = Field.split('=');
    Key = Key.trim();
    Value = Value.trim();
    if (Value.empty())
      return "'" + Field.trim().str() + "' must be key=value (keys: name, arg, enum, names)";
    if (Key == "name") {
      F.Name = Value.str();
    } else if (Key == "enum") {
      F.Enum = Value.str();
    } else if (Key == "arg") {
      if (Value.getAsInteger(10, F.Arg))
        return "'arg' must be a whole number (the argument's 0-based position), got '" +
               Value.str() + "'";
    } else if (Key == "names") {
      std::optional<NameSpelling> Spelling = parseSpelling(Value);
      if (!Spelling)
        return "'names': " + badSpellingMessage(Value);
      F.Names = *Spelling;
    } else {
      std::string Message = "unknown key '" + Key.str() + "'";
      if (std::optional<std::string> Close = closestName(Key, {"name", "arg", "enum", "names"}))
        Message += " (did you mean '" + *Close + "'?)";
      return Message + "; the keys are name, arg, enum, names";
    }
  }
  if (F.Name.empty() || F.Enum.empty())
    return std::string("each function needs at least 'name' and 'enum' (e.g. "
                       "'name=cfg::parse_level,arg=0,enum=cfg::Level,names=snake_case')");
  return F;
}

std::string configuredFunctionError(std::string_view Item) {
  auto Parsed = parseConfiguredFunction(Item);
  if (const std::string *Error = std::get_if<std::string>(&Parsed))
    return *Error;
  return {};
}

} // namespace contractcheck
