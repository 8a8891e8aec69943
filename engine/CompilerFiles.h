// The files a compiler invocation of ours sees: the real file system, relative paths resolved
// against the compile command's directory, an editor's unsaved buffers laid over it.
#pragma once

#include <llvm/ADT/IntrusiveRefCntPtr.h>

#include <map>
#include <string>
#include <system_error>

namespace clang {
class FileManager;
}

namespace contractcheck {

class LookupLog;

// Overlays: absolute path -> text read instead of the file on disk. *DirectoryError says when
// Directory could not be made the working directory (relative paths then resolve against the
// process's own). Log, when given, records every path the compiler asks the disk about
// (IncludeLookups.h).
llvm::IntrusiveRefCntPtr<clang::FileManager>
compilerFiles(const std::string &Directory, const std::map<std::string, std::string> &Overlays = {},
              std::error_code *DirectoryError = nullptr, LookupLog *Log = nullptr);

} // namespace contractcheck
