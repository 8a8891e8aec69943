#include "rules/mock-drift/MockDriftMap.h"

#include "rules/mock-drift/MockPairing.h"
#include "rules/utils/ServiceMethods.h"
#include "SourcePositions.h"

#include <clang/AST/DeclCXX.h>
#include <clang/Basic/SourceManager.h>

#include <algorithm>

using namespace clang;

namespace contractcheck {

ServiceStandIn standInColumn(const CXXRecordDecl &Mock, const CXXRecordDecl &Real,
                             const MockStandInShape &Shape,
                             const std::map<std::string, MockMethodDrift> &Drifted,
                             const SourceManager &SM) {
  ServiceStandIn Column;
  Column.Service = className(Real);
  Column.ServiceAt = positionOf(SM.getExpansionLoc(Real.getLocation()), SM);
  Column.Methods = serviceMethods(Real, Shape.Inheritance);
  // Only an injection the TU saw makes a template-injected mock: a mock paired by its name and
  // judged exactly is a mock (the label contradicted the findings on MAVSDK's header mocks).
  Column.StandIn = Shape.Injected ? "template-injected mock" : Shape.GMock ? "mock" : "fake";
  Column.Label = className(Mock);
  Column.At = positionOf(SM.getExpansionLoc(Mock.getLocation()), SM);
  auto Has = [&](const std::string &Name) {
    return std::find(Shape.Names.begin(), Shape.Names.end(), Name) != Shape.Names.end();
  };
  for (const std::string &Name : Column.Methods) {
    if (auto It = Drifted.find(Name); It != Drifted.end())
      Column.Cells.push_back({Name, "differing", It->second.What, It->second.Where});
    else if (Has(Name))
      Column.Cells.push_back({Name, "matching", {}, {}});
  }
  // A drifted mock method whose name the service lacks is a row of its own.
  for (const auto &[Name, Drift] : Drifted)
    if (std::find(Column.Methods.begin(), Column.Methods.end(), Name) == Column.Methods.end())
      Column.Cells.push_back({Name, "differing", Drift.What, Drift.Where});
  return Column;
}

} // namespace contractcheck
