// Which enumerators are sentinels (counts, bounds, protoc's range guards) rather than states: one
// policy for every rule that checks code covers an enum.
#pragma once

#include "Glob.h"

#include <string_view>
#include <vector>

namespace clang {
class EnumConstantDecl;
} // namespace clang

namespace contractcheck {

// The `sentinels` option of every enum-completeness rule: its default and its help text.
inline constexpr std::string_view DefaultSentinelGlobs =
    "*Count;*_COUNT;*_count;kMax*;*_LAST;*_MAX;NUM_*;num_*;n_*;MAX_*;kNum*";
inline constexpr std::string_view SentinelsHelp =
    "Name globs of sentinel enumerators, exempt when they are the last enumerator or alias "
    "another one (protoc's *_INT_MIN/MAX_SENTINEL_DO_NOT_USE_ are exempt wherever they stand).";

class SentinelPolicy {
public:
  explicit SentinelPolicy(std::vector<Glob> Names) : Names(std::move(Names)) {}

  // A name that looks like a sentinel is one only where a sentinel can stand: at the end of the
  // enum (IsLast) or as an alias of another enumerator (Aliased). In the middle of the enum it is
  // an ordinary member. Protocol Buffers' range guards are sentinels wherever they stand.
  bool isSentinel(const clang::EnumConstantDecl &Enumerator, bool IsLast, bool Aliased) const;

private:
  std::vector<Glob> Names;
};

// protoc emits `<ENUM>_INT_MIN_SENTINEL_DO_NOT_USE_` and `..._INT_MAX_SENTINEL_DO_NOT_USE_` into
// every open enum to pin its underlying type; they are neither last nor aliases, never states.
bool isProtobufRangeSentinel(std::string_view Name);

// The `PAYLOAD_NOT_SET` member protoc emits, with value 0, into the `PayloadCase` enum of every
// oneof: "no field set", which a switch with `default:` leaves to its default on purpose.
bool isProtobufOneofNotSet(const clang::EnumConstantDecl &Enumerator);

// An enumerator that names the default itself (`kDefault`, `Default`, `DEFAULT`, `FOO_DEFAULT`):
// a switch that leaves it to `default:` handles it there by design (opentelemetry-cpp's
// `AggregationType::kDefault` delegates to the default aggregation in `default:`).
bool namesTheDefault(const clang::EnumConstantDecl &Enumerator);

} // namespace contractcheck
