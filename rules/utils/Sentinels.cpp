#include "rules/utils/Sentinels.h"

#include "rules/utils/NameSpelling.h"

#include <clang/AST/Decl.h>
#include <llvm/ADT/STLExtras.h>
#include <llvm/ADT/bit.h>

#include <algorithm>
#include <cctype>

namespace contractcheck {

bool isProtobufRangeSentinel(std::string_view Name) {
  return Name.ends_with("_INT_MIN_SENTINEL_DO_NOT_USE_") ||
         Name.ends_with("_INT_MAX_SENTINEL_DO_NOT_USE_");
}

bool isProtobufOneofNotSet(const clang::EnumConstantDecl &Enumerator) {
  const auto *Enum = llvm::dyn_cast<clang::EnumDecl>(Enumerator.getDeclContext());
  return Enum && Enum->getName().ends_with("Case") && Enumerator.getName().ends_with("_NOT_SET") &&
         Enumerator.getInitVal().isZero();
}

// Whether every word after the first is a word of the enum's own name: `UnknownType` in
// `FileType`, `INVALID_STATE` in `State`, `NoError` in `NetworkError`. With WithClass, an enum
// declared in a class is also named by that class, the qualifier every use spells
// (`Side::NoSide` for cutechess's `class Side { enum Type { White, Black, NoSide }; }`).
static bool restatesTheEnum(const clang::EnumConstantDecl &Enumerator,
                            const std::vector<std::string> &Words, bool WithClass = false) {
  const auto *Enum = llvm::dyn_cast<clang::EnumDecl>(Enumerator.getDeclContext());
  if (!Enum)
    return false;
  std::vector<std::string> OwnWords = identifierWords(std::string_view(Enum->getName()));
  if (const auto *Class = llvm::dyn_cast<clang::RecordDecl>(Enum->getDeclContext());
      Class && WithClass && Class->getIdentifier()) {
    std::vector<std::string> ClassWords = identifierWords(std::string_view(Class->getName()));
    OwnWords.insert(OwnWords.end(), ClassWords.begin(), ClassWords.end());
  }
  if (OwnWords.empty())
    return false;
  return std::all_of(Words.begin() + 1, Words.end(), [&](const std::string &Word) {
    return std::find(OwnWords.begin(), OwnWords.end(), Word) != OwnWords.end();
  });
}

std::vector<std::string> catchAllWordsOf(std::vector<std::string> OptionWords) {
  for (std::string &Word : OptionWords)
    Word = llvm::StringRef(Word).lower();
  return OptionWords;
}

bool namesACatchAll(const clang::EnumConstantDecl &Enumerator,
                    const std::vector<std::string> &CatchAllWords) {
  std::string_view Name(Enumerator.getName());
  while (Name.size() > 1 && Name.back() == '_')
    Name.remove_suffix(1);
  // Hungarian-style prefixes: `kNone`, `eInvalid` (enumeratorWords drops the `k`).
  if (Name.size() > 1 && Name[0] == 'e' && std::isupper(static_cast<unsigned char>(Name[1])))
    Name.remove_prefix(1);
  std::vector<std::string> Words = enumeratorWords(Name);
  auto IsCatchAll = [&](const std::string &Word) {
    return std::find(CatchAllWords.begin(), CatchAllWords.end(), Word) != CatchAllWords.end();
  };
  if (Words.empty())
    return false;
  if (IsCatchAll(Words.back()))
    return true;
  if (!IsCatchAll(Words.front()))
    return false;
  return restatesTheEnum(Enumerator, Words);
}

bool namesNoneAsNo(const clang::EnumConstantDecl &Enumerator,
                   const std::vector<std::string> &CatchAllWords) {
  if (std::find(CatchAllWords.begin(), CatchAllWords.end(), "none") == CatchAllWords.end())
    return false;
  std::vector<std::string> Words = enumeratorWords(std::string_view(Enumerator.getName()));
  return Words.size() > 1 && Words.front() == "no" &&
         restatesTheEnum(Enumerator, Words, /*WithClass=*/true);
}

bool isSizeForcingValue(const llvm::APSInt &Value) {
  if (Value.isNegative() || Value.getActiveBits() > 64)
    return false;
  uint64_t V = Value.getZExtValue();
  return V == 0x7fffffffu || V == 0xffffffffu || V == 0x7fffffffffffffffu ||
         V == 0xffffffffffffffffu;
}

bool isMaskOfTheOthers(const clang::EnumConstantDecl &Last) {
  std::vector<std::string> Words = enumeratorWords(std::string_view(Last.getName()));
  bool NamedAsMask = (Words.size() > 1 && Words.front() == "m") ||
                     std::find(Words.begin(), Words.end(), "mask") != Words.end();
  const llvm::APSInt &Value = Last.getInitVal();
  if (!NamedAsMask || Value.isNegative() || Value.getActiveBits() > 64)
    return false;
  uint64_t Mask = Value.getZExtValue();
  uint64_t Run = Mask ? Mask >> llvm::countr_zero(Mask) : 0;
  if (Run < 3 || (Run & (Run + 1)) != 0) // one run of at least two set bits
    return false;
  const auto *Enum = llvm::dyn_cast<clang::EnumDecl>(Last.getDeclContext());
  if (!Enum)
    return false;
  unsigned Others = 0;
  uint64_t Greatest = 0;
  for (const clang::EnumConstantDecl *Other : Enum->enumerators()) {
    if (Other == &Last)
      continue;
    const llvm::APSInt &V = Other->getInitVal();
    if (V.isNegative() || V.getActiveBits() > 64)
      return false;
    uint64_t O = V.getZExtValue();
    if ((O & ~Mask) != 0 || O >= Mask)
      return false;
    Greatest = std::max(Greatest, O);
    ++Others;
  }
  return Others >= 2 && Greatest + 1 != Mask;
}

bool restatesTheEnumWithABound(const clang::EnumConstantDecl &Last) {
  const auto *Enum = llvm::dyn_cast<clang::EnumDecl>(Last.getDeclContext());
  if (!Enum || Enum->getName().empty())
    return false;
  std::vector<std::string> Words = enumeratorWords(std::string_view(Last.getName()));
  std::vector<std::string> EnumWords = identifierWords(std::string_view(Enum->getName()));
  auto InEnum = [&](const std::string &Word) {
    return std::find(EnumWords.begin(), EnumWords.end(), Word) != EnumWords.end();
  };
  if (Words.size() < 3)
    return false;
  // The bound word, and not as the last word: `ZoomMax` in `Zoom` is the greatest zoom.
  for (size_t I = 0; I + 1 < Words.size(); ++I) {
    const std::string &Word = Words[I];
    if ((Word == "max" || Word == "num" || Word == "count" || Word == "last") && !InEnum(Word))
      return std::all_of(Words.begin(), Words.end(),
                         [&](const std::string &W) { return &W == &Word || InEnum(W); });
  }
  return false;
}

// `NUMENCODINGS` in `ID3_TextEnc`, `NUMTYPES` in `CustomDataType`, `NUMHOOKS` in `nf_dev_hooks`:
// the last `_`-separated word, upper case, is a bound word glued to a noun that starts with a
// word of the enum's own name (three letters or more): the number of the things the enum lists.
// `NUMBER` in `Token`, `MAXIMUM` in `TransformationComp`, `COUNTER` in `fecap_scale_params` name
// no such noun.
static bool countsTheEnumsNoun(const clang::EnumConstantDecl &Last, const clang::EnumDecl &Enum) {
  std::string_view Word(Last.getName());
  while (!Word.empty() && Word.back() == '_')
    Word.remove_suffix(1);
  if (size_t Underscore = Word.rfind('_'); Underscore != std::string_view::npos)
    Word.remove_prefix(Underscore + 1);
  if (!llvm::all_of(Word, [](char C) {
        return std::isupper(static_cast<unsigned char>(C)) ||
               std::isdigit(static_cast<unsigned char>(C));
      }))
    return false;
  std::string_view Noun;
  for (std::string_view Bound : {"NUM", "COUNT", "MAX"})
    if (Word.size() > Bound.size() && Word.starts_with(Bound))
      Noun = Word.substr(Bound.size());
  if (Noun.empty())
    return false;
  std::string LowerNoun = llvm::StringRef(Noun.data(), Noun.size()).lower();
  return llvm::any_of(identifierWords(std::string_view(Enum.getName())), [&](const std::string &W) {
    return W.size() >= 3 && llvm::StringRef(LowerNoun).starts_with(W);
  });
}

bool isGluedCount(const clang::EnumConstantDecl &Last) {
  const auto *Enum = llvm::dyn_cast<clang::EnumDecl>(Last.getDeclContext());
  const llvm::APSInt &Count = Last.getInitVal();
  if (!Enum || Enum->getName().empty() || !countsTheEnumsNoun(Last, *Enum) ||
      Count.isNegative() || Count.isZero() || Count.getActiveBits() > 16)
    return false;
  const uint64_t N = Count.getZExtValue();
  std::vector<bool> Before(N, false);
  std::vector<llvm::APSInt> BeforeValues;
  bool Seen = false;
  for (const clang::EnumConstantDecl *E : Enum->enumerators()) {
    const llvm::APSInt &V = E->getInitVal();
    if (E == &Last) {
      Seen = true;
      continue;
    }
    if (Seen) {
      // After the count, only other names of values before it (not of the count itself).
      if (!llvm::any_of(BeforeValues,
                        [&](const llvm::APSInt &B) { return llvm::APSInt::isSameValue(B, V); }))
        return false;
      continue;
    }
    BeforeValues.push_back(V);
    if (V.isNegative())
      continue;
    if (V.getActiveBits() > 16 || V.getZExtValue() >= N)
      return false;
    Before[V.getZExtValue()] = true;
  }
  return llvm::all_of(Before, [](bool B) { return B; });
}

std::string_view nameAfterTheEnumsPrefix(const clang::EnumConstantDecl &Enumerator) {
  std::string_view Name(Enumerator.getName());
  const auto *Enum = llvm::dyn_cast<clang::EnumDecl>(Enumerator.getDeclContext());
  if (!Enum)
    return {};
  size_t Shared = Name.size();
  unsigned Others = 0;
  for (const clang::EnumConstantDecl *Other : Enum->enumerators()) {
    if (Other == &Enumerator)
      continue;
    std::string_view OtherName(Other->getName());
    size_t I = 0;
    while (I < Shared && I < OtherName.size() && OtherName[I] == Name[I])
      ++I;
    Shared = I;
    ++Others;
  }
  // Back to the start of a CamelCase word of this name: `FooLa` shared with `FooLast` is `Foo`.
  while (Shared > 0 && !std::isupper(static_cast<unsigned char>(Name[Shared])))
    --Shared;
  if (Others < 2 || Shared == 0 || Shared >= Name.size())
    return {};
  return Name.substr(Shared);
}

// The remainder after the shared prefix is held to the globs as written (`NumTypes` is
// `Num[A-Z]*`) and as the upper-case word after a prefix (`Last` as `X_LAST`, `*_LAST`). Not a
// remainder that starts with `Max`: after a prefix it is a value as often as a bound (`ZoomMax`
// after `ZoomMin`, the greatest zoom; `StreamMaxRate`, a field).
static bool boundAfterTheEnumsPrefix(const clang::EnumConstantDecl &Last,
                                     const std::vector<Glob> &Names) {
  std::string_view Rest = nameAfterTheEnumsPrefix(Last);
  if (Rest.empty() || Rest.starts_with("Max"))
    return false;
  std::string Upper = "X_";
  for (char C : Rest)
    Upper += static_cast<char>(std::toupper(static_cast<unsigned char>(C)));
  return matchesAny(Names, Rest) || matchesAny(Names, Upper);
}

bool isCountBeforeCatchAlls(const clang::EnumConstantDecl &Enumerator,
                            const SentinelPolicy &Sentinels,
                            const std::vector<std::string> &CatchAllWords) {
  const auto *Enum = llvm::dyn_cast<clang::EnumDecl>(Enumerator.getDeclContext());
  if (!Enum || !Sentinels.isSentinel(Enumerator, /*IsLast=*/true, /*Aliased=*/false))
    return false;
  std::vector<const clang::EnumConstantDecl *> After;
  bool Seen = false;
  for (const clang::EnumConstantDecl *E : Enum->enumerators()) {
    if (Seen)
      After.push_back(E);
    Seen = Seen || E == &Enumerator;
  }
  auto IsCatchAll = [&](const clang::EnumConstantDecl *E) {
    return namesACatchAll(*E, CatchAllWords);
  };
  // `NoEPSquare = 255` beside `InvalidSquare = 255`: another name of a catch-all's value.
  auto AliasesACatchAll = [&](const clang::EnumConstantDecl *E) {
    return llvm::any_of(After, [&](const clang::EnumConstantDecl *Other) {
      return Other != E && IsCatchAll(Other) &&
             llvm::APSInt::isSameValue(Other->getInitVal(), E->getInitVal());
    });
  };
  return !After.empty() && llvm::all_of(After, [&](const clang::EnumConstantDecl *E) {
    return IsCatchAll(E) || AliasesACatchAll(E);
  });
}

bool SentinelPolicy::isSentinel(const clang::EnumConstantDecl &Enumerator, bool IsLast,
                                bool Aliased) const {
  std::string_view Name(Enumerator.getName());
  if (isProtobufRangeSentinel(Name))
    return true;
  if (SizeForcing && IsLast && isSizeForcingValue(Enumerator.getInitVal()))
    return true;
  if (IsLast && (isMaskOfTheOthers(Enumerator) || restatesTheEnumWithABound(Enumerator) ||
                 isGluedCount(Enumerator)))
    return true;
  if (IsLast && boundAfterTheEnumsPrefix(Enumerator, Names))
    return true;
  return (IsLast || Aliased) && matchesAny(Names, Name);
}

} // namespace contractcheck
