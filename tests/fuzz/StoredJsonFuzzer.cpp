// libFuzzer target: the result store's own readers of what it wrote, past the checksum (a file
// whose checksum matches but whose body is damaged: a bug of ours, a disk, or a store shared
// with someone hostile). Any input must end in a result or a miss, never a crash or a hang:
// storeEntryBody (the header line), splitPathLists and the outcome and facts read from its
// rest (an entry), splitStoredRun and each unit's outcome and facts (a run summary),
// objectMembers. And parseStoredJson, differentially: what it takes must be what
// nlohmann::json::parse reads.
#include "ResultStore.h"
#include "StoreEntry.h"
#include "StoreRoots.h"
#include "StoredPathLists.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

using namespace contractcheck;

const StoreRoots &roots() {
  static const StoreRoots Roots("/work/project/build", "/work/project");
  return Roots;
}

void outcomeAndFacts(std::string_view Rest) {
  static_cast<void>(outcomeFromRestText(Rest, roots()));
  if (auto Members = objectMembers(Rest))
    for (const auto &[Name, Value] : *Members)
      if (Name == "facts")
        static_cast<void>(factsFromText(Value, roots()));
}

void readAsStored(std::string_view Text) {
  if (auto Split = splitPathLists(Text)) {
    outcomeAndFacts(Split->Rest);
    if (auto Facts = Split->member("facts"))
      static_cast<void>(factsFromText(*Facts, roots()));
  }
  if (auto Run = splitStoredRun(Text))
    for (const StoredRunText::Unit &Unit : Run->Units)
      outcomeAndFacts(Unit.Outcome);
  outcomeAndFacts(Text);

  // What the store's reader takes, nlohmann reads alike (with no tagged string mapped).
  nlohmann::json Own;
  if (parseStoredJson(Text, Own, [](std::string_view Tagged) { return std::string(Tagged); })) {
    nlohmann::json Theirs = nlohmann::json::parse(Text, nullptr, /*allow_exceptions=*/false);
    if (Theirs.is_discarded() || Theirs != Own) {
      std::fprintf(stderr, "parseStoredJson took what nlohmann reads otherwise:\n%s\n%s\n",
                   Own.dump().c_str(),
                   Theirs.is_discarded() ? "(not JSON)" : Theirs.dump().c_str());
      std::abort();
    }
  }
  nlohmann::json Mapped;
  static_cast<void>(parseStoredJson(Text, Mapped, [](std::string_view Tagged) {
    return roots().absolute(Tagged);
  }));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  std::string_view Text(reinterpret_cast<const char *>(Data), Size);
  // A store file: a header line, then the body the checksum covers.
  static_cast<void>(storeEntryBody(Text, nlohmann::json{{"format", "contractcheck-unit-result"}}));
  readAsStored(Text);
  if (size_t Newline = Text.find('\n'); Newline != std::string_view::npos)
    readAsStored(Text.substr(Newline + 1));
  return 0;
}
