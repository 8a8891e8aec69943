// How a switch's own case labels name their enumerators, so inserted labels read like them.
#pragma once

#include <optional>
#include <string>

namespace clang {
class ASTContext;
class EnumDecl;
class SwitchStmt;
} // namespace clang

namespace contractcheck {

// The qualifier the switch's labels write before an enumerator of Enum, as written
// ("EventType::", "notify::EventType::", "" after `using enum` or for an unscoped enum);
// nullopt when no label spells one in plain source (all in macros, or none names Enum).
std::optional<std::string> caseLabelQualifier(const clang::SwitchStmt &Switch,
                                              const clang::EnumDecl &Enum,
                                              const clang::ASTContext &Ctx);

} // namespace contractcheck
