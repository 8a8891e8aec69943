#include "rules/declared-service/SignatureProbe.h"
#include "rules/declared-service/ProbeErrors.h"

#include <clang/AST/ASTConsumer.h>
#include <clang/AST/ASTContext.h>
#include <clang/Basic/FileManager.h>
#include <clang/Basic/SourceManager.h>
#include <clang/Basic/TargetInfo.h>
#include <clang/Frontend/CompilerInstance.h>
#include <clang/Frontend/CompilerInvocation.h>
#include <clang/Frontend/FrontendAction.h>
#include <clang/Lex/HeaderSearch.h>
#include <clang/Lex/Preprocessor.h>
#include <clang/Lex/PreprocessorOptions.h>
#include <llvm/Support/VirtualFileSystem.h>
#include <llvm/Support/xxhash.h>

using namespace clang;

namespace contractcheck {

namespace {

class JudgeConsumer : public ASTConsumer {
public:
  JudgeConsumer(const std::function<void(ASTContext &)> &Judge) : Judge(Judge) {}
  void HandleTranslationUnit(ASTContext &Ctx) override { Judge(Ctx); }

private:
  const std::function<void(ASTContext &)> &Judge;
};

class ProbeAction : public ASTFrontendAction {
public:
  ProbeAction(const std::function<void(ASTContext &)> &Judge, ProbeErrorCollector &Errors,
              std::vector<ProbeInput> &Inputs)
      : Judge(Judge), Errors(Errors), Inputs(Inputs) {}

  void EndSourceFileAction() override {
    const SourceManager &SM = getCompilerInstance().getSourceManager();
    OptionalFileEntryRef Snippet = SM.getFileEntryRefForID(SM.getMainFileID());
    for (auto It = SM.fileinfo_begin(); It != SM.fileinfo_end(); ++It) {
      std::optional<llvm::StringRef> Data = It->second->getBufferDataIfLoaded();
      if (!Data || (Snippet && It->first == *Snippet))
        continue;
      Inputs.push_back({It->first.getName().str(), llvm::xxh3_64bits(*Data)});
    }
  }
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI, llvm::StringRef) override {
    Errors.setSnippet(CI.getSourceManager().getMainFileID());
    return std::make_unique<JudgeConsumer>(Judge);
  }

private:
  const std::function<void(ASTContext &)> &Judge;
  ProbeErrorCollector &Errors;
  std::vector<ProbeInput> &Inputs;
};

} // namespace

ProbeResult runSignatureProbe(const Preprocessor &PP, const std::string &SnippetPath,
                              const std::string &Snippet,
                              const std::function<void(ASTContext &)> &Judge) {
  ProbeResult Result;
  auto Invocation = std::make_shared<CompilerInvocation>();
  Invocation->getLangOpts() = PP.getLangOpts();
  // A member type that is private to the service may appear in a declaration the contract
  // copies; access is not what the contract checks.
  Invocation->getLangOpts().AccessControl = false;
  Invocation->getTargetOpts() = PP.getTargetInfo().getTargetOpts();
  Invocation->getHeaderSearchOpts() = PP.getHeaderSearchInfo().getHeaderSearchOpts();
  PreprocessorOptions &PPOpts = Invocation->getPreprocessorOpts();
  PPOpts = PP.getPreprocessorOpts();
  // Buffers the TU's own compiler owns; the TU's file system (below) carries the same mapping.
  PPOpts.RemappedFileBuffers.clear();
  PPOpts.RetainRemappedFileBuffers = true;
  FrontendOptions &Frontend = Invocation->getFrontendOpts();
  Frontend.Inputs = {FrontendInputFile(SnippetPath, InputKind(Language::CXX))};
  Frontend.ProgramAction = frontend::ParseSyntaxOnly;
  Frontend.SkipFunctionBodies = true;
  Invocation->getDiagnosticOpts().IgnoreWarnings = true;
  Invocation->getDiagnosticOpts().ErrorLimit = 0;
  Invocation->getDiagnosticOpts().ShowCarets = false; // no "N errors generated." on stderr

  // The TU's file system (an editor's unsaved buffers included), with the snippet over it.
  llvm::IntrusiveRefCntPtr<llvm::vfs::InMemoryFileSystem> Memory(new llvm::vfs::InMemoryFileSystem);
  Memory->addFile(SnippetPath, 0, llvm::MemoryBuffer::getMemBufferCopy(Snippet, SnippetPath));
  llvm::IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem> FS(
      new llvm::vfs::OverlayFileSystem(PP.getFileManager().getVirtualFileSystemPtr()));
  FS->pushOverlay(Memory);
  // Relative include paths of the TU are relative to its working directory; should it be
  // unknown, the snippet's absolute includes still resolve.
  if (auto Dir = PP.getFileManager().getVirtualFileSystem().getCurrentWorkingDirectory())
    if (FS->setCurrentWorkingDirectory(*Dir))
      return Result;

  CompilerInstance CI;
  CI.setInvocation(std::move(Invocation));
  ProbeErrorCollector Errors(Result.Errors);
  CI.createDiagnostics(&Errors, /*ShouldOwnClient=*/false);
  CI.createFileManager(FS);
  CI.getFileManager().getFileSystemOpts() = PP.getFileManager().getFileSystemOpts();
  bool Judged = false;
  std::function<void(ASTContext &)> Judging = [&](ASTContext &Ctx) {
    Judged = true;
    Judge(Ctx);
  };
  ProbeAction Action(Judging, Errors, Result.Inputs);
  CI.ExecuteAction(Action);
  Result.Ran = Judged;
  return Result;
}

} // namespace contractcheck
