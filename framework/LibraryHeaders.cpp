#include "LibraryHeaders.h"

#include <clang/Basic/SourceManager.h>
#include <clang/Lex/HeaderSearch.h>

using namespace clang;

namespace contractcheck {

bool inALibrarysHeader(SourceLocation Loc, const SourceManager &SM, const HeaderSearch *Headers) {
  if (Loc.isInvalid())
    return false;
  Loc = SM.getExpansionLoc(Loc);
  if (!SM.isInSystemHeader(Loc))
    return false;
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
  return Info && SrcMgr::isSystem(static_cast<SrcMgr::CharacteristicKind>(Info->DirInfo));
}

} // namespace contractcheck
