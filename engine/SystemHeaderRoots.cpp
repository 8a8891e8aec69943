#include "SystemHeaderRoots.h"

#include "CompilerFiles.h"

#include <clang/Basic/SourceManager.h>
#include <clang/Frontend/CompilerInstance.h>
#include <clang/Frontend/FrontendActions.h>
#include <clang/Lex/Lexer.h>
#include <clang/Lex/PPCallbacks.h>
#include <clang/Lex/Preprocessor.h>
#include <clang/Tooling/Tooling.h>
#include <llvm/ADT/DenseMap.h>
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
  RootRecorder(Preprocessor &PP, std::vector<SystemHeaderRoot> &All, size_t &Limit)
      : PP(PP), SM(PP.getSourceManager()), All(All), Limit(Limit) {}

  void FileChanged(SourceLocation, FileChangeReason Reason, SrcMgr::CharacteristicKind Kind,
                   FileID) override {
    if (Reason != EnterFile && Reason != ExitFile)
      return;
    // Clang makes whatever a system header includes a system header too.
    InSystem = SrcMgr::isSystem(Kind);
    if (Reason == EnterFile && InSystem && Pending) {
      All.push_back(std::move(*Pending));
      Pending.reset();
    }
  }

  void FileSkipped(const FileEntryRef &, const Token &, SrcMgr::CharacteristicKind) override {
    Pending.reset();
  }

  void InclusionDirective(SourceLocation, const Token &IncludeTok, StringRef FileName, bool,
                          CharSourceRange, OptionalFileEntryRef File, StringRef, StringRef,
                          const Module *, bool, SrcMgr::CharacteristicKind Kind) override {
    Pending.reset();
    if (InSystem || !File || !SrcMgr::isSystem(Kind))
      return;
    tok::PPKeywordKind Directive = IncludeTok.getIdentifierInfo()
                                       ? IncludeTok.getIdentifierInfo()->getPPKeywordID()
                                       : tok::pp_not_keyword;
    if (Directive != tok::pp_include || BraceDepth != 0)
      limit(All.size());
    Pending = SystemHeaderRoot{FileName.str(), File->getName().str()};
  }

  void MacroDefined(const Token &Name, const MacroDirective *) override {
    noteDefinition(Name);
  }
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
    if (Tok.is(tok::l_brace))
      ++BraceDepth;
    else if (Tok.is(tok::r_brace))
      --BraceDepth;
    else if (!InSystem && Tok.is(tok::identifier))
      FirstUse.try_emplace(Tok.getIdentifierInfo(), All.size());
  }

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
  }

private:
  void limit(size_t Roots) { Limit = std::min(Limit, Roots); }

  void noteDefinition(const Token &Name) {
    SourceLocation Loc = Name.getLocation();
    // The command line's macros are the same wherever the roots go.
    if (SM.isWrittenInBuiltinFile(Loc) || SM.isWrittenInCommandLineFile(Loc))
      return;
    const IdentifierInfo *II = Name.getIdentifierInfo();
    if (InSystem)
      SystemDefinitions[II].push_back(All.size());
    else
      ProjectTouched.try_emplace(II, All.size());
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

  Preprocessor &PP;
  const SourceManager &SM;
  std::vector<SystemHeaderRoot> &All;
  size_t &Limit;
  bool InSystem = false;
  int BraceDepth = 0;
  std::optional<SystemHeaderRoot> Pending;
  llvm::DenseMap<const IdentifierInfo *, size_t> ProjectTouched;
  llvm::DenseMap<const IdentifierInfo *, size_t> FirstUse;
  llvm::DenseMap<const IdentifierInfo *, llvm::SmallVector<size_t, 1>> SystemDefinitions;
};

class ScanAction : public PreprocessorFrontendAction {
public:
  ScanAction(std::vector<SystemHeaderRoot> &All, size_t &Limit) : All(All), Limit(Limit) {}

private:
  void ExecuteAction() override {
    Preprocessor &PP = getCompilerInstance().getPreprocessor();
    auto Recorder = std::make_unique<RootRecorder>(PP, All, Limit);
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
  }

  std::vector<SystemHeaderRoot> &All;
  size_t &Limit;
};

} // namespace

SystemHeaderRoots scanSystemHeaderRoots(const std::vector<std::string> &Args,
                                        const std::string &Directory) {
  SystemHeaderRoots Result;
  std::vector<SystemHeaderRoot> All;
  size_t Limit = std::numeric_limits<size_t>::max();
  std::error_code DirectoryError;
  llvm::IntrusiveRefCntPtr<FileManager> Files = compilerFiles(Directory, {}, &DirectoryError);
  if (DirectoryError)
    return Result;
  tooling::ToolInvocation Invocation(Args, std::make_unique<ScanAction>(All, Limit), Files.get());
  DiagnosticConsumer Diagnostics; // counts the errors, prints nothing
  Invocation.setDiagnosticConsumer(&Diagnostics);
  if (!Invocation.run() || Diagnostics.getNumErrors() > 0)
    return Result;
  Result.Preprocessed = true;
  All.resize(std::min(Limit, All.size()));
  Result.Roots = std::move(All);
  return Result;
}

} // namespace contractcheck
