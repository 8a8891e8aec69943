// Where a Clang location is, as the plain SourcePosition findings and facts carry.
#pragma once

#include "Finding.h"

namespace clang {
class Expr;
class FileID;
class SourceLocation;
class SourceManager;
} // namespace clang

namespace contractcheck {

// The file location (a macro's use, not its definition), with the file made absolute against
// the compile command's directory, which is the file system's working directory in both front
// ends. An invalid location gives an empty File.
// A name that removing ".." changes (`/usr/lib/gcc/x86_64-linux-gnu/12/../../../../include/...`)
// is looked up once per run (a stat, or the file manager's real path) and remembered.
SourcePosition positionOf(clang::SourceLocation Loc, const clang::SourceManager &SM);
// Starts a run: what positionOf remembered of the file system is asked again (a long-lived
// process, the language server, sees a symlink re-pointed between runs).
void forgetNormalisedNames();

// The file an expression is written in (a macro's use), for maps keyed by file. Sema makes some
// expressions without a start: instantiating a member template rebuilds `assert(name[0] == '$')`'s
// call of `operator[]` with only its `]` (wabt's binary-writer.cc); one with no location at all is
// the TU's own. Never the invalid FileID: it is DenseMap's empty key, whose unconstructed bucket
// `operator[]` hands back (a crash, or a hang).
clang::FileID fileContaining(const clang::Expr &E, const clang::SourceManager &SM);

} // namespace contractcheck
