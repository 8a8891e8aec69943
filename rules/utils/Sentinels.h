// Which enumerators are sentinels (counts, bounds, protoc's range guards) rather than states: one
// policy for every rule that checks code covers an enum.
#pragma once

#include "Glob.h"

#include <llvm/ADT/APSInt.h>

#include <string>
#include <string_view>
#include <vector>

namespace clang {
class EnumConstantDecl;
} // namespace clang

namespace contractcheck {

// The `sentinels` option of every enum-completeness rule: its default and its help text.
// Counts and bounds in every spelling: `kCount`, `Count`, `COUNT`, `FOO_COUNT`, `NUM_FOOS`,
// `kNumFoos`, `NumFileTypes`, `MaxShape`, and the trailing-underscore style (`COUNT_`,
// `FOO_LAST_`; BehaviorTree.CPP's `PreCond::COUNT_`), stella's `numTimings` and `LastGroup`,
// i2pd's `eNumLogLevels`, Exiv2's lower-camelCase bound `lastTypeId = 0x1ffff` ("Last type
// id"), the bare upper-case `MAX` (gerbera's `ResourceAttribute::MAX`, the end of its
// attribute iterator) and the bare lower-case `count` of lowerCamel enums (OpenRCT2's
// `EntityType::count`, `StaffType::count`), and FFmpeg's `_NB` ("number of": `AV_SAMPLE_FMT_NB`,
// `AV_PIX_FMT_NB`, `AVMEDIA_TYPE_NB`, each documented "Number of ...; DO NOT USE if linking
// dynamically"), and SRT's "enum size" `_E_SIZE` (`SRTO_E_SIZE // Always last element, not a
// valid option`, `BKUPST_E_SIZE`, `TEV_E_SIZE`; a plain last `FONT_SIZE` stays a member).
// CamelCase `Num`/`Max`/`Last`/`last` need a capital after them so `Number`, `Maximum`, `Last`
// and `last` stay members.
inline constexpr std::string_view DefaultSentinelGlobs =
    "*Count;*_COUNT;*_count;kMax*;*_LAST;*_MAX;NUM_*;num_*;n_*;MAX_*;kNum*;Num[A-Z]*;num[A-Z]*;"
    "NumberOf[A-Z]*;Max[A-Z]*;Last[A-Z]*;last[A-Z]*;eNum[A-Z]*;*Count_;COUNT;COUNT_;*_COUNT_;"
    "LAST_;*_LAST_;*_MAX_;MAX;count;*_NB;*_E_SIZE";
inline constexpr std::string_view SentinelsHelp =
    "Name globs of sentinel enumerators, exempt when they are the last enumerator or alias "
    "another one (protoc's *_INT_MIN/MAX_SENTINEL_DO_NOT_USE_ are exempt wherever they stand).";

class SentinelPolicy {
public:
  // SizeForcing: a last enumerator at the top of a 32- or 64-bit range is a sentinel whatever
  // its name (see isSizeForcingValue).
  explicit SentinelPolicy(std::vector<Glob> Names, bool SizeForcing = true)
      : Names(std::move(Names)), SizeForcing(SizeForcing) {}

  // A name that looks like a sentinel is one only where a sentinel can stand: at the end of the
  // enum (IsLast) or as an alias of another enumerator (Aliased). In the middle of the enum it is
  // an ordinary member. Protocol Buffers' range guards are sentinels wherever they stand.
  bool isSentinel(const clang::EnumConstantDecl &Enumerator, bool IsLast, bool Aliased) const;

private:
  std::vector<Glob> Names;
  bool SizeForcing;
};

// `k_EState__Force32Bit = 0x7fffffff`, `D3DFMT_FORCE_DWORD = 0x7fffffff`,
// `VK_FORMAT_MAX_ENUM = 0x7FFFFFFF`, `FOO_FORCE_UINT = 0xffffffff`: a value at the top of a 32- or
// 64-bit range, there only to force the enum's underlying type, never produced.
bool isSizeForcingValue(const llvm::APSInt &Value);

// Qt's `MPenStyle = 0x0f` after the pen styles 0..6 (and `MPenCapStyle = 0x30`, `MPenJoinStyle =
// 0x1c0`), `TYPE_MASK = 0xff`: a last enumerator named as a mask (a lone `M` first word, as Qt
// spells them, or the word "mask") whose value is one run of set bits that holds every other
// value, is above them all and is not the next value after them. It is the bits the values live
// in, never a value itself.
bool isMaskOfTheOthers(const clang::EnumConstantDecl &Last);

// Ostinato's `StreamModel::StreamFields { StreamIcon, StreamStatus, StreamName, StreamNextWhat,
// StreamMaxFields }`: a last enumerator spelt as the enum's own name with a bound word (`Max`,
// `Num`, `Count`, `Last`) inserted, not as its last word, is the number of members (the column
// count), never a member. `ZoomMax` in `Zoom` (the bound word last) is the greatest zoom, and
// `StreamMaxRate` (a word the enum's name lacks) a member.
bool restatesTheEnumWithABound(const clang::EnumConstantDecl &Last);

// id3lib's `ID3_TextEnc { ID3TE_NONE = -1, ID3TE_ISO8859_1, ID3TE_UTF16, ID3TE_UTF16BE,
// ID3TE_UTF8, ID3TE_NUMENCODINGS, ID3TE_ASCII = ID3TE_ISO8859_1, ID3TE_UNICODE = ID3TE_UTF16 }`:
// an upper-case count whose bound word is glued to its noun (`NUMENCODINGS`, not `NUM_ENCODINGS`,
// which the globs take) is a count when both its name and the enum's shape say so. The name: its
// last word is `NUM`, `COUNT` or `MAX` glued to a noun that starts with a word of the enum's name
// (`ENCODINGS` and `TextEnc`; not `NUMBER` in `Token`, `MAXIMUM`, `COUNTER`). The shape: it is the
// last enumerator with a value of its own, its value is the number of the values before it,
// which are 0 to that value less one (negative "no value" markers aside), and whatever follows
// it is another name of a value before it. Neither alone is evidence: the name words are English
// words too, and a last member followed by aliases (`ResizeToContents, Custom = Fixed`) is a member.
bool isGluedCount(const clang::EnumConstantDecl &Last);

// glslang's `EvqLast` after `EvqTemporary, EvqGlobal, ...` and `EbtNumTypes` after `EbtVoid,
// EbtFloat, ...`: the name with the prefix every enumerator of its enum shares taken off (`Last`,
// `NumTypes`), in CamelCase, the way `FOO_LAST` is `LAST` after `FOO_`. A prefix ends before a
// capital of the name, so `Last` alone and `Page::last` (no shared prefix) are not affected.
std::string_view nameAfterTheEnumsPrefix(const clang::EnumConstantDecl &Enumerator);

// protoc emits `<ENUM>_INT_MIN_SENTINEL_DO_NOT_USE_` and `..._INT_MAX_SENTINEL_DO_NOT_USE_` into
// every open enum to pin its underlying type; they are neither last nor aliases, never states.
bool isProtobufRangeSentinel(std::string_view Name);

// The `PAYLOAD_NOT_SET` member protoc emits, with value 0, into the `PayloadCase` enum of every
// oneof: "no field set", which a switch with `default:` leaves to its default on purpose.
bool isProtobufOneofNotSet(const clang::EnumConstantDecl &Enumerator);

// The words that name a catch-all enumerator: "none", "null", "unknown", "invalid", ... A switch that
// leaves such an enumerator to `default:` handles it there by design (opentelemetry-cpp's
// `AggregationType::kDefault` delegates to the default aggregation in `default:`; `Unknown`
// and `Invalid` are what `default:` is written for).
inline constexpr std::string_view DefaultCatchAllWords =
    "none;null;unknown;invalid;unspecified;undefined;default;any";

// A switch's `default:` is also where "everything else" goes: `DesktopInfo::WM::OTHER`
// (flameshot) is the window manager the code has no special case for, which is what `default:`
// is written for. A table is another matter: one that prints every value owes `Gender::Other`
// its name like any member, so "other" is contract-switch-coverage's word only.
inline constexpr std::string_view DefaultSwitchCatchAllWords =
    "none;null;unknown;invalid;unspecified;undefined;default;any;other";
static_assert(DefaultSwitchCatchAllWords.starts_with(DefaultCatchAllWords),
              "a switch's catch-alls are the tables' and more");

// A `catch-alls` option's words as namesACatchAll compares them: lower-case.
std::vector<std::string> catchAllWordsOf(std::vector<std::string> OptionWords);

// Whether the enumerator is named like a catch-all, in any spelling: the catch-all word alone
// (`None`, `NONE`, `kNone`, `eInvalid`, `Unknown_`), as the last word (`FOO_UNKNOWN`,
// `kTypeInvalid`), or as the first word followed only by words of the enum's own name
// (`UnknownType` in `FileType`; not `kInvalidArgument` in `StatusCode`). Words are compared
// lower-case.
bool namesACatchAll(const clang::EnumConstantDecl &Enumerator,
                    const std::vector<std::string> &CatchAllWords);

// `numOps, invalid }` (stella's CortexM0 decoder), `NumSquares, InvalidSquare = 255, NoEPSquare =
// 255` (ChessX's squares), `NUM_NAME_TYPES, NAME_INVALID = 99` (SCID's name types): a count
// followed only by catch-all values (and aliases of them) is still the count, the way a last one
// is. The catch-alls after it are "no value" markers, not members it counts: no switch owes it a
// case and no array indexed by the enum a slot.
bool isCountBeforeCatchAlls(const clang::EnumConstantDecl &Enumerator,
                            const SentinelPolicy &Sentinels,
                            const std::vector<std::string> &CatchAllWords);

// "None" spelt as "No" before words of the enum's own name, while "none" is a catch-all word:
// `NoError` in `NetworkError` (QNetworkReply's, which an error-message table has no text for),
// `NO_DIRECTION` in `Direction`, and, for an enum declared in a class, before words of the
// class's name: `NoSide` in cutechess's `Side::Type` (every use spells `Side::NoSide`); not a
// lone `No` (an answer), nor `NoProxy` in `ConnectionPolicy`. contract-enum-table's reading only: a switch's `default:` may still hide
// such a value by drift (ninja's `WorkResult::NoWork` after a timed-out wait).
bool namesNoneAsNo(const clang::EnumConstantDecl &Enumerator,
                   const std::vector<std::string> &CatchAllWords);

} // namespace contractcheck
