// The members a JSON Schema / OpenAPI node or a plain YAML/JSON list defines: an `enum` array,
// a schema object holding one, a `oneOf`/`anyOf` of `const`s, or a list of names.
#pragma once

#include "DataDocument.h"
#include "rules/schema-sync/ExternalEnum.h"

namespace contractcheck {

// Node is what the binding's pointer resolved to; "$ref"s on the way to the members are
// followed within Doc. Strings are names; a number is a name spelled as written with that
// value; null items (a nullable enum's null) are not members. nullopt with Error set, at the
// offending node, when Node defines no member list.
std::optional<std::vector<ExternalMember>>
extractSchemaMembers(const DataDocument &Doc, const DataNode &Node, DataError &Error);

} // namespace contractcheck
