// A file's name as positionOf (SourcePositions.h) gives it, for a file no location of the TU is
// in: a header the include path would have found, had another directory not come first.
#pragma once

#include <string>

namespace clang {
class FileEntryRef;
class FileManager;
} // namespace clang

namespace contractcheck {

std::string positionFileOf(clang::FileEntryRef Entry, clang::FileManager &Files);

} // namespace contractcheck
