#include "SystemHeaderRoots.h"

#include "CompilerFiles.h"
#include "ContentHash.h"
#include "FilesRead.h"
#include "IncludeRegion.h"
#include "Paths.h"
#include "RealPaths.h"
#include "StandardHeaders.h"

#include <clang/Basic/SourceManager.h>
#include <clang/Frontend/CompilerInstance.h>
#include <clang/Frontend/FrontendActions.h>
#include <clang/Lex/Lexer.h>
#include <clang/Lex/PPCallbacks.h>
#include <clang/Lex/Preprocessor.h>
#include <clang/Tooling/Tooling.h>
#include <llvm/ADT/DenseMap.h>
#include <llvm/ADT/DenseSet.h>
#include <llvm/ADT/SmallVector.h>

#include <algorithm>
#include <limits>

using namespace clang;

namespace contractcheck {

namespace {

// "Counter" below is how many roots had been entered when something happened: moving roots
// 1..N above the TU's own code is safe only when nothing the TU did before root k changes what
// root k reads, and nothing root k defines changes what the TU read before it.
class RootRecorder : public PPCallbacks {
public:
  RootRecorder(Preprocessor &PP, SystemHeaderRoots &Out)
      : PP(PP), SM(PP.getSourceManager()), Out(Out), All(Out.Roots), Standard(Out.Standard) {}

  void FileChanged(SourceLocation Loc, FileChangeReason Reason, SrcMgr::CharacteristicKind Kind,
                   FileID) override {
    if (Reason == ExitFile) {
      if (!Open.empty())
        Open.pop_back();
      InSystem = SrcMgr::isSystem(Kind);
      return;
    }
    if (Reason != EnterFile)
      return;
    // Clang makes whatever a system header includes a system header too.
    InSystem = SrcMgr::isSystem(Kind);
    bool IsRoot = InSystem && Pending;
    if (IsRoot) {
      All.push_back(std::move(*Pending));
      RootBraceDepth = BraceDepth;
    }
    size_t Use = NoUse;
    if (InSystem && PendingImplementation && PendingImplementation->OrderFree && !All.empty()) {
      Use = Standard.size();
      Standard.push_back({std::move(PendingImplementation->Header.Spelling),
                          std::move(PendingImplementation->Header.Path), All.size() - 1, IsRoot,
                          0});
      Reaches.emplace_back();
    }
    Origin From = !InSystem ? Origin::Project
                  : current() == Origin::Implementation || PendingImplementation
                      ? Origin::Implementation
                      : Origin::Library;
    OptionalFileEntryRef File = SM.getFileEntryRefForID(SM.getFileID(Loc));
    if (File && &File->getFileEntry() == SM.getFileEntryForID(SM.getMainFileID()))
      ++MainFileEntered;
    Open.push_back({From, Use, File ? &File->getFileEntry() : nullptr});
    reached(Open.back().File, true);
    Pending.reset();
    PendingImplementation.reset();
  }

  void FileSkipped(const FileEntryRef &Skipped, const Token &,
                   SrcMgr::CharacteristicKind) override {
    reached(&Skipped.getFileEntry(), false);
    Pending.reset();
    PendingImplementation.reset();
  }

  void InclusionDirective(SourceLocation, const Token &IncludeTok, StringRef FileName,
                          bool IsAngled, CharSourceRange, OptionalFileEntryRef File, StringRef,
                          StringRef, const Module *, bool,
                          SrcMgr::CharacteristicKind Kind) override {
    Pending.reset();
    PendingImplementation.reset();
    if (!File || !SrcMgr::isSystem(Kind))
      return;
    tok::PPKeywordKind Directive = IncludeTok.getIdentifierInfo()
                                       ? IncludeTok.getIdentifierInfo()->getPPKeywordID()
                                       : tok::pp_not_keyword;
    // What the implementation's headers include is theirs; #include_next finds another file than
    // #include <name> at the top would.
    if (current() != Origin::Implementation && IsAngled && Directive == tok::pp_include &&
        (isStandardHeader(FileName) || isPlatformHeader(FileName))) {
      PendingImplementation = PendingImplementationHeader{{FileName.str(), File->getName().str()},
                                                          isOrderFreeStandardHeader(FileName)};
      if (current() == Origin::Library && BraceDepth != RootBraceDepth)
        Pinned.insert(&File->getFileEntry());
    }
    if (InSystem)
      return;
    if (Directive != tok::pp_include || BraceDepth != 0)
      limit(All.size());
    Pending = SystemHeaderRoot{FileName.str(), File->getName().str()};
  }

  void MacroDefined(const Token &Name, const MacroDirective *) override { noteDefinition(Name); }
  void MacroUndefined(const Token &Name, const MacroDefinition &, const MacroDirective *) override {
    noteDefinition(Name);
  }

  void MacroExpands(const Token &Name, const MacroDefinition &, SourceRange,
                    const MacroArgs *) override {
    noteReference(Name.getIdentifierInfo());
  }
  void Defined(const Token &Name, const MacroDefinition &, SourceRange) override {
    noteReference(Name.getIdentifierInfo());
  }
  void Ifdef(SourceLocation, const Token &Name, const MacroDefinition &) override {
    noteReference(Name.getIdentifierInfo());
  }
  void Ifndef(SourceLocation, const Token &Name, const MacroDefinition &) override {
    noteReference(Name.getIdentifierInfo());
  }
  void Elifdef(SourceLocation, const Token &Name, const MacroDefinition &) override {
    noteReference(Name.getIdentifierInfo());
  }
  void Elifndef(SourceLocation, const Token &Name, const MacroDefinition &) override {
    noteReference(Name.getIdentifierInfo());
  }
  // An undefined name in #if reaches no other callback.
  void If(SourceLocation, SourceRange Condition, ConditionValueKind) override {
    noteConditionNames(Condition);
  }
  void Elif(SourceLocation, SourceRange Condition, ConditionValueKind, SourceLocation) override {
    noteConditionNames(Condition);
  }

  void PragmaDirective(SourceLocation Loc, PragmaIntroducerKind Introducer) override {
    // The predefines' own pragmas are the same wherever the roots go.
    if (!InSystem && !SM.isWrittenInBuiltinFile(Loc) && !harmlessPragma(Loc, Introducer))
      limit(All.size());
  }

  void onToken(const Token &Tok) {
    ++(!InSystem || All.empty() ? OwnTokens : All.back().Tokens);
    if (Tok.is(tok::l_brace))
      ++BraceDepth;
    else if (Tok.is(tok::r_brace))
      --BraceDepth;
    else if (Tok.is(tok::identifier) && !InSystem)
      FirstUse.try_emplace(Tok.getIdentifierInfo(), All.size());
    else if (Tok.is(tok::identifier) && current() == Origin::Library)
      LibraryReadUndefined.insert(Tok.getIdentifierInfo()); // not a macro, or it would be gone
  }

  // The main file was entered again: the TU includes itself.
  bool mainFileReentered() const { return MainFileEntered > 1; }

  // A macro a root defines that the TU's code named, as a plain identifier, before the root.
  void finish() {
    for (const auto &[Name, UsedAt] : FirstUse) {
      auto It = SystemDefinitions.find(Name);
      if (It == SystemDefinitions.end())
        continue;
      for (size_t DefinedAt : It->second)
        if (DefinedAt > UsedAt)
          limit(DefinedAt - 1);
    }
    std::vector<StandardHeaderUse> Kept;
    for (size_t U = 0; U < Standard.size(); ++U)
      if (Standard[U].Root < Limit &&
          std::none_of(Pinned.begin(), Pinned.end(),
                       [&](const FileEntry *F) { return Reaches[U].contains(F); }))
        Kept.push_back(std::move(Standard[U]));
    Standard = std::move(Kept);
    Out.UnsharedTokens = OwnTokens;
    for (size_t R = std::min(Limit, All.size()); R < All.size(); ++R)
      Out.UnsharedTokens += All[R].Tokens;
    All.resize(std::min(Limit, All.size()));
  }

private:
  void limit(size_t Roots) { Limit = std::min(Limit, Roots); }

  void noteDefinition(const Token &Name) {
    SourceLocation Loc = Name.getLocation();
    // The command line's macros are the same wherever the roots go.
    if (SM.isWrittenInBuiltinFile(Loc) || SM.isWrittenInCommandLineFile(Loc))
      return;
    const IdentifierInfo *II = Name.getIdentifierInfo();
    if (!InSystem) {
      ProjectTouched.try_emplace(II, All.size());
      return;
    }
    SystemDefinitions[II].push_back(All.size());
    if (current() == Origin::Library)
      LibraryDefined.insert(II);
    else if (LibraryDefined.contains(II) || LibraryReadUndefined.contains(II))
      pinCurrentFile(); // moved above the library's code, it would change what that code sees
  }

  void noteReference(const IdentifierInfo *II) {
    if (!II)
      return;
    if (!InSystem) {
      FirstUse.try_emplace(II, All.size());
      return;
    }
    auto It = ProjectTouched.find(II);
    if (It != ProjectTouched.end() && It->second < All.size())
      limit(All.size() - 1);
    if (current() == Origin::Implementation) {
      if (LibraryDefined.contains(II))
        pinCurrentFile(); // moved above the library's code, it would no longer see the macro
    } else if (!II->hasMacroDefinition()) {
      LibraryReadUndefined.insert(II);
    }
  }

  void pinCurrentFile() {
    if (!Open.empty() && Open.back().File)
      Pinned.insert(Open.back().File);
  }

  // Every standard header being read reaches File, whether it is entered or skipped as already
  // included: moving the header moves File's first inclusion along.
  void reached(const FileEntry *File, bool Entered) {
    if (!File)
      return;
    for (const OpenFile &F : Open)
      if (F.StandardUse != NoUse && Reaches[F.StandardUse].insert(File).second && Entered)
        ++Standard[F.StandardUse].Files;
  }

  void noteConditionNames(SourceRange Condition) {
    bool Invalid = false;
    StringRef Text = Lexer::getSourceText(CharSourceRange::getTokenRange(Condition), SM,
                                          PP.getLangOpts(), &Invalid);
    if (Invalid)
      return;
    auto Word = [](char C) { return isalnum(static_cast<unsigned char>(C)) || C == '_'; };
    while (!Text.empty()) {
      if (!Word(Text.front())) {
        Text = Text.drop_front();
        continue;
      }
      StringRef Name = Text.take_while(Word); // a number's digits and suffix are skipped whole
      Text = Text.drop_front(Name.size());
      if (!isdigit(static_cast<unsigned char>(Name.front())))
        noteReference(&PP.getIdentifierTable().get(Name));
    }
  }

  // Pragmas that change nothing a parse with warnings off would see.
  bool harmlessPragma(SourceLocation Loc, PragmaIntroducerKind Introducer) const {
    bool Invalid = false;
    const char *Text = SM.getCharacterData(SM.getSpellingLoc(Loc), &Invalid);
    if (Invalid)
      return false;
    StringRef Pragma(Text, std::min<size_t>(200, strlen(Text)));
    if (Introducer == PIK_HashPragma) {
      Pragma = Pragma.take_until([](char C) { return C == '\n'; }).drop_front().ltrim(); // '#'
      if (!Pragma.consume_front("pragma"))
        return false;
    } else if (Introducer == PIK__Pragma) { // _Pragma("GCC diagnostic push"), from a macro
      if (!Pragma.consume_front("_Pragma"))
        return false;
      Pragma = Pragma.ltrim();
      if (!Pragma.consume_front("("))
        return false;
      Pragma = Pragma.ltrim();
      if (!Pragma.consume_front("\""))
        return false;
      Pragma = Pragma.take_until([](char C) { return C == '"'; });
    } else {
      return false;
    }
    Pragma = Pragma.ltrim();
    StringRef First = Pragma.take_while([](char C) { return isalnum(C) || C == '_'; });
    if (First == "once" || First == "region" || First == "endregion" || First == "mark" ||
        First == "message" || First == "warning")
      return true;
    if (First != "GCC" && First != "clang")
      return false;
    return Pragma.drop_front(First.size()).ltrim().starts_with("diagnostic");
  }

  // Where the file being read came from: the TU's own code, the implementation (a standard or
  // platform header, and whatever it includes) or another system header, a library's.
  enum class Origin : uint8_t { Project, Implementation, Library };
  static constexpr size_t NoUse = std::numeric_limits<size_t>::max();
  struct OpenFile {
    Origin From;
    size_t StandardUse; // the file is a standard header: its index in Standard, or NoUse
    const FileEntry *File;
  };
  Origin current() const { return Open.empty() ? Origin::Project : Open.back().From; }

  Preprocessor &PP;
  const SourceManager &SM;
  SystemHeaderRoots &Out;
  std::vector<SystemHeaderRoot> &All;
  std::vector<StandardHeaderUse> &Standard;
  size_t Limit = std::numeric_limits<size_t>::max();
  bool InSystem = false;
  unsigned MainFileEntered = 0;
  size_t OwnTokens = 0; // lexed in the TU's own code (or before any root)
  std::vector<OpenFile> Open;
  int BraceDepth = 0;
  int RootBraceDepth = 0;
  std::optional<SystemHeaderRoot> Pending;
  struct PendingImplementationHeader {
    SystemHeaderRoot Header;
    bool OrderFree;
  };
  std::optional<PendingImplementationHeader> PendingImplementation;
  // The implementation's files whose macros interplay with a library's, or that a library
  // includes inside braces: a standard header that reaches one stays where it is.
  llvm::DenseSet<const FileEntry *> Pinned;
  std::vector<llvm::DenseSet<const FileEntry *>> Reaches; // per standard header
  llvm::DenseSet<const IdentifierInfo *> LibraryDefined;
  llvm::DenseSet<const IdentifierInfo *> LibraryReadUndefined;
  llvm::DenseMap<const IdentifierInfo *, size_t> ProjectTouched;
  llvm::DenseMap<const IdentifierInfo *, size_t> FirstUse;
  llvm::DenseMap<const IdentifierInfo *, llvm::SmallVector<size_t, 1>> SystemDefinitions;
};

class ScanAction : public PreprocessorFrontendAction {
public:
  ScanAction(SystemHeaderRoots &Out, ScanInputs *Inputs, std::string Directory)
      : Out(Out), Inputs(Inputs), Directory(std::move(Directory)) {}

private:
  void ExecuteAction() override {
    Preprocessor &PP = getCompilerInstance().getPreprocessor();
    auto Recorder = std::make_unique<RootRecorder>(PP, Out);
    RootRecorder &R = *Recorder;
    PP.addPPCallbacks(std::move(Recorder));
    PP.setTokenWatcher([&R](const Token &Tok) { R.onToken(Tok); });
    PP.EnterMainSourceFile();
    Token Tok;
    do
      PP.Lex(Tok);
    while (Tok.isNot(tok::eof));
    PP.setTokenWatcher(nullptr);
    R.finish();
    if (Inputs)
      noteInputs(PP.getSourceManager(), R.mainFileReentered());
  }

  void noteInputs(const SourceManager &SM, bool MainFileReentered) {
    OptionalFileEntryRef Main = SM.getFileEntryRefForID(SM.getMainFileID());
    if (!Main)
      return;
    Inputs->MainFile = realPathOf(absolutePath(Main->getName().str(), Directory));
    llvm::StringRef Text = SM.getBufferData(SM.getMainFileID());
    Inputs->MainRegion = includeRegionEnd(Text);
    Inputs->MainRegionHash = contentHash(Text.substr(0, Inputs->MainRegion));
    Inputs->MainFileReentered = MainFileReentered;
    Inputs->Dependencies = filesRead(SM, Directory);
    std::erase_if(Inputs->Dependencies,
                  [&](const auto &D) { return D.first == Inputs->MainFile; });
  }

  SystemHeaderRoots &Out;
  ScanInputs *Inputs;
  const std::string Directory;
};

} // namespace

SystemHeaderRoots scanSystemHeaderRoots(const std::vector<std::string> &Args,
                                        const std::string &Directory,
                                        const std::map<std::string, std::string> &Overlays,
                                        ScanInputs *Inputs) {
  SystemHeaderRoots Result;
  std::error_code DirectoryError;
  LookupLog Log;
  llvm::IntrusiveRefCntPtr<FileManager> Files =
      compilerFiles(Directory, Overlays, &DirectoryError, Inputs ? &Log : nullptr);
  if (DirectoryError)
    return {};
  tooling::ToolInvocation Invocation(
      Args, std::make_unique<ScanAction>(Result, Inputs, Directory), Files.get());
  DiagnosticConsumer Diagnostics; // counts the errors, prints nothing
  Invocation.setDiagnosticConsumer(&Diagnostics);
  if (!Invocation.run() || Diagnostics.getNumErrors() > 0)
    return {};
  Result.Preprocessed = true;
  if (Inputs)
    Inputs->Lookups = Log.take();
  return Result;
}

} // namespace contractcheck
