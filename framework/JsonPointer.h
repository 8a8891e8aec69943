// RFC 6901 JSON Pointers into a DataDocument ("/a/b", or the URI fragment form "#/a/b"), with
// same-file "$ref"s followed, as JSON Schema and OpenAPI documents use them.
#pragma once

#include "DataDocument.h"

namespace contractcheck {

// The pointer's reference tokens, unescaped ("~1" is '/', "~0" is '~'; the fragment form is
// percent-decoded first). nullopt with Message set when the pointer is malformed.
std::optional<std::vector<std::string>> parseJsonPointer(std::string_view Pointer,
                                                         std::string &Message);

// The node Pointer names. A map holding a "$ref" is replaced by what the reference names, when
// it is the target and when the next token is not one of its own keys; references are followed
// within the document only, and a cycle is an error. nullptr with Error set (at the node where
// resolution stopped) when the pointer is malformed or names nothing.
const DataNode *resolveJsonPointer(const DataDocument &Doc, std::string_view Pointer,
                                   DataError &Error);

// Node itself, or what its "$ref" chain names when it is a map holding a "$ref".
const DataNode *followRefs(const DataDocument &Doc, const DataNode &Node, DataError &Error);

} // namespace contractcheck
