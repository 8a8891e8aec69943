// Key paths into data files, as configured for contract-enum-name: "routes[*].channel" (dotted
// map keys, "[*]" for every element of a list, "[N]" for one, "*" for every value of a map).
#pragma once

#include "DataDocument.h"

namespace contractcheck {

class DataKeyPath {
public:
  struct Step {
    enum class Kind { Key, AnyKey, Index, AnyIndex };
    Kind K;
    std::string Key;
    size_t Index = 0;
  };

  // nullopt with Message set (naming the 1-based character) when Text is malformed.
  static std::optional<DataKeyPath> parse(std::string_view Text, std::string &Message);

  // Every node the path reaches, in document order. An absent key, an index past the end or a
  // node of another shape ends that branch quietly: data files need not hold every key.
  std::vector<const DataNode *> match(const DataNode &Root) const;

  const std::string &text() const { return Text; }
  const std::vector<Step> &steps() const { return Steps; }

private:
  DataKeyPath(std::string Text, std::vector<Step> Steps)
      : Text(std::move(Text)), Steps(std::move(Steps)) {}
  std::string Text;
  std::vector<Step> Steps;
};

} // namespace contractcheck
