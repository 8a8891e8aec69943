#include "rules/mock-drift/MockDriftMap.h"

#include "rules/mock-drift/MockPairing.h"
#include "SourcePositions.h"

#include <clang/AST/DeclCXX.h>
#include <clang/Basic/SourceManager.h>

#include <algorithm>

using namespace clang;

namespace contractcheck {

namespace {

// The methods a stand-in may stand in for, the class's own first, then its bases': public,
// named, not special; through inheritance only virtual ones can be overridden.
std::vector<std::string> serviceMethods(const CXXRecordDecl &Real, bool VirtualOnly) {
  std::vector<std::string> Names;
  std::vector<const CXXRecordDecl *> Classes{&Real};
  for (size_t Next = 0; Next < Classes.size(); ++Next) {
    for (const CXXMethodDecl *M : Classes[Next]->methods()) {
      if (M->isImplicit() || !M->getIdentifier() || M->isStatic() || M->isDeleted() ||
          M->getAccess() != AS_public || isa<CXXConstructorDecl, CXXDestructorDecl>(M) ||
          (VirtualOnly && !M->isVirtual()))
        continue;
      std::string Name = M->getNameAsString();
      if (std::find(Names.begin(), Names.end(), Name) == Names.end())
        Names.push_back(std::move(Name));
    }
    for (const CXXBaseSpecifier &Base : Classes[Next]->bases())
      if (const CXXRecordDecl *Def = Base.getType()->getAsCXXRecordDecl())
        if ((Def = Def->getDefinition()) &&
            std::find(Classes.begin(), Classes.end(), Def) == Classes.end())
          Classes.push_back(Def);
  }
  return Names;
}

} // namespace

ServiceStandIn standInColumn(const CXXRecordDecl &Mock, const CXXRecordDecl &Real,
                             const MockStandInShape &Shape,
                             const std::map<std::string, MockMethodDrift> &Drifted,
                             const SourceManager &SM) {
  ServiceStandIn Column;
  Column.Service = className(Real);
  Column.ServiceAt = positionOf(SM.getExpansionLoc(Real.getLocation()), SM);
  Column.Methods = serviceMethods(Real, Shape.Inheritance);
  Column.StandIn = !Shape.Inheritance ? "template-injected mock" : Shape.GMock ? "mock" : "fake";
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
