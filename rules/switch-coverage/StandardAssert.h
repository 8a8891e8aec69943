// Whether code is the standard `assert`: read by the macro's name, so that a build with NDEBUG
// (where it expands to nothing that refuses) and one without judge a default alike.
#pragma once

namespace clang {
class LangOptions;
class SourceLocation;
class SourceManager;
} // namespace clang

namespace contractcheck {

// Loc is written by an expansion of `assert`, directly or through the macros that expand to it.
bool expandsFromStandardAssert(clang::SourceLocation Loc, const clang::SourceManager &SM,
                               const clang::LangOptions &LangOpts);

} // namespace contractcheck
