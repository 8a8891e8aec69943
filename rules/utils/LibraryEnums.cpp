#include "rules/utils/LibraryEnums.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/Decl.h>
#include <clang/Basic/SourceManager.h>
#include <clang/Lex/HeaderSearch.h>

using namespace clang;

namespace contractcheck {

bool declaredByALibrary(const EnumDecl &Enum, const HeaderSearch *Headers) {
  const SourceManager &SM = Enum.getASTContext().getSourceManager();
  SourceLocation Loc = SM.getExpansionLoc(Enum.getLocation());
  if (Loc.isInvalid() || !SM.isInSystemHeader(Loc))
    return false;
  if (!Headers)
    return true;
  FileID File = SM.getFileID(Loc);
  bool Invalid = false;
  const SrcMgr::SLocEntry &Entry = SM.getSLocEntry(File, &Invalid);
  if (Invalid || !Entry.isFile())
    return true;
  // Entered as a user file, a system header at the enum: its own #pragma says so.
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
