// contract-enum-name's columns of the report's enum map: a string-to-enum function whose body
// shows the names it accepts, each enumerator with the name that parses to it.
#pragma once

#include "ContractMap.h"

#include <map>
#include <string>

namespace clang {
class EnumConstantDecl;
class FunctionDecl;
class SourceManager;
} // namespace clang

namespace contractcheck {

struct AcceptedNames;

// An enumerator is handled by the names the body pairs with it (an if that returns it, a case,
// a table entry), else by an accepted name that spells it in one of the spellings the `names`
// options know (`"pending_ack"` for PendingAck). A name that parses to no enumerator the body
// shows is not a row.
// Which enumerator each accepted name parses to, where the body pairs them (an if that returns
// it, a case, a table entry); names the body pairs with nothing are absent.
std::map<std::string, const clang::EnumConstantDecl *>
parsedEnumerators(const clang::FunctionDecl &Parser, const AcceptedNames &Names);

EnumConsumer parserColumn(const clang::FunctionDecl &Parser, const AcceptedNames &Names,
                          const std::string &Label, const clang::SourceManager &SM);

} // namespace contractcheck
