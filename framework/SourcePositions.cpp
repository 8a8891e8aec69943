#include "SourcePositions.h"
#include "PositionFileName.h"

#include <clang/AST/Expr.h>
#include <clang/Basic/FileManager.h>
#include <clang/Basic/SourceManager.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/VirtualFileSystem.h>

#include <map>
#include <mutex>

namespace contractcheck {
namespace {

// What the file system said of a name whose ".." removal changes it, by (name, file), within a
// run: every finding, note and fact position in a header reached through ".." asked again.
struct NormalisedNames {
  std::mutex Lock;
  std::map<std::pair<std::string, llvm::sys::fs::UniqueID>, std::string, std::less<>> Known;
};

NormalisedNames &normalisedNames() {
  static NormalisedNames Names;
  return Names;
}

// Entry's name, absolute and without "." or "..". ".." after a symlink goes up from the symlink's
// target, so it is removed lexically only where that names the same file (clang names libstdc++'s
// headers /../lib/gcc/x86_64-linux-gnu/12/../../../../include/c++/12/future where /lib is a
// symlink to usr/lib: lexically /include/c++/12/future, which does not exist); elsewhere the file
// manager's real path.
std::string normalisedName(clang::FileEntryRef Entry, clang::FileManager &Files) {
  llvm::SmallString<256> Path(Entry.getName());
  llvm::vfs::FileSystem &FS = Files.getVirtualFileSystem();
  if (FS.makeAbsolute(Path))
    return std::string(Path);
  llvm::SmallString<256> Lexical(Path);
  llvm::sys::path::remove_dots(Lexical, /*remove_dot_dot=*/true);
  if (Lexical == Path)
    return std::string(Lexical);
  NormalisedNames &Names = normalisedNames();
  std::pair<std::string, llvm::sys::fs::UniqueID> Key{std::string(Path), Entry.getUniqueID()};
  {
    std::lock_guard<std::mutex> Locked(Names.Lock);
    if (auto It = Names.Known.find(Key); It != Names.Known.end())
      return It->second;
  }
  std::string Name;
  llvm::ErrorOr<llvm::vfs::Status> Status = FS.status(Lexical);
  if (Status && Status->getUniqueID() == Entry.getUniqueID()) {
    Name = std::string(Lexical);
  } else {
    llvm::StringRef Real = Files.getCanonicalName(Entry);
    Name = Real.empty() ? std::string(Path) : Real.str();
  }
  std::lock_guard<std::mutex> Locked(Names.Lock);
  Names.Known.emplace(std::move(Key), Name);
  return Name;
}

} // namespace

void forgetNormalisedNames() {
  NormalisedNames &Names = normalisedNames();
  std::lock_guard<std::mutex> Locked(Names.Lock);
  Names.Known.clear();
}

std::string positionFileOf(clang::FileEntryRef Entry, clang::FileManager &Files) {
  return normalisedName(Entry, Files);
}

SourcePosition positionOf(clang::SourceLocation Loc, const clang::SourceManager &SM) {
  SourcePosition Pos;
  Loc = SM.getFileLoc(Loc);
  if (Loc.isInvalid())
    return Pos;
  auto [FID, Offset] = SM.getDecomposedLoc(Loc);
  if (clang::OptionalFileEntryRef Entry = SM.getFileEntryRefForID(FID))
    Pos.File = normalisedName(*Entry, SM.getFileManager());
  Pos.Line = SM.getLineNumber(FID, Offset);
  Pos.Column = SM.getColumnNumber(FID, Offset);
  Pos.Offset = Offset;
  return Pos;
}

clang::FileID fileContaining(const clang::Expr &E, const clang::SourceManager &SM) {
  for (clang::SourceLocation Loc : {E.getBeginLoc(), E.getExprLoc(), E.getEndLoc()})
    if (Loc.isValid())
      return SM.getFileID(SM.getFileLoc(Loc));
  return SM.getMainFileID();
}

} // namespace contractcheck
