#include "rules/enum-name/EnumNameMessages.h"

#include "rules/utils/NameSpelling.h"

#include <llvm/ADT/StringRef.h>

#include <algorithm>

namespace contractcheck {

bool acceptsName(const std::vector<std::string> &Names, std::string_view Literal,
                 bool CaseInsensitive) {
  return std::any_of(Names.begin(), Names.end(), [&](const std::string &Name) {
    return CaseInsensitive ? llvm::StringRef(Name).equals_insensitive(Literal) : Name == Literal;
  });
}

std::optional<std::string> suggestName(const std::vector<std::string> &Names,
                                       std::string_view Literal, bool CaseInsensitive) {
  if (!CaseInsensitive)
    return closestName(Literal, Names);
  std::vector<std::string> Lowered;
  for (const std::string &Name : Names)
    Lowered.push_back(llvm::StringRef(Name).lower());
  std::optional<std::string> Close = closestName(llvm::StringRef(Literal).lower(), Lowered);
  if (!Close)
    return std::nullopt;
  return Names[std::find(Lowered.begin(), Lowered.end(), *Close) - Lowered.begin()];
}

bool expectsFallback(const std::optional<std::string> &Expected,
                     const std::optional<std::string> &Fallback) {
  return Expected && Fallback && *Expected == *Fallback;
}

std::string notAcceptedMessage(std::string_view Literal, std::string_view Function,
                               const std::optional<std::string> &Suggestion) {
  std::string Message = "'";
  Message += Literal;
  Message += "' is not a name '";
  Message += Function;
  Message += "' accepts";
  if (Suggestion) {
    Message += " (did you mean '";
    Message += *Suggestion;
    Message += "'?)";
  }
  return Message;
}

std::string acceptedNamesNote(std::string_view Function, const std::vector<std::string> &Names,
                              bool CaseInsensitive) {
  constexpr size_t Shown = 8;
  std::string Message = "'";
  Message += Function;
  Message += "' accepts ";
  for (size_t I = 0; I < Names.size() && I < Shown; ++I) {
    Message += I ? ", '" : "'";
    Message += Names[I];
    Message += "'";
  }
  if (Names.size() > Shown)
    Message += " and " + std::to_string(Names.size() - Shown) + " more";
  Message += CaseInsensitive ? ", ignoring case, as its body shows" : ", as its body shows";
  return Message;
}

} // namespace contractcheck
