#include "rules/declared-service/DeclaredServiceMap.h"

#include "rules/declared-service/ServiceContract.h"
#include "rules/utils/ServiceMethods.h"
#include "SourcePositions.h"

#include <clang/AST/DeclCXX.h>
#include <clang/Basic/CharInfo.h>
#include <clang/Basic/SourceManager.h>

namespace contractcheck {

ServiceStandIn contractColumn(const ServiceContract &Contract, const clang::CXXRecordDecl &Service,
                              std::string Label, const clang::SourceManager &SM) {
  ServiceStandIn Column;
  Column.Service = Service.getQualifiedNameAsString();
  Column.ServiceAt = positionOf(SM.getExpansionLoc(Service.getLocation()), SM);
  Column.Methods = serviceMethods(Service, /*VirtualOnly=*/false);
  Column.StandIn = "declared contract";
  Column.Label = std::move(Label);
  Column.At = {Contract.File, Contract.ServicePosition.Line, Contract.ServicePosition.Column, 0};
  return Column;
}

std::string declaredMethodName(std::string_view Declaration) {
  size_t Open = Declaration.find('(');
  if (Open == std::string_view::npos)
    return std::string(Declaration);
  size_t End = Open;
  while (End > 0 && clang::isWhitespace(Declaration[End - 1]))
    --End;
  size_t Begin = End;
  while (Begin > 0 && clang::isAsciiIdentifierContinue(Declaration[Begin - 1]))
    --Begin;
  // `operator()`, `operator==`: the operator's own spelling.
  std::string_view Name = Declaration.substr(Begin, End - Begin);
  if (Name.empty() || Declaration.substr(0, Open).find("operator") != std::string_view::npos) {
    size_t Operator = Declaration.find("operator");
    if (Operator != std::string_view::npos) {
      size_t Params = Declaration.find('(', Declaration.substr(Operator, 10) == "operator()"
                                                ? Operator + 10
                                                : Operator);
      std::string Spelled;
      for (char C : Declaration.substr(Operator, Params - Operator))
        if (!clang::isWhitespace(C))
          Spelled += C;
      return Spelled;
    }
  }
  return Name.empty() ? std::string(Declaration) : std::string(Name);
}

} // namespace contractcheck
