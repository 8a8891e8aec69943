#include "SourcePositions.h"

#include <clang/AST/Expr.h>
#include <clang/Basic/FileManager.h>
#include <clang/Basic/SourceManager.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/VirtualFileSystem.h>

namespace contractcheck {

SourcePosition positionOf(clang::SourceLocation Loc, const clang::SourceManager &SM) {
  SourcePosition Pos;
  Loc = SM.getFileLoc(Loc);
  if (Loc.isInvalid())
    return Pos;
  auto [FID, Offset] = SM.getDecomposedLoc(Loc);
  if (clang::OptionalFileEntryRef Entry = SM.getFileEntryRefForID(FID)) {
    llvm::SmallString<256> Path(Entry->getName());
    if (!SM.getFileManager().getVirtualFileSystem().makeAbsolute(Path))
      llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
    Pos.File = std::string(Path);
  }
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
