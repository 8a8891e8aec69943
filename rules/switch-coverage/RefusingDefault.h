// Whether a switch's `default:` refuses what reaches it: every path from the label throws or
// calls a function that does not return, before anything leaves the switch.
#pragma once

namespace clang {
class ASTContext;
class DefaultStmt;
class HeaderSearch;
class SwitchStmt;
} // namespace clang

namespace contractcheck {

// `default: throw std::invalid_argument(...)`, `default: SPIRV_CROSS_THROW("...")`,
// `default: fatal("...")` ([[noreturn]]), `abort()`, `std::terminate()`,
// `__builtin_unreachable()`, `std::unreachable()`, `LOG(FATAL) << ...` (a temporary whose
// destructor does not return). Read from the AST (a throw, a no-return callee, a no-return
// destructor), so a project's macros and helpers count through what they expand to. A refusal
// is final only when nothing but `break` follows it on its path: code after it is what a build
// in which it returns runs (`LOG(DFATAL) << ...; return fallback;`). The standard `assert` is
// never a refusal: NDEBUG compiles it out. Falling into the default from a `case` above, or
// other cases falling through below it, does not matter: the statements from the label on are
// followed until they leave the switch. Returning an error value, logging, or a fallback value
// is not a refusal (see docs/rules/contract-switch-coverage.md, "A default that refuses").
// A helper's body is read where it is the project's (inALibrarysHeader, LibraryHeaders.h; Headers:
// the TU's header search).
bool defaultRefuses(const clang::SwitchStmt &Switch, const clang::DefaultStmt &Default,
                    const clang::ASTContext &Ctx, const clang::HeaderSearch *Headers);

} // namespace contractcheck
