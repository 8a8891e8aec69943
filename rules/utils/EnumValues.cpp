#include "rules/utils/EnumValues.h"

#include "rules/utils/NameSpelling.h"
#include "rules/utils/Sentinels.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/Decl.h>
#include <clang/Basic/SourceManager.h>

#include <algorithm>
#include <set>

using namespace clang;

namespace contractcheck {

std::vector<ValueGroup> groupByValue(const EnumDecl &Enum) {
  std::vector<ValueGroup> Groups;
  for (const EnumConstantDecl *Enumerator : Enum.enumerators()) {
    auto It = std::find_if(Groups.begin(), Groups.end(), [&](const ValueGroup &G) {
      return llvm::APSInt::isSameValue(G.Value, Enumerator->getInitVal());
    });
    if (It == Groups.end())
      Groups.push_back({Enumerator->getInitVal(), {Enumerator}});
    else
      It->Members.push_back(Enumerator);
  }
  return Groups;
}

namespace {

// `_operators_begin, equal, ..., _operators_end` (cmakesl's token_type), `kKeywordsBegin ...
// kKeywordsEnd`: a pair of enumerators whose names differ only in a last word `begin` / `end`,
// with at least one enumerator between them, marks a range of the enum for `a <= t && t < b`
// tests. Such markers are not states, wherever they stand. Adjacent pairs (`ObjectBegin,
// ObjectEnd`, a SAX parser's events) are real members.
std::set<const EnumConstantDecl *> rangeMarkers(const EnumDecl &Enum) {
  std::vector<const EnumConstantDecl *> All(Enum.enumerator_begin(), Enum.enumerator_end());
  std::vector<std::vector<std::string>> Words;
  for (const EnumConstantDecl *E : All)
    Words.push_back(enumeratorWords(std::string_view(E->getName())));
  std::set<const EnumConstantDecl *> Markers;
  for (size_t B = 0; B < All.size(); ++B) {
    if (Words[B].size() < 2 || Words[B].back() != "begin")
      continue;
    for (size_t E = B + 2; E < All.size(); ++E) {
      if (Words[E].size() != Words[B].size() || Words[E].back() != "end" ||
          !std::equal(Words[B].begin(), Words[B].end() - 1, Words[E].begin()))
        continue;
      Markers.insert(All[B]);
      Markers.insert(All[E]);
      break;
    }
  }
  return Markers;
}

// libstdc++ names std::regex_constants::error_type's enumerators _S_error_collate, ... (users
// write the constants std::regex_constants::error_collate, ...) and ends std::ios_base's enums in
// _S_ios_fmtflags_end, _max, _min: names reserved to the implementation (a leading underscore and
// a capital, or two underscores), declared in a system header. No user writes them, so no switch
// or table owes them; a finding asking for case std::regex_constants::_S_error_backref could not
// be acted on.
bool isImplementationName(const EnumConstantDecl &E, bool InSystemHeader) {
  llvm::StringRef Name = E.getName();
  return InSystemHeader && Name.size() > 1 && Name[0] == '_' &&
         (Name[1] == '_' || (Name[1] >= 'A' && Name[1] <= 'Z'));
}

} // namespace

std::vector<HeldValue> heldValues(const EnumDecl &Enum, const SentinelPolicy &Sentinels) {
  std::vector<ValueGroup> Groups = groupByValue(Enum);
  const std::set<const EnumConstantDecl *> Markers = rangeMarkers(Enum);
  // The last enumerator with a value of its own: `NUM_ADJ, START_X = A, END_X = B` ends in
  // NUM_ADJ, the range aliases after it name earlier members (stella's GlobalKeyHandler). Groups
  // come in the order their first member is declared, so it is the last group's first member.
  const EnumConstantDecl *Last = Groups.empty() ? nullptr : Groups.back().Members.front();
  const bool InSystemHeader = Enum.getASTContext().getSourceManager().isInSystemHeader(
      Enum.getLocation());
  std::vector<HeldValue> Held;
  for (const ValueGroup &Group : Groups) {
    auto IsSentinel = [&](const EnumConstantDecl *E) {
      return Markers.count(E) || isImplementationName(*E, InSystemHeader) ||
             Sentinels.isSentinel(*E, E == Last, Group.Members.size() > 1);
    };
    auto Named = std::find_if_not(Group.Members.begin(), Group.Members.end(), IsSentinel);
    if (Named != Group.Members.end())
      Held.push_back({Group.Value, *Named});
  }
  return Held;
}

const EnumConstantDecl *lastValueAboveTheOthers(const EnumDecl &Enum) {
  std::vector<ValueGroup> Groups = groupByValue(Enum);
  if (Groups.size() < 2)
    return nullptr;
  const llvm::APSInt &Last = Groups.back().Value;
  for (size_t I = 0; I + 1 < Groups.size(); ++I)
    if (llvm::APSInt::compareValues(Groups[I].Value, Last) >= 0)
      return nullptr;
  return Groups.back().Members.front();
}

const EnumConstantDecl *enumeratorWithValue(const std::vector<HeldValue> &Held,
                                            const llvm::APSInt &Value) {
  for (const HeldValue &H : Held)
    if (llvm::APSInt::isSameValue(H.Value, Value))
      return H.Named;
  return nullptr;
}

} // namespace contractcheck
