// libFuzzer target: any bytes as JSON and as YAML, then pointers and key paths into the result.
// Must never crash, hang or leak; malformed input is a DataError.
#include "DataDocument.h"
#include "DataKeyPath.h"
#include "JsonPointer.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

using namespace contractcheck;

namespace {

// Every node and key lies inside the text: positions are 1-based and no line is past the last.
// (yaml-cpp gives an absent value, null, no mark of its own.)
void checkPositions(const DataNode &N, unsigned Lines, unsigned Depth = 0) {
  bool Unmarked = N.kind() == DataNode::Kind::Null && N.position().Line == 0;
  if (!Unmarked &&
      (N.position().Line == 0 || N.position().Line > Lines || N.position().Column == 0))
    __builtin_trap();
  if (Depth > MaxDataDepth + 1)
    __builtin_trap();
  for (const DataNode &Item : N.items())
    checkPositions(Item, Lines, Depth + 1);
  for (const DataNode::Entry &E : N.entries()) {
    if (E.KeyPosition.Line == 0 || E.KeyPosition.Line > Lines)
      __builtin_trap();
    checkPositions(E.Value, Lines, Depth + 1);
  }
}

void exercise(const DataDocument &Doc) {
  DataError Error;
  for (std::string_view Pointer : {"", "#", "#/a", "/a/0", "#/definitions/E", "/0/$ref"})
    resolveJsonPointer(Doc, Pointer, Error);
  // Follow every "$ref" found at the top two levels.
  for (const DataNode::Entry &E : Doc.root().entries()) {
    followRefs(Doc, E.Value, Error);
    for (const DataNode::Entry &Inner : E.Value.entries())
      followRefs(Doc, Inner.Value, Error);
  }
  std::string Message;
  for (std::string_view Path : {"a", "a[*].b", "*.b", "[*]", "[0].a[*]"})
    if (auto KeyPath = DataKeyPath::parse(Path, Message))
      KeyPath->match(Doc.root());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *Data, std::size_t Size) {
  std::string_view Text(reinterpret_cast<const char *>(Data), Size);
  for (auto Format : {DataDocument::Format::Json, DataDocument::Format::Yaml}) {
    DataError Error;
    if (auto Doc = DataDocument::parse("fuzz", Text, Format, Error)) {
      unsigned Lines = 1;
      for (char C : Text)
        Lines += C == '\n';
      checkPositions(Doc->root(), Lines);
      exercise(*Doc);
    } else {
      (void)Error.render();
      // Text nlohmann accepted must build: our positioned builder may only refuse what the
      // limits or duplicate keys exclude.
      bool Json = Format == DataDocument::Format::Json;
      if (Json && Error.Message.rfind("malformed JSON: ", 0) != 0 &&
          Error.Message.rfind("duplicate key", 0) != 0 &&
          Error.Message.rfind("nesting deeper", 0) != 0 && Error.Message.rfind("more than", 0) != 0)
        __builtin_trap();
      if (Json && (Error.Line == 0 || Error.Column == 0))
        __builtin_trap();
    }
  }
  // The pointer and key-path parsers on the same bytes.
  std::string Message;
  (void)parseJsonPointer(Text, Message);
  (void)DataKeyPath::parse(Text, Message);
  return 0;
}
