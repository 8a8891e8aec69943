#include "rules/mock-drift/SubstituteHeader.h"

#include "PathInside.h"
#include "PositionFileName.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/DeclBase.h>
#include <clang/Basic/FileManager.h>
#include <clang/Basic/SourceManager.h>
#include <clang/Lex/DirectoryLookup.h>
#include <clang/Lex/HeaderSearch.h>

#include <llvm/ADT/SmallString.h>
#include <llvm/Support/Path.h>

#include <string>
#include <utility>
#include <vector>

using namespace clang;

namespace contractcheck {

std::optional<std::string> shadowedHeader(const Decl &D, const HeaderSearch *Headers) {
  if (!Headers)
    return std::nullopt;
  const SourceManager &SM = D.getASTContext().getSourceManager();
  SourceLocation Loc = SM.getExpansionLoc(D.getLocation());
  if (Loc.isInvalid() || SM.isInMainFile(Loc))
    return std::nullopt;
  OptionalFileEntryRef Header = SM.getFileEntryRefForID(SM.getFileID(Loc));
  if (!Header)
    return std::nullopt;
  FileManager &Files = const_cast<HeaderSearch *>(Headers)->getFileMgr();
  const std::string Path = Files.getCanonicalName(*Header).str();
  // Each directory's canonical name, to compare, and its name as the command line gave it, to
  // name the shadowed header as the TUs that include it through that directory name it.
  std::vector<std::pair<std::string, std::string>> Dirs;
  for (const DirectoryLookup &Lookup : Headers->search_dir_range())
    if (Lookup.isNormalDir())
      if (OptionalDirectoryEntryRef Dir = Lookup.getDirRef())
        Dirs.emplace_back(Files.getCanonicalName(*Dir).str(), Dir->getName().str());
  for (size_t I = 0; I < Dirs.size(); ++I) {
    const std::string &Found = Dirs[I].first;
    if (!pathIsInside(Path, Found))
      continue;
    llvm::StringRef Relative = llvm::StringRef(Path).drop_front(Found.size() + 1);
    // Only a directory searched later is shadowed by this one.
    for (size_t J = I + 1; J < Dirs.size(); ++J) {
      if (Dirs[J].first == Found)
        continue;
      llvm::SmallString<256> Other(Dirs[J].second);
      llvm::sys::path::append(Other, Relative);
      if (OptionalFileEntryRef Shadowed = Files.getOptionalFileRef(Other))
        if (Files.getCanonicalName(*Shadowed) != Path)
          return positionFileOf(*Shadowed, Files);
    }
  }
  return std::nullopt;
}

} // namespace contractcheck
