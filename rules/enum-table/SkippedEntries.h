// Entries of a table that the preprocessor skipped in this build: written for the configurations
// that have a feature (`#ifdef HAVE_WAVPACK {ContentHandler::WAVPACK, "WavPack"}, #endif`), so the
// table does not lack them.
#pragma once

#include <vector>

namespace clang {
class EnumConstantDecl;
class LangOptions;
class SourceManager;
class VarDecl;
} // namespace clang

namespace contractcheck {

struct KeyedTable;

// Of Candidates, the enumerators whose names the table's initializer spells outside every entry
// the build kept. The text between active entries is punctuation, comments (which the raw lexer
// drops) and preprocessor lines, so a name there stands in a branch the preprocessor skipped.
std::vector<const clang::EnumConstantDecl *>
namedInSkippedText(const clang::VarDecl &Var, const KeyedTable &Table,
                   const std::vector<const clang::EnumConstantDecl *> &Candidates,
                   const clang::SourceManager &SM, const clang::LangOptions &LangOpts);

} // namespace contractcheck
