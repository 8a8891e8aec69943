#include "LibraryHeaders.h"
#include "PathInside.h"

#include <clang/Basic/FileManager.h>
#include <clang/Basic/SourceManager.h>
#include <clang/Lex/DirectoryLookup.h>
#include <clang/Lex/HeaderSearch.h>
#include <llvm/ADT/DenseMap.h>
#include <llvm/ADT/SmallString.h>
#include <llvm/Support/Path.h>

#include <string>
#include <vector>

using namespace clang;

namespace contractcheck {

namespace {

std::string absoluteWithoutDots(llvm::StringRef Path, const FileManager &Files) {
  llvm::SmallString<256> Absolute(Path);
  Files.makeAbsolutePath(Absolute);
  llvm::sys::path::remove_dots(Absolute, /*remove_dot_dot=*/true);
  return std::string(Absolute);
}

// Which user headers of a TU lie under one of its system directories (the compiler's own,
// -isystem): a library installed there whose directory the build names with -I (qmake and
// pkg-config's `-I/usr/include/x86_64-linux-gnu/qt5`, `-I/usr/include/obs`). Asked for every
// node a matcher meets, so each header is answered once; the answers hold for one header search
// (one TU), whose system directories are read once.
class InstalledHeaders {
public:
  bool contains(FileEntryRef File, const SourceManager &SM, const HeaderSearch &Headers) {
    // A TU's objects may be made where the last TU's were: the TU is told by its main file too.
    OptionalFileEntryRef Main = SM.getFileEntryRefForID(SM.getMainFileID());
    const FileEntry *MainEntry = Main ? &Main->getFileEntry() : nullptr;
    if (&Headers != For || &SM != ForSM || MainEntry != ForMain ||
        Headers.search_dir_size() != Searched) {
      For = &Headers;
      ForSM = &SM;
      ForMain = MainEntry;
      Searched = Headers.search_dir_size();
      Answers.clear();
      Dirs.clear();
      for (const DirectoryLookup &Dir : Headers.search_dir_range())
        if (Dir.getDirCharacteristic() != SrcMgr::C_User)
          if (OptionalDirectoryEntryRef Entry = Dir.getDirRef())
            Dirs.push_back(absoluteWithoutDots(Entry->getName(), SM.getFileManager()));
    }
    auto [It, New] = Answers.try_emplace(&File.getFileEntry(), false);
    if (New && !Dirs.empty()) {
      std::string Path = absoluteWithoutDots(File.getName(), SM.getFileManager());
      for (const std::string &Dir : Dirs)
        if (pathIsInside(Path, Dir))
          It->second = true;
    }
    return It->second;
  }

private:
  const HeaderSearch *For = nullptr;
  const SourceManager *ForSM = nullptr;
  const FileEntry *ForMain = nullptr;
  unsigned Searched = 0;
  std::vector<std::string> Dirs;
  llvm::DenseMap<const FileEntry *, bool> Answers;
};

// A user header (by Clang's answer) that is a library's all the same: installed under a system
// directory of the TU.
bool installedLibraryHeader(FileID File, const SourceManager &SM, const HeaderSearch &Headers) {
  if (File == SM.getMainFileID())
    return false;
  OptionalFileEntryRef Header = SM.getFileEntryRefForID(File);
  if (!Header)
    return false;
  thread_local InstalledHeaders Installed;
  return Installed.contains(*Header, SM, Headers);
}

} // namespace

bool inALibrarysHeader(SourceLocation Loc, const SourceManager &SM, const HeaderSearch *Headers) {
  if (Loc.isInvalid())
    return false;
  Loc = SM.getExpansionLoc(Loc);
  if (!SM.isInSystemHeader(Loc))
    return Headers && installedLibraryHeader(SM.getFileID(Loc), SM, *Headers);
  if (!Headers)
    return true;
  FileID File = SM.getFileID(Loc);
  bool Invalid = false;
  const SrcMgr::SLocEntry &Entry = SM.getSLocEntry(File, &Invalid);
  if (Invalid || !Entry.isFile())
    return true;
  // Entered as a user file, a system header at Loc: its own #pragma says so.
  if (!SrcMgr::isSystem(Entry.getFile().getFileCharacteristic()))
    return true;
  // Entered as a system file: by the directory it was found in (a file found beside its
  // includer takes the includer's), or only because a system header included it.
  OptionalFileEntryRef Header = SM.getFileEntryRefForID(File);
  if (!Header)
    return true;
  const HeaderFileInfo *Info = Headers->getExistingFileInfo(*Header);
  return (Info && SrcMgr::isSystem(static_cast<SrcMgr::CharacteristicKind>(Info->DirInfo))) ||
         installedLibraryHeader(File, SM, *Headers);
}

} // namespace contractcheck
