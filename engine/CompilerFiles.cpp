#include "CompilerFiles.h"

#include "IncludeLookups.h"

#include <clang/Basic/FileManager.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/VirtualFileSystem.h>

namespace contractcheck {

llvm::IntrusiveRefCntPtr<clang::FileManager>
compilerFiles(const std::string &Directory, const std::map<std::string, std::string> &Overlays,
              std::error_code *DirectoryError, LookupLog *Log) {
  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS(
      llvm::vfs::createPhysicalFileSystem().release());
  if (Log)
    FS = recordingFileSystem(std::move(FS), *Log);
  if (!Overlays.empty()) {
    llvm::IntrusiveRefCntPtr<llvm::vfs::InMemoryFileSystem> Memory(
        new llvm::vfs::InMemoryFileSystem);
    for (const auto &[Path, Text] : Overlays)
      Memory->addFile(Path, /*ModificationTime=*/0,
                      llvm::MemoryBuffer::getMemBufferCopy(Text, Path));
    llvm::IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem> Overlay(
        new llvm::vfs::OverlayFileSystem(std::move(FS)));
    Overlay->pushOverlay(std::move(Memory));
    FS = std::move(Overlay);
  }
  std::error_code Error = FS->setCurrentWorkingDirectory(Directory);
  if (DirectoryError)
    *DirectoryError = Error;
  return llvm::makeIntrusiveRefCnt<clang::FileManager>(clang::FileSystemOptions(), FS);
}

} // namespace contractcheck
