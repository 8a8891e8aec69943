// contract-declared-service's columns of the report's service map: a contract file, each method
// it declares against what the class offers; the declarations the rule reported are its drift.
#pragma once

#include "ContractMap.h"

#include <string>
#include <string_view>

namespace clang {
class CXXRecordDecl;
class SourceManager;
} // namespace clang

namespace contractcheck {

struct ServiceContract;

// The column without cells; Label names the contract file.
ServiceStandIn contractColumn(const ServiceContract &Contract, const clang::CXXRecordDecl &Service,
                              std::string Label, const clang::SourceManager &SM);

// The method a declaration declares, the name before its parameter list ("send" of
// "void send(const Order &) const;"); the whole text when it has none.
std::string declaredMethodName(std::string_view Declaration);

} // namespace contractcheck
