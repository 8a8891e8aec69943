#include "PrecompiledPrefix.h"

#include "BodySkippingConsumer.h"
#include "CompilerFiles.h"
#include "Config.h"
#include "FilesRead.h"
#include "Paths.h"

#include <clang/Basic/SourceManager.h>
#include <clang/Frontend/CompilerInstance.h>
#include <clang/Frontend/FrontendActions.h>
#include <clang/Lex/PPCallbacks.h>
#include <clang/Lex/Preprocessor.h>
#include <clang/Tooling/Tooling.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/raw_ostream.h>

#include <algorithm>

using namespace clang;

namespace contractcheck {

namespace {

class RootResolutions : public PPCallbacks {
public:
  RootResolutions(const SourceManager &SM, std::vector<std::string> &Paths)
      : SM(SM), Paths(Paths) {}
  void InclusionDirective(SourceLocation HashLoc, const Token &, StringRef, bool, CharSourceRange,
                          OptionalFileEntryRef File, StringRef, StringRef, const Module *, bool,
                          SrcMgr::CharacteristicKind) override {
    if (SM.isInMainFile(HashLoc))
      Paths.push_back(File ? File->getName().str() : std::string());
  }

private:
  const SourceManager &SM;
  std::vector<std::string> &Paths;
};

// The names looked for on the include path (PrecompiledPrefix::Searched).
class SearchedNames : public PPCallbacks {
public:
  explicit SearchedNames(std::vector<std::string> &Names) : Names(Names) {}
  void InclusionDirective(SourceLocation, const Token &, StringRef FileName, bool,
                          CharSourceRange, OptionalFileEntryRef, StringRef, StringRef,
                          const Module *, bool, SrcMgr::CharacteristicKind) override {
    Names.push_back(FileName.str());
  }
  void HasInclude(SourceLocation, StringRef FileName, bool, OptionalFileEntryRef,
                  SrcMgr::CharacteristicKind) override {
    Names.push_back(FileName.str());
  }
  void EmbedDirective(SourceLocation, StringRef FileName, bool, OptionalFileEntryRef,
                      const LexEmbedParametersResult &) override {
    Names.push_back(FileName.str());
  }
  void HasEmbed(SourceLocation, StringRef FileName, bool, OptionalFileEntryRef) override {
    Names.push_back(FileName.str());
  }

private:
  std::vector<std::string> &Names;
};

class PrefixAction : public GeneratePCHAction {
public:
  PrefixAction(std::vector<std::string> &Resolved, PrecompiledPrefix &Out, std::string Dir,
               std::string Header, bool KeepTemplateBodies)
      : Resolved(Resolved), Out(Out), Dir(std::move(Dir)), Header(std::move(Header)),
        KeepTemplateBodies(KeepTemplateBodies) {}

  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 StringRef InFile) override {
    std::unique_ptr<ASTConsumer> Writer = GeneratePCHAction::CreateASTConsumer(CI, InFile);
    if (!Writer)
      return nullptr;
    CI.getPreprocessor().addPPCallbacks(
        std::make_unique<RootResolutions>(CI.getSourceManager(), Resolved));
    CI.getPreprocessor().addPPCallbacks(std::make_unique<SearchedNames>(Out.Searched));
    // Every body here is a system header's, which no configuration's exclusions come into:
    // skipped as in the parse of a TU that loads the prefix.
    static const Config Defaults = Config::defaults();
    return std::make_unique<BodySkippingConsumer>(std::move(Writer), CI.getSourceManager(),
                                                  Defaults,
                                                  KeepTemplateBodies
                                                      ? BodySkipPolicy::Mode::KeepTemplates
                                                      : BodySkipPolicy::Mode::Skip);
  }

  void EndSourceFileAction() override {
    Out.Dependencies = filesRead(getCompilerInstance().getSourceManager(), Dir);
    // Its header, and that of a lower prefix it is built on (SharedHeaders.h), in the same place.
    std::erase_if(Out.Dependencies, [&](const auto &D) {
      return parentDirectory(D.first) == parentDirectory(Header);
    });
    GeneratePCHAction::EndSourceFileAction();
  }

private:
  std::vector<std::string> &Resolved;
  PrecompiledPrefix &Out;
  const std::string Dir;
  const std::string Header;
  const bool KeepTemplateBodies;
};

class PrefixActionFactory : public tooling::FrontendActionFactory {
public:
  PrefixActionFactory(std::vector<std::string> &Resolved, PrecompiledPrefix &Out,
                      const std::string &Dir, const std::string &Header, std::string Pch,
                      bool KeepTemplateBodies)
      : Resolved(Resolved), Out(Out), Dir(Dir), Header(Header), Pch(std::move(Pch)),
        KeepTemplateBodies(KeepTemplateBodies) {}
  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<PrefixAction>(Resolved, Out, Dir, Header, KeepTemplateBodies);
  }
  bool runInvocation(std::shared_ptr<CompilerInvocation> Invocation, FileManager *Files,
                     std::shared_ptr<PCHContainerOperations> PCHContainerOps,
                     DiagnosticConsumer *DiagConsumer) override {
    Invocation->getDiagnosticOpts().ShowCarets = false; // no "N errors generated." on stderr
    Invocation->getFrontendOpts().SkipFunctionBodies = true;
    Invocation->getFrontendOpts().OutputFile = Pch;
    return FrontendActionFactory::runInvocation(std::move(Invocation), Files,
                                                std::move(PCHContainerOps), DiagConsumer);
  }

private:
  std::vector<std::string> &Resolved;
  PrecompiledPrefix &Out;
  const std::string &Dir;
  const std::string &Header;
  const std::string Pch;
  const bool KeepTemplateBodies;
};

} // namespace

std::string prefixHeaderText(const std::vector<SystemHeaderRoot> &Roots) {
  std::string Text;
  for (const SystemHeaderRoot &Root : Roots)
    Text += "#include <" + Root.Spelling + ">\n";
  return Text;
}

std::optional<PrecompiledPrefix> buildPrecompiledPrefix(std::vector<std::string> Args,
                                                        const std::string &Directory,
                                                        const std::vector<SystemHeaderRoot> &Roots,
                                                        bool CLanguage,
                                                        const std::string &HeaderPath,
                                                        const std::string &PchPath,
                                                        bool KeepTemplateBodies,
                                                        const std::vector<std::string> &ExtraArgs,
                                                        bool WriteHeader) {
  if (WriteHeader) {
    std::error_code EC;
    llvm::raw_fd_ostream Header(HeaderPath, EC);
    if (EC)
      return std::nullopt;
    Header << prefixHeaderText(Roots);
  }
  Args.insert(Args.end(), ExtraArgs.begin(), ExtraArgs.end());
  Args.insert(Args.end(), {"-x", CLanguage ? "c-header" : "c++-header", HeaderPath});
  PrecompiledPrefix Out;
  Out.HeaderPath = HeaderPath;
  Out.PchPath = PchPath;
  std::vector<std::string> Resolved;
  std::error_code DirectoryError;
  LookupLog Log;
  llvm::IntrusiveRefCntPtr<FileManager> Files =
      compilerFiles(Directory, {}, &DirectoryError, &Log);
  if (DirectoryError)
    return std::nullopt;
  PrefixActionFactory Factory(Resolved, Out, Directory, HeaderPath, PchPath, KeepTemplateBodies);
  tooling::ToolInvocation Invocation(Args, &Factory, Files.get(),
                                     std::make_shared<PCHContainerOperations>());
  DiagnosticConsumer Diagnostics; // counts the errors, prints nothing
  Invocation.setDiagnosticConsumer(&Diagnostics);
  if (!Invocation.run() || Diagnostics.getNumErrors() > 0 || Resolved.size() != Roots.size())
    return std::nullopt;
  for (size_t I = 0; I < Roots.size(); ++I)
    if (absolutePath(Resolved[I], Directory) != absolutePath(Roots[I].Path, Directory))
      return std::nullopt;
  // The prefix's header and PCH live in a directory of this run only; no TU depends on it.
  Out.Lookups = Log.take({parentDirectory(HeaderPath), parentDirectory(PchPath)});
  std::sort(Out.Searched.begin(), Out.Searched.end());
  Out.Searched.erase(std::unique(Out.Searched.begin(), Out.Searched.end()), Out.Searched.end());
  return Out;
}

} // namespace contractcheck
