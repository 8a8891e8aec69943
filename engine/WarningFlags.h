// Warning flags that provably change nothing in a parse: TUs whose commands differ in those
// alone may share a precompiled prefix (SharedHeaders.h).
//
// Every analysis command ends with -w (analysisCommandLine). Under -w a diagnostic is ignored
// unless its default mapping is an error and it is still mapped to one (DiagnosticIDs::
// getDiagnosticSeverity: -w ignores what is a warning, and an error that -Werror or -Werror=
// made of one). So a -W<group> flag, which maps the diagnostics of a group to warnings and never
// lowers an error (DiagnosticsEngine::setSeverity), changes no diagnostic's severity, and
// neither does -Wno-<group> when no diagnostic of the group is an error by default. Clang's
// parse asks the diagnostics only for those severities (whether a diagnostic is ignored, whether
// an error occurred), so the preprocessor and the AST are the same. What the driver makes of a
// warning flag besides a warning (-Wno-deprecated undefines __DEPRECATED, -Wwrite-strings makes
// C's string literals const, -Wp, passes preprocessor flags) is in the frontend's command line:
// a command counts as differing only in warnings when its frontend command line, without such
// flags, is that of the command without them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace clang {
class DiagnosticOptions;
}

namespace contractcheck {

// Whether Flag, as the frontend (cc1) reads it, is -W<group> or -Wno-<group> as above: a group
// Clang knows (or the no-op -W), not -Weverything, -Werror..., -Wfatal-errors...,
// -Wsystem-headers, nor -Wno- of a group holding a diagnostic that is an error by default.
bool isInertWarningFlag(std::string_view Flag);

// The diagnostics Clang 16 and later make errors by default where GCC 12 (Debian 12's) accepts the
// code: a TU written for GCC, in a database a GCC build wrote, must parse. Each is lowered to a
// warning (and so silenced by -w) on every analysis command: `-Wno-error=<group>`. The AST is the
// one Clang builds anyway (it recovers from each, as it does for a warning).
//   enum-constexpr-conversion: a constant expression casting an integer outside an enum's range
//     to it (Boost.MPL before 1.81, integral_wrapper's next/prior on an enum);
//   implicit-function-declaration, implicit-int, int-conversion,
//     incompatible-function-pointer-types: C89 habits in C code.
const std::vector<std::string> &errorsGccAccepts();

// Takes errorsGccAccepts' flags out of Args (an analysis command line) when they are its last
// ones (analysisCommandLine adds them after the command; --extra-arg's come after them, and may
// hold a warning flag meant to win: then they stay) and returns whether it did. The caller
// then gives them to both DiagnosticOptions of the parse, the driver's and the frontend's, with
// addErrorsGccAccepts, which gives the same diagnostics' severities: on the command line they
// were the last -W flags, and the options hold a command's warning flags in their order. The
// driver's and the frontend's argument parsers took 0.2 M instructions for these five flags
// (BuildCompilation, CreateFromArgs, CreateAndPopulateDiagOpts), 0.5 % of a one-file run
// whose parse is nothing. The command as keyed, stored and shared (SharedHeaders.h) keeps them.
bool takeOutErrorsGccAccepts(std::vector<std::string> &Args);

// Appends errorsGccAccepts' flags to Opts' warnings, as the argument parsers read them.
void addErrorsGccAccepts(clang::DiagnosticOptions &Opts);

// Args (a driver command line) without the flags that look like such warning flags, but with
// errorsGccAccepts' (every analysis command has them).
std::vector<std::string> withoutWarningFlags(const std::vector<std::string> &Args);

// Whether Args (a whole analysis command, main file included, in Directory) differs from the
// same command without its warning flags (withoutWarningFlags) only in flags that change
// nothing: the frontend command lines the driver makes of both are the same once
// isInertWarningFlag flags are left out, and both hold -w.
bool differsOnlyInInertWarnings(const std::vector<std::string> &Args,
                                const std::string &Directory);

// Removes the isInertWarningFlag flags from Opts (a driver's or a frontend's, as parsed) when it
// holds -w: what each would set (a group's diagnostics mapped to warnings, or to ignored) is
// ignored under -w anyway, so every diagnostic's severity, and so the parse, is the same
// without it. Setting a group is not free: -Wall's groups were 0.15 M instructions each time a
// diagnostics engine was made of a command, twice per parse (the driver's, the frontend's).
void dropInertWarnings(clang::DiagnosticOptions &Opts);

} // namespace contractcheck
