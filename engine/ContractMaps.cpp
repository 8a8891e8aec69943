#include "ContractMaps.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <tuple>

namespace contractcheck {

namespace {

using CanonicalFn = std::function<std::string(const std::string &)>;

void canonicalize(SourcePosition &P, const CanonicalFn &Canonical) {
  if (!P.File.empty())
    P.File = Canonical(P.File);
}

void canonicalize(std::vector<MapCell> &Cells, const CanonicalFn &Canonical) {
  for (MapCell &Cell : Cells)
    canonicalize(Cell.FindingAt, Canonical);
}

// Rows in the order the definition gives them; a row only some columns know (a member the
// service lacks, an enumerator another TU's definition has) goes after them.
void addRows(std::vector<std::string> &Rows, const std::vector<std::string> &Declared,
             const std::vector<MapCell> &Cells) {
  auto AddRow = [&](const std::string &Row) {
    if (std::find(Rows.begin(), Rows.end(), Row) == Rows.end())
      Rows.push_back(Row);
  };
  for (const std::string &Row : Declared)
    AddRow(Row);
  for (const MapCell &Cell : Cells)
    AddRow(Cell.Row);
}

// Columns in source order, then by what they are; duplicates dropped.
template <typename Column> void sortColumns(std::vector<Column> &Columns) {
  auto Key = [](const Column &C) {
    return std::tie(C.At.File, C.At.Line, C.At.Column, C.Label, C.Rule);
  };
  std::stable_sort(Columns.begin(), Columns.end(),
                   [&](const Column &A, const Column &B) { return Key(A) < Key(B); });
  Columns.erase(std::unique(Columns.begin(), Columns.end(),
                            [&](const Column &A, const Column &B) { return Key(A) == Key(B); }),
                Columns.end());
}

// The report leaves out what a cell does not have (no "how", no "finding"); the stored fact keeps
// every field.
nlohmann::json cellsJson(const std::vector<MapCell> &Cells) {
  nlohmann::json Out = nlohmann::json::array();
  for (const MapCell &Cell : Cells) {
    // The fields MapCell's to_json writes, without making those left out only to erase them
    // (a position object for every cell that has no finding).
    nlohmann::json &J = Out.emplace_back(nlohmann::json::object());
    J["row"] = Cell.Row;
    J["state"] = Cell.State;
    if (!Cell.How.empty())
      J["how"] = Cell.How;
    if (!Cell.FindingAt.File.empty())
      J["finding"] = Cell.FindingAt;
  }
  return Out;
}

} // namespace

ContractMaps ContractMapBuilder::finish(const CanonicalFn &Canonical) {
  std::map<std::string, EnumMapEntry> Enums;
  for (EnumConsumer &C : Consumers) {
    canonicalize(C.EnumAt, Canonical);
    canonicalize(C.At, Canonical);
    canonicalize(C.Cells, Canonical);
    EnumMapEntry &Entry = Enums[C.Enum];
    Entry.Enum = C.Enum;
    if (Entry.At.File.empty())
      Entry.At = C.EnumAt;
    addRows(Entry.Enumerators, C.Enumerators, C.Cells);
    Entry.Consumers.push_back(std::move(C));
  }
  std::map<std::string, ServiceMapEntry> Services;
  for (ServiceStandIn &S : StandIns) {
    canonicalize(S.ServiceAt, Canonical);
    canonicalize(S.At, Canonical);
    canonicalize(S.Cells, Canonical);
    ServiceMapEntry &Entry = Services[S.Service];
    Entry.Service = S.Service;
    if (Entry.At.File.empty())
      Entry.At = S.ServiceAt;
    addRows(Entry.Methods, S.Methods, S.Cells);
    Entry.StandIns.push_back(std::move(S));
  }
  Consumers.clear();
  StandIns.clear();

  ContractMaps Maps;
  for (auto &[Name, Entry] : Enums) {
    sortColumns(Entry.Consumers);
    Maps.Enums.push_back(std::move(Entry));
  }
  for (auto &[Name, Entry] : Services) {
    sortColumns(Entry.StandIns);
    Maps.Services.push_back(std::move(Entry));
  }
  return Maps;
}

nlohmann::json toJson(const ContractMaps &Maps) {
  auto Column = [](const auto &C) {
    return nlohmann::json{{"kind", C.Consumer}, {"label", C.Label}, {"location", C.At},
                          {"rule", C.Rule},     {"cells", cellsJson(C.Cells)}};
  };
  nlohmann::json Enums = nlohmann::json::array();
  for (const EnumMapEntry &E : Maps.Enums) {
    nlohmann::json Consumers = nlohmann::json::array();
    for (const EnumConsumer &C : E.Consumers)
      Consumers.push_back(Column(C));
    Enums.push_back({{"enum", E.Enum},
                     {"location", E.At},
                     {"enumerators", E.Enumerators},
                     {"consumers", Consumers}});
  }
  nlohmann::json Services = nlohmann::json::array();
  for (const ServiceMapEntry &S : Maps.Services) {
    nlohmann::json StandIns = nlohmann::json::array();
    for (const ServiceStandIn &C : S.StandIns)
      StandIns.push_back({{"kind", C.StandIn}, {"label", C.Label}, {"location", C.At},
                          {"rule", C.Rule},    {"cells", cellsJson(C.Cells)}});
    Services.push_back({{"service", S.Service},
                        {"location", S.At},
                        {"methods", S.Methods},
                        {"stand_ins", StandIns}});
  }
  return {{"version", ContractMapsVersion}, {"enums", Enums}, {"services", Services}};
}

} // namespace contractcheck
