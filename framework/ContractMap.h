// What the report's maps are drawn from: who depends on each enum (every switch over it, table,
// serialiser, parser, bound schema, proto, Python enum and data file) and who stands in for each
// service (mocks, fakes, declared contracts). Rules say what they saw while judging; a per-TU part
// emits these as facts (so the result store and `extract`/`check` keep them), a global part hands
// them to GlobalContext::map. The engine (engine/ContractMaps) merges them into the maps.
#pragma once

#include "Facts.h"
#include "Finding.h"
#include "JsonFields.h"

#include <string>
#include <vector>

namespace contractcheck {

// One row of one column: an enumerator as a consumer treats it, or a method as a stand-in has it.
struct MapCell {
  std::string Row;
  // Enum maps: "handled", "default" (left to `default:`), "missing", "sentinel".
  // Service maps: "matching", "differing", "absent".
  std::string State;
  std::string How; // what differs, or how the consumer spells the enumerator
  // Where the rule reported this cell as drift; no file when it did not.
  SourcePosition FindingAt;
  friend bool operator==(const MapCell &, const MapCell &) = default;
};

// Adds Cell as its row's only cell: a row seen twice (overloads of one method, one matching and
// one not) keeps the cell that is drift, else the first.
void addCell(std::vector<MapCell> &Cells, MapCell Cell);

// A consumer of an enum: one column of its enum map.
struct EnumConsumer {
  static constexpr std::string_view Kind = "map-enum-consumer";
  static constexpr unsigned Version = 1;
  std::string Enum; // qualified (enumQualifiedName), as bindings name enums
  SourcePosition EnumAt;
  std::vector<std::string> Enumerators; // the enum's, in declaration order
  // "switch", "table" (keyed by the enum), "json-serialize-enum", "string-to-enum", "schema", "proto",
  // "python", "data-file".
  std::string Consumer;
  std::string Label; // "switch in describe(OrderState)", "#/components/.../state"
  SourcePosition At;
  std::vector<MapCell> Cells;
  std::string Rule; // set by the engine: the rule that saw it
  std::string key() const { return Enum; }
  friend bool operator==(const EnumConsumer &, const EnumConsumer &) = default;
};

// A stand-in for a service class: one column of its service map.
struct ServiceStandIn {
  static constexpr std::string_view Kind = "map-service-stand-in";
  static constexpr unsigned Version = 1;
  std::string Service; // qualified class name
  SourcePosition ServiceAt;
  std::vector<std::string> Methods; // the service's, in declaration order
  // "mock", "fake", "template-injected mock", "declared contract", "string-dispatched name".
  std::string StandIn;
  std::string Label; // the mock class, the contract file
  SourcePosition At;
  std::vector<MapCell> Cells;
  std::string Rule; // set by the engine
  std::string key() const { return Service; }
  friend bool operator==(const ServiceStandIn &, const ServiceStandIn &) = default;
};

// These keys are the JSON report's `map` section's too (docs/json-output.md): one shape for the
// stored facts and the report.
CONTRACTCHECK_JSON_FIELDS(MapCell, (Row, "row"), (State, "state"), (How, "how"),
                          (FindingAt, "finding"))
CONTRACTCHECK_JSON_FIELDS(EnumConsumer, (Enum, "enum"), (EnumAt, "enum_location"),
                          (Enumerators, "enumerators"), (Consumer, "kind"), (Label, "label"),
                          (At, "location"), (Cells, "cells"), (Rule, "rule"))
CONTRACTCHECK_JSON_FIELDS(ServiceStandIn, (Service, "service"), (ServiceAt, "service_location"),
                          (Methods, "methods"), (StandIn, "kind"), (Label, "label"),
                          (At, "location"), (Cells, "cells"), (Rule, "rule"))

} // namespace contractcheck
