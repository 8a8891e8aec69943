// The report's maps: for each enum with a consumer, its enumerators against its consumers; for
// each service with a stand-in, its methods against its stand-ins. Built from what the rules saw
// (framework/ContractMap.h), whether it came from this run's TUs, the result store or a global
// rule, so a warm, cold or sharded run draws the same maps.
#pragma once

#include "ContractMap.h"

#include <nlohmann/json_fwd.hpp>

#include <functional>
#include <string>
#include <vector>

namespace contractcheck {

struct EnumMapEntry {
  std::string Enum;
  SourcePosition At;
  std::vector<std::string> Enumerators; // rows
  std::vector<EnumConsumer> Consumers;  // columns
};

struct ServiceMapEntry {
  std::string Service;
  SourcePosition At;
  std::vector<std::string> Methods;      // rows
  std::vector<ServiceStandIn> StandIns;  // columns
};

struct ContractMaps {
  std::vector<EnumMapEntry> Enums;       // by name
  std::vector<ServiceMapEntry> Services; // by name
};

// The version of the JSON report's `map` section (docs/json-output.md).
constexpr unsigned ContractMapsVersion = 1;

class ContractMapBuilder {
public:
  void add(EnumConsumer Consumer) { Consumers.push_back(std::move(Consumer)); }
  void add(ServiceStandIn StandIn) { StandIns.push_back(std::move(StandIn)); }
  // Every path is passed through Canonical (the spelling findings use) before merging; columns
  // seen twice (a header's switch in many TUs, a global rule run per configuration) count once.
  ContractMaps finish(const std::function<std::string(const std::string &)> &Canonical);

private:
  std::vector<EnumConsumer> Consumers;
  std::vector<ServiceStandIn> StandIns;
};

nlohmann::json toJson(const ContractMaps &Maps);

} // namespace contractcheck
