// Whether a path lies inside a directory, told from their spellings alone.
#pragma once

#include <llvm/ADT/StringRef.h>
#include <llvm/Support/Path.h>

namespace contractcheck {

// Path names something inside Directory: Directory, a separator, and at least one more
// character. Both must be spelt the same way (absolute, no dots, the same links resolved): the
// caller normalises them as its question needs.
inline bool pathIsInside(llvm::StringRef Path, llvm::StringRef Directory) {
  return Path.size() > Directory.size() + 1 && Path.starts_with(Directory) &&
         llvm::sys::path::is_separator(Path[Directory.size()]);
}

} // namespace contractcheck
