#include "CompilerFiles.h"

#include "IncludeLookups.h"
#include "InputFile.h"

#include <clang/Basic/FileManager.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/VirtualFileSystem.h>

namespace contractcheck {

namespace {

// Clang opens what it is asked to: a FIFO named by a compile command or an #include blocks the
// parse forever, /dev/zero is read until memory runs out. Every file a compiler invocation of
// ours opens passes the shared reader's check first (regular, within the source size limit).
class RegularFilesOnly : public llvm::vfs::ProxyFileSystem {
public:
  explicit RegularFilesOnly(llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS)
      : ProxyFileSystem(std::move(FS)) {}

  llvm::ErrorOr<std::unique_ptr<llvm::vfs::File>> openFileForRead(const llvm::Twine &Path) override {
    llvm::ErrorOr<llvm::vfs::Status> Status = status(Path);
    if (!Status)
      return Status.getError();
    // What the real file system says: header search skips a directory named like the header
    // (stella's src/emucore/exception/ before <exception>); any other error stops the parse.
    if (Status->getType() == llvm::sys::fs::file_type::directory_file)
      return std::make_error_code(std::errc::is_a_directory);
    if (Status->getType() != llvm::sys::fs::file_type::regular_file ||
        Status->getSize() > inputSizeLimit(InputKind::Source))
      return notARegularFileError();
    return ProxyFileSystem::openFileForRead(Path);
  }
};

} // namespace

llvm::IntrusiveRefCntPtr<clang::FileManager>
compilerFiles(const std::string &Directory, const std::map<std::string, std::string> &Overlays,
              std::error_code *DirectoryError, LookupLog *Log) {
  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS(
      new RegularFilesOnly(llvm::vfs::createPhysicalFileSystem().release()));
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
