// Where a Clang location is, as the plain SourcePosition findings and facts carry.
#pragma once

#include "Finding.h"

namespace clang {
class SourceLocation;
class SourceManager;
} // namespace clang

namespace contractcheck {

// The file location (a macro's use, not its definition), with the file made absolute against
// the compile command's directory, which is the file system's working directory in both front
// ends. An invalid location gives an empty File.
SourcePosition positionOf(clang::SourceLocation Loc, const clang::SourceManager &SM);

} // namespace contractcheck
