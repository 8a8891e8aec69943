// A small exact parser of the .proto subset that holds enums (proto2, proto3, editions): enum
// blocks at file level and nested in messages, with member names, numbers and positions;
// `reserved` numbers, ranges and names and `option`s are kept apart from the members.
#pragma once

#include "DataDocument.h"
#include "rules/schema-sync/ExternalEnum.h"

#include <string_view>

namespace contractcheck {

struct ProtoEnum : ExternalEnum {
  struct Range {
    std::int64_t From;
    std::int64_t To; // inclusive; INT32_MAX for `max`
  };
  std::vector<Range> ReservedNumbers;
  std::vector<std::string> ReservedNames;
  bool AllowAlias = false;
};

struct ProtoFile {
  std::string Package;
  std::vector<ProtoEnum> Enums; // in file order; nested ones named "Outer.Inner"
};

// nullopt with Error's line, column and message set (not its file) when Text is not
// well-formed .proto.
std::optional<ProtoFile> parseProtoFile(std::string_view Text, DataError &Error);

// The enum a binding's `at` names: its nested name ("Order.State"), that name qualified by the
// package ("shop.Order.State"), or its own name when only one enum has it. nullptr with
// Message set when none or several match.
const ProtoEnum *findProtoEnum(const ProtoFile &File, std::string_view Name, std::string &Message);

} // namespace contractcheck
