// A small exact parser of the Python subset that defines enums: `class X(Enum)`, `(str, Enum)`,
// `(IntEnum)`, `(IntFlag)`, `(Flag)`, `(StrEnum)`, with member names, values (`auto()` counted
// as Python counts it) and positions. The rest of the file is tokenized exactly (strings,
// f-strings, comments, indentation, brackets) so that methods, decorators, docstrings and
// nested code never pass for members.
#pragma once

#include "DataDocument.h"
#include "rules/schema-sync/ExternalEnum.h"

#include <string_view>

namespace contractcheck {

struct PythonEnum : ExternalEnum {
  enum class Kind {
    Enum,     // Enum: auto() counts 1, 2, 3...
    IntEnum,  // IntEnum or (int, Enum)
    StrEnum,  // StrEnum: auto() is the member name lower-cased
    StrMixin, // (str, Enum): values are strings
    Flag,     // Flag, IntFlag: auto() counts 1, 2, 4...
  };
  Kind K = Kind::Enum;
  bool hasStringValues() const { return K == Kind::StrEnum || K == Kind::StrMixin; }
};

// Every enum class of the file, nested ones named "Outer.Inner", in file order. nullopt with
// Error's line, column and message set (not its file) when the file does not tokenize or an
// enum class is malformed.
std::optional<std::vector<PythonEnum>> parsePythonEnums(std::string_view Text, DataError &Error);

// The class a binding's `at` names: its nested name, or its own name when only one class has
// it. nullptr with Message set when none or several match.
const PythonEnum *findPythonEnum(const std::vector<PythonEnum> &Enums, std::string_view Name,
                                 std::string &Message);

} // namespace contractcheck
