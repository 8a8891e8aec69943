#include "AtomicFile.h"

#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/raw_ostream.h>

namespace contractcheck {

std::string writeFileAtomically(const std::string &Path, std::string_view Content) {
  llvm::SmallString<256> Model(Path);
  Model += ".tmp-%%%%%%%%";
  int FD = -1;
  llvm::SmallString<256> Temp;
  if (std::error_code EC = llvm::sys::fs::createUniqueFile(Model, FD, Temp))
    return "cannot create a temporary file beside '" + Path + "': " + EC.message();
  {
    llvm::raw_fd_ostream Out(FD, /*shouldClose=*/true);
    Out << Content;
    Out.flush();
    if (Out.has_error()) {
      std::string Message = Out.error().message();
      Out.clear_error();
      llvm::sys::fs::remove(Temp);
      return "cannot write '" + Path + "': " + Message;
    }
    Out.close();
    if (Out.has_error()) {
      std::string Message = Out.error().message();
      Out.clear_error();
      llvm::sys::fs::remove(Temp);
      return "cannot write '" + Path + "': " + Message;
    }
  }
  if (std::error_code EC = llvm::sys::fs::rename(Temp, Path)) {
    llvm::sys::fs::remove(Temp);
    return "cannot replace '" + Path + "': " + EC.message();
  }
  return {};
}

} // namespace contractcheck
