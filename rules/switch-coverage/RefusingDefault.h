// Whether a switch's `default:` refuses what reaches it: every path from the label throws or
// calls a function that does not return, before anything leaves the switch.
#pragma once

namespace clang {
class ASTContext;
class DefaultStmt;
class SwitchStmt;
} // namespace clang

namespace contractcheck {

// `default: throw std::invalid_argument(...)`, `default: SPIRV_CROSS_THROW("...")`,
// `default: fatal("...")` ([[noreturn]]), `abort()`, `std::terminate()`,
// `__builtin_unreachable()`, `std::unreachable()`, `assert(false)` / `assert(!"...")` (with or
// without NDEBUG), `LOG(FATAL) << ...` (a temporary whose destructor does not return). Read from
// the AST (a throw, a no-return callee, a no-return destructor), so a project's macros and
// helpers count through what they expand to; the standard `assert` is the one name read, since
// with NDEBUG nothing of it is left in the AST. Falling into the default from a `case` above,
// or other cases falling through below it, does not matter: the statements from the label on
// are followed until they leave the switch. Returning an error value, logging, or a fallback
// value is not a refusal (see docs/rules/contract-switch-coverage.md, "Refusing defaults").
bool defaultRefuses(const clang::SwitchStmt &Switch, const clang::DefaultStmt &Default,
                    const clang::ASTContext &Ctx);

} // namespace contractcheck
