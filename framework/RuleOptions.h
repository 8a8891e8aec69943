// The option values one rule runs with: validated by OptionParser, typed, defaults filled in.
#pragma once

#include "Glob.h"
#include "RuleInfo.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace contractcheck {

class RuleOptions {
public:
  // Every option at its default.
  explicit RuleOptions(const RuleInfo &Rule);
  // Given holds validated values (OptionParser) for the keys the user set; the rest default.
  RuleOptions(const RuleInfo &Rule, nlohmann::json Given);

  bool getBool(std::string_view Key) const;
  std::string getString(std::string_view Key) const; // String and Choice
  unsigned getUnsigned(std::string_view Key) const;  // Unsigned and Percent
  std::vector<std::string> getList(std::string_view Key) const;
  std::vector<Glob> getGlobs(std::string_view Key) const;
  // A RecordList as T, read with T's from_json (nlohmann's ADL hook).
  template <typename T> std::vector<T> getRecords(std::string_view Key) const {
    return get(Key).get<std::vector<T>>();
  }
  const nlohmann::json &get(std::string_view Key) const;

  // Every option, defaults included, as one JSON object: the canonical form that keys caches
  // and is written back to clang-tidy (storeOptions).
  const nlohmann::json &values() const { return Values; }

private:
  const RuleInfo &Rule;
  nlohmann::json Values;
};

} // namespace contractcheck
