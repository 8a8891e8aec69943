#include "rules/mock-drift/SubstituteHeader.h"

#include "PathInside.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/DeclBase.h>
#include <clang/Basic/FileManager.h>
#include <clang/Basic/SourceManager.h>
#include <clang/Lex/DirectoryLookup.h>
#include <clang/Lex/HeaderSearch.h>

#include <llvm/ADT/SmallString.h>
#include <llvm/Support/Path.h>

#include <string>
#include <vector>

using namespace clang;

namespace contractcheck {

bool inSubstituteHeader(const Decl &D, const HeaderSearch *Headers) {
  if (!Headers)
    return false;
  const SourceManager &SM = D.getASTContext().getSourceManager();
  SourceLocation Loc = SM.getExpansionLoc(D.getLocation());
  if (Loc.isInvalid() || SM.isInMainFile(Loc))
    return false;
  OptionalFileEntryRef Header = SM.getFileEntryRefForID(SM.getFileID(Loc));
  if (!Header)
    return false;
  FileManager &Files = const_cast<HeaderSearch *>(Headers)->getFileMgr();
  const std::string Path = Files.getCanonicalName(*Header).str();
  std::vector<std::string> Dirs;
  for (const DirectoryLookup &Lookup : Headers->search_dir_range())
    if (Lookup.isNormalDir())
      if (OptionalDirectoryEntryRef Dir = Lookup.getDirRef())
        Dirs.push_back(Files.getCanonicalName(*Dir).str());
  for (size_t I = 0; I < Dirs.size(); ++I) {
    const std::string &Found = Dirs[I];
    if (!pathIsInside(Path, Found))
      continue;
    llvm::StringRef Relative = llvm::StringRef(Path).drop_front(Found.size() + 1);
    // Only a directory searched later is shadowed by this one.
    for (size_t J = I + 1; J < Dirs.size(); ++J) {
      if (Dirs[J] == Found)
        continue;
      llvm::SmallString<256> Other(Dirs[J]);
      llvm::sys::path::append(Other, Relative);
      if (OptionalFileEntryRef Shadowed = Files.getOptionalFileRef(Other))
        if (Files.getCanonicalName(*Shadowed) != Path)
          return true;
    }
  }
  return false;
}

} // namespace contractcheck
