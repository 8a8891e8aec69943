// A C++ enum's definition (enumerators, values, positions) as the TU that defines it saw it: the
// fact through which rules that judge data files and external schemas (contract-schema-sync,
// contract-enum-name's data files) learn an enum that another TU defines.
#pragma once

#include "Facts.h"
#include "JsonFields.h"
#include "Finding.h"

#include <cstdint>
#include <string>
#include <vector>

namespace clang {
class EnumDecl;
class SourceManager;
} // namespace clang

namespace contractcheck {

struct EnumDefinitionFact {
  static constexpr std::string_view Kind = "enum-definition";
  static constexpr unsigned Version = 1;
  struct Enumerator {
    std::string Name; // unqualified
    std::int64_t Value = 0;
    SourcePosition Where;
  };
  std::string Usr;
  std::string Name; // qualified as bindings spell it (enumQualifiedName)
  SourcePosition Where;
  std::vector<Enumerator> Enumerators;
  // Bindings name enums by qualified name; the USR tells apart the rare distinct enums that
  // share one (in anonymous namespaces of different TUs).
  std::string key() const { return Name; }
};

// The fact for an enum definition: every enumerator with its value and position.
EnumDefinitionFact enumDefinitionFact(const clang::EnumDecl &Enum, const clang::SourceManager &SM);

CONTRACTCHECK_JSON_FIELDS(EnumDefinitionFact::Enumerator, (Name, "name"), (Value, "value"),
                          (Where, "where"))
CONTRACTCHECK_JSON_FIELDS(EnumDefinitionFact, (Usr, "usr"), (Name, "name"), (Where, "where"),
                          (Enumerators, "enumerators"))

} // namespace contractcheck
