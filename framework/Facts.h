// Facts: what a per-TU pass learned that only the whole codebase can judge (an enum's members,
// a mock's methods, a string-dispatch registration). Each rule declares its fact structs once,
// beside the rule, as types with
//   static constexpr std::string_view Kind;   // e.g. "mock-class"
//   static constexpr unsigned Version;        // bumped whenever the struct's JSON changes
//   std::string key() const;                  // what identifies it across TUs: a USR
// and to_json/from_json, declared once with CONTRACTCHECK_JSON_FIELDS (JsonFields.h). Per-TU
// halves emit them, global halves read them back typed from the FactStore, indexed by
// (rule, kind, key).
#pragma once

#include "RuleInfo.h"

#include <nlohmann/json.hpp>

#include <concepts>
#include <map>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace contractcheck {

template <typename T>
concept FactType = requires(const T &F) {
  { T::Kind } -> std::convertible_to<std::string_view>;
  { T::Version } -> std::convertible_to<unsigned>;
  { F.key() } -> std::convertible_to<std::string>;
};

// A fact as it travels between phases, caches and shards.
struct Fact {
  std::string RuleId;
  std::string Kind;
  std::string Key;
  unsigned Version = 0;
  nlohmann::json Data;
  friend bool operator==(const Fact &, const Fact &) = default;
};

void to_json(nlohmann::json &J, const Fact &F);
void from_json(const nlohmann::json &J, Fact &F);

template <FactType T> Fact makeFact(std::string_view RuleId, const T &Value) {
  return {std::string(RuleId), std::string(T::Kind), Value.key(), T::Version,
          nlohmann::json(Value)};
}

// A fact whose version or shape is not the one this binary's rule declares. The result store
// treats such results as misses, so meeting one here is a defect, reported, never skipped.
class FactVersionError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

// The merged facts of a run. A header seen by many TUs yields the same fact many times; it is
// stored once. Iteration is in (key, insertion) order, so what a global rule sees does not depend
// on the order TUs finished in, as long as facts are added in a deterministic order.
class FactStore {
public:
  void add(Fact F);
  size_t size() const { return Count; }

  // Every fact of T's kind that RuleId emitted, decoded, in key order.
  template <FactType T> std::vector<T> all(std::string_view RuleId) const {
    std::vector<T> Values;
    if (const Bucket *B = bucket(RuleId, T::Kind))
      for (const auto &[Key, Facts] : *B)
        for (const Fact &F : Facts)
          Values.push_back(decode<T>(F));
    return Values;
  }

  // The facts of T's kind with this key (e.g. the same class seen by several TUs).
  template <FactType T> std::vector<T> withKey(std::string_view RuleId, const std::string &Key) const {
    std::vector<T> Values;
    if (const Bucket *B = bucket(RuleId, T::Kind))
      if (auto It = B->find(Key); It != B->end())
        for (const Fact &F : It->second)
          Values.push_back(decode<T>(F));
    return Values;
  }

private:
  using Bucket = std::map<std::string, std::vector<Fact>, std::less<>>;

  template <FactType T> static T decode(const Fact &F) {
    if (F.Version != T::Version)
      throw FactVersionError("fact '" + F.Kind + "' of " + F.RuleId + " has version " +
                             std::to_string(F.Version) + ", this contractcheck reads version " +
                             std::to_string(T::Version));
    try {
      return F.Data.get<T>();
    } catch (const nlohmann::json::exception &E) {
      throw FactVersionError("fact '" + F.Kind + "' of " + F.RuleId + " does not read as version " +
                             std::to_string(T::Version) + ": " + E.what());
    }
  }

  const Bucket *bucket(std::string_view RuleId, std::string_view Kind) const;

  std::map<std::pair<std::string, std::string>, Bucket> Buckets; // by (rule, kind)
  size_t Count = 0;
};

// The facts one rule's per-TU half emitted, and those of the shared analyses it reads
// (RuleInfo::Analyses), as its global half reads them: the rule is fixed when the engine hands
// the view over, so a read cannot name another rule, or misspell its own and silently find
// nothing. A kind an analysis declares is read from that analysis.
class RuleFacts {
public:
  RuleFacts(const FactStore &Store, std::string RuleId,
            std::span<const TUAnalysisInfo *const> Analyses = {})
      : Store(Store), RuleId(std::move(RuleId)), Analyses(Analyses) {}

  // Every fact of T's kind, decoded, in key order.
  template <FactType T> std::vector<T> all() const { return Store.all<T>(emitterOf(T::Kind)); }
  // The facts of T's kind with this key (e.g. the same class seen by several TUs).
  template <FactType T> std::vector<T> withKey(const std::string &Key) const {
    return Store.withKey<T>(emitterOf(T::Kind), Key);
  }

private:
  std::string_view emitterOf(std::string_view Kind) const {
    for (const TUAnalysisInfo *Analysis : Analyses)
      if (Analysis->findFactKind(Kind))
        return Analysis->Id;
    return RuleId;
  }

  const FactStore &Store;
  std::string RuleId;
  std::span<const TUAnalysisInfo *const> Analyses;
};

} // namespace contractcheck
