#include "SystemHeaderRoots.h"

#include "CompilerFiles.h"
#include "ContentHash.h"
#include "FilesRead.h"
#include "HeaderDirectives.h"
#include "IncludeRegion.h"
#include "Paths.h"
#include "RealPaths.h"
#include "StandardHeaders.h"

#include <clang/Basic/SourceManager.h>
#include <clang/Frontend/CompilerInstance.h>
#include <clang/Frontend/FrontendActions.h>
#include <clang/Lex/HeaderSearch.h>
#include <clang/Lex/Lexer.h>
#include <clang/Lex/PPCallbacks.h>
#include <clang/Lex/Preprocessor.h>
#include <clang/Lex/PreprocessorOptions.h>
#include <clang/Tooling/Tooling.h>
#include <llvm/ADT/DenseMap.h>
#include <llvm/ADT/DenseSet.h>
#include <llvm/ADT/SmallVector.h>

#include <algorithm>
#include <limits>
#include <optional>

using namespace clang;

namespace contractcheck {

namespace {

// "Counter" below is how many roots had been entered when something happened: moving roots
// 1..N above the TU's own code is safe only when nothing the TU did before root k changes what
// root k reads, and nothing root k defines changes what the TU read before it.
class RootRecorder : public PPCallbacks {
public:
  RootRecorder(Preprocessor &PP, SystemHeaderRoots &Out)
      : PP(PP), SM(PP.getSourceManager()), Out(Out), All(Out.Roots), Standard(Out.Standard) {
    // A macro that expands to _Pragma can push or pop a macro, which no directive shows.
    taint(PP.getIdentifierInfo("_Pragma"));
  }

  // The directives of a header of the implementation (a standard or platform header, or what one
  // includes) that the TU is about to enter, for the preprocessor to read instead of its text;
  // nothing when its text could change what this scan finds, and the header is read whole:
  // - the text names a macro that the TU's own code defined or undefined, or a library's header
  //   defined, and that is a macro now (or a macro whose expansion reaches one): expanded there,
  //   it limits the roots or pins the header (noteReference); or a condition the directives
  //   leave out names such a name, macro or not (#ifdef);
  // - its raw braces do not balance: the depth the scan keeps counts the braces of everything
  //   it read. A header of the implementation, taken whole, closes what it opens (a program
  //   may include it anywhere at namespace scope, [using.headers]/3); its macros' braces
  //   (__BEGIN_DECLS) are taken to come in pairs as its text's do;
  // - #pragma GCC poison, an identifier across a line splice, or a text the scanner refuses.
  // An #error it holds stays among its directives (HeaderDirectives.cpp): read, it fails the
  // scan, which is then made again reading every header whole.
  std::optional<ArrayRef<dependency_directives_scan::Directive>> directivesFor(FileEntryRef File) {
    NextMinimized.reset();
    if (current() != Origin::Implementation && !PendingImplementation)
      return std::nullopt;
    std::optional<llvm::MemoryBufferRef> Buffer =
        PP.getSourceManager().getMemoryBufferForFileOrNone(File);
    if (!Buffer)
      return std::nullopt;
    std::shared_ptr<const HeaderDirectives> Header =
        headerDirectives(Buffer->getBuffer(), PP.getLangOpts());
    if (Header->Opaque || Header->BraceBalance != 0 || Header->Directives.empty() ||
        namesAny(Header->Identifiers, Tainted) ||
        namesAny(Header->DirectiveIdentifiers, Touched) ||
        namesAny(Header->DirectiveIdentifiers, Tainted))
      return std::nullopt;
    NextMinimized = Header;

    return ArrayRef<dependency_directives_scan::Directive>(Header->Directives);
  }

  // The minimized text could have changed the result: the caller scans again, reading every
  // header whole.
  bool needsFullScan() const { return NeedsFullScan; }

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
    OptionalFileEntryRef File = SM.getFileEntryRefForID(SM.getFileID(Loc));
    noteIncluded(File);
    bool IsRoot = InSystem && Pending;
    if (IsRoot) {
      All.push_back(std::move(*Pending));
      RootFiles.push_back(File);
      MinimizedUnder.emplace_back();
      UnderStandardRoot = PendingImplementation && PendingImplementation->OrderFree;
      Out.Entered.emplace_back();
      RootBraceDepth = BraceDepth;
    }
    if (InSystem && File && !Out.Entered.empty() && EnteredOnce.insert(&File->getFileEntry()).second)
      Out.Entered.back().push_back(File->getName().str());
    if (InSystem && PendingCxxStandard)
      for (const OpenFile &F : Open)
        if (F.StandardUse != NoUse)
          Standard[F.StandardUse].Enters.push_back(*PendingCxxStandard);
    size_t Use = NoUse;
    if (InSystem && PendingImplementation && PendingImplementation->OrderFree && !All.empty()) {
      Use = Standard.size();
      Standard.push_back({std::move(PendingImplementation->Header.Spelling),
                          std::move(PendingImplementation->Header.Path), All.size() - 1, IsRoot,
                          0, {}});
      Reaches.emplace_back();
    }
    Origin From = !InSystem ? Origin::Project
                  : current() == Origin::Implementation || PendingImplementation
                      ? Origin::Implementation
                      : Origin::Library;
    if (File && &File->getFileEntry() == SM.getFileEntryForID(SM.getMainFileID()))
      ++MainFileEntered;
    const HeaderDirectives *Minimized = nullptr;
    if (NextMinimized) {
      // What onToken would have counted, roughly: its tokens outside directives, unexpanded.
      (All.empty() ? OwnTokens : All.back().Tokens) += NextMinimized->TokenCount;
      Minimized = NextMinimized.get();
      if (InSystem && !MinimizedUnder.empty())
        MinimizedUnder.back().push_back(Minimized);
      Used.push_back(std::move(NextMinimized));
      NextMinimized.reset();
    }
    Open.push_back({From, Use, File ? &File->getFileEntry() : nullptr, Minimized});
    reached(Open.back().File, true);
    Pending.reset();
    PendingImplementation.reset();
    PendingCxxStandard.reset();
  }

  void FileSkipped(const FileEntryRef &Skipped, const Token &,
                   SrcMgr::CharacteristicKind) override {
    noteIncluded(Skipped);
    reached(&Skipped.getFileEntry(), false);
    Pending.reset();
    PendingImplementation.reset();
    PendingCxxStandard.reset();
  }

  void InclusionDirective(SourceLocation, const Token &IncludeTok, StringRef FileName,
                          bool IsAngled, CharSourceRange, OptionalFileEntryRef File, StringRef,
                          StringRef, const Module *, bool,
                          SrcMgr::CharacteristicKind Kind) override {
    Pending.reset();
    PendingImplementation.reset();
    PendingCxxStandard.reset();
    if (!File || !SrcMgr::isSystem(Kind))
      return;
    tok::PPKeywordKind Directive = IncludeTok.getIdentifierInfo()
                                       ? IncludeTok.getIdentifierInfo()->getPPKeywordID()
                                       : tok::pp_not_keyword;
    if (IsAngled && Directive == tok::pp_include && isOrderFreeStandardHeader(FileName) &&
        !FileName.ends_with(".h"))
      PendingCxxStandard = SystemHeaderRoot{FileName.str(), File->getName().str()};
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

  void MacroDefined(const Token &Name, const MacroDirective *MD) override {
    noteDefinition(Name);
    // Which macros' expansions reach which names, for the minimized headers' check.
    const IdentifierInfo *Defined = Name.getIdentifierInfo();
    const MacroInfo *Info = MD ? MD->getMacroInfo() : nullptr;
    if (!Defined || !Info)
      return;
    if (Touched.contains(Defined))
      taint(Defined); // a macro now
    bool ReachesTainted = false;
    for (const Token &T : Info->tokens())
      if (const IdentifierInfo *II = T.getIdentifierInfo();
          II && !llvm::is_contained(Info->params(), II)) { // a parameter is no macro there
        Mentioned[II].push_back(Defined);
        ReachesTainted |= Tainted.contains(II);
        if (InSystem && current() == Origin::Implementation)
          nameUnderRoot(II); // expanded in its own header, it reads II there

      }
    if (ReachesTainted)
      taint(Defined);
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

  // SourceManager::isWrittenIn{Builtin,CommandLine}File name the presumed file, which builds
  // the line table of every header that defines a macro (a tenth of the scan's time on
  // yaml-cpp). Only the predefines buffer, or a file whose line markers could rename it, is
  // written there: the others are asked nothing.
  bool writtenInPredefines(SourceLocation Loc) const {
    FileID File = SM.getFileID(SM.getExpansionLoc(Loc));
    bool Invalid = false;
    const SrcMgr::SLocEntry &Entry = SM.getSLocEntry(File, &Invalid);
    if (Invalid || !Entry.isFile())
      return false;
    if (File != PP.getPredefinesFileID() && !Entry.getFile().hasLineDirectives())
      return false;
    return SM.isWrittenInBuiltinFile(Loc) || SM.isWrittenInCommandLineFile(Loc);
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
    else if (Tok.getIdentifierInfo() && current() == Origin::Implementation)
      nameUnderRoot(Tok.getIdentifierInfo()); // a keyword too: a library may define it
  }

  // The main file was entered again: the TU includes itself.
  bool mainFileReentered() const { return MainFileEntered > 1; }

  // A macro a root defines that the TU's code named, as a plain identifier, before the root.
  void finish() {
    limitAtFirstRootReadAgain();
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
    for (StandardHeaderUse &Use : Standard)
      Use.MayFollow = Use.IsRoot && mayFollowLaterLibraryRoots(Use.Root);
    Out.UnsharedTokens = OwnTokens;
    for (size_t R = std::min(Limit, All.size()); R < All.size(); ++R)
      Out.UnsharedTokens += All[R].Tokens;
    All.resize(std::min(Limit, All.size()));
    Out.Entered.resize(All.size());
  }

private:
  void limit(size_t Roots) { Limit = std::min(Limit, Roots); }

  // Root R, a standard header of the TU's own, against the library roots after it, which a
  // prefix would move above it (StandardHeaderUse::MayFollow): none of their headers read or
  // changed a macro R's headers defined (tieEarlierDefiners), and none defines a name R's headers
  // read: expanded in a directive or where a macro of theirs was expanded, lexed in their text
  // read whole, or written anywhere in the text of those read as directives only. A standard
  // header's own includes are the standard's to order (their files entered first under a library
  // root move along with it).
  bool mayFollowLaterLibraryRoots(size_t R) const {
    if (Tied.contains(R) || R >= MinimizedUnder.size())
      return false;
    auto DefinedAfter = [&](const IdentifierInfo *II) {
      auto It = LibraryDefinedLast.find(II);
      return It != LibraryDefinedLast.end() && It->second > R + 1;
    };
    for (const auto &[II, Last] : LibraryDefinedLast)
      if (Last > R + 1)
        if (auto It = NamedUnder.find(II);
            It != NamedUnder.end() && llvm::is_contained(It->second, R))
          return false;
    if (LibraryDefinedLast.empty())
      return true;
    const IdentifierTable &Table = PP.getIdentifierTable();
    auto NamesOne = [&](const llvm::StringSet<> &Names) {
      return std::any_of(Names.begin(), Names.end(), [&](const auto &E) {
        auto It = Table.find(E.getKey());
        return It != Table.end() && DefinedAfter(It->second);
      });
    };
    return std::none_of(MinimizedUnder[R].begin(), MinimizedUnder[R].end(),
                        [&](const HeaderDirectives *H) {
                          return NamesOne(H->Identifiers) || NamesOne(H->DirectiveIdentifiers);
                        });
  }

  // A library's header reads or changes II, which the headers of an earlier root defined: those
  // roots may not come after it.
  void tieEarlierDefiners(const IdentifierInfo *II) {
    auto It = SystemDefinitions.find(II);
    if (It == SystemDefinitions.end())
      return;
    for (size_t DefinedAt : It->second)
      if (DefinedAt > 0 && DefinedAt < All.size())
        Tied.insert(DefinedAt - 1);
  }

  // A header of the implementation under the current root reads II. Only a standard root's
  // names are asked about: a library root's standard headers, read whole once the library has
  // defined names they read, are left uncounted.
  void nameUnderRoot(const IdentifierInfo *II) {
    if (!UnderStandardRoot || All.empty() || !II)
      return;
    llvm::SmallVector<size_t, 1> &Roots = NamedUnder[II];
    if (Roots.empty() || Roots.back() != All.size() - 1)
      Roots.push_back(All.size() - 1);
  }

  // With the prefix loaded, the TU's own #include of each root in it reads that root again,
  // which changes nothing only when the root is a standard header, which may be included more
  // than once to no other effect ([using.headers]/2, C17 7.1.2/4), or readAgainToNoEffect. A
  // root that is neither is read twice: protobuf's port_def.inc fails with #error unless
  // port_undef.inc came between, an X-macro .inc defines its names again. Such a root, and
  // every root after it, stays in place.
  void limitAtFirstRootReadAgain() {
    llvm::DenseMap<const FileEntry *, bool> Known;
    for (size_t R = 0; R < All.size() && R < RootFiles.size(); ++R) {
      if (!isStandardHeader(All[R].Spelling) &&
          !(RootFiles[R] && readAgainToNoEffect(*RootFiles[R], Known))) {
        limit(R);
        return;
      }
    }
  }

  // A header with an include guard or #pragma once (as clang found them while reading it); one
  // whose text is #include lines of such headers only (Qt's <QString> is the line
  // #include "qstring.h"); or one whose text is #include lines of such headers followed by an
  // include guard around the rest, its macro still defined at the end of the TU (Qt 6's
  // qstringlist.h includes qlist.h above its guard, which clang's multiple-include detection
  // does not see past): read again, its #include lines read what has no effect the second time,
  // and its guard skips the rest. Recursively, each header its #include lines found.
  // Known: the answer for each file asked about, false while it is being answered (an
  // #include cycle); a header included again by the same one (QtContainerFwd, read again each
  // time, includes qcontainerfwd.h each time) is answered once.
  bool readAgainToNoEffect(FileEntryRef File, llvm::DenseMap<const FileEntry *, bool> &Known) {
    if (PP.getHeaderSearchInfo().isFileMultipleIncludeGuarded(File))
      return true;
    auto [Answer, New] = Known.try_emplace(&File.getFileEntry(), false);
    if (!New)
      return Answer->second;
    bool Result = readAgainToNoEffectUnlessKnown(File, Known);
    Known[&File.getFileEntry()] = Result;
    return Result;
  }
  bool readAgainToNoEffectUnlessKnown(FileEntryRef File,
                                      llvm::DenseMap<const FileEntry *, bool> &Known) {
    std::optional<llvm::MemoryBufferRef> Buffer =
        PP.getSourceManager().getMemoryBufferForFileOrNone(File);
    if (!Buffer)
      return false;
    std::shared_ptr<const HeaderDirectives> Header =
        headerDirectives(Buffer->getBuffer(), PP.getLangOpts());
    if (Header->Opaque)
      return false;
    using namespace dependency_directives_scan;
    // How many of the #include lines its first read entered come above its guard; nullopt: all
    // of them (a forwarding header, with no guard of its own).
    std::optional<size_t> Leading = 0;
    if (!Header->GuardAfterIncludes.empty()) {
      const IdentifierInfo *Guard = PP.getIdentifierInfo(Header->GuardAfterIncludes);
      if (!Guard->hasMacroDefinition())
        return false;
      Leading = Header->LeadingIncludes;
    } else if (Header->TokenCount == 0 && Header->DirectiveIdentifiers.empty() &&
               std::all_of(Header->Directives.begin(), Header->Directives.end(),
                           [](const Directive &D) {
                             return D.Kind == pp_include || D.Kind == pp_include_next ||
                                    D.Kind == pp_import || D.Kind == pp_eof;
                           })) {
      Leading = std::nullopt;
    } else {
      return false;
    }
    // What its first read included, in order: the #include lines above its guard come first
    // (a second read, where the text was not guarded, adds them again).
    auto It = Included.find(&File.getFileEntry());
    if (It == Included.end())
      return Leading.value_or(0) == 0;
    if (Leading && It->second.size() < *Leading)
      return false;
    auto End = It->second.begin() + Leading.value_or(It->second.size());
    return std::all_of(It->second.begin(), End,
                       [&](FileEntryRef Next) { return readAgainToNoEffect(Next, Known); });
  }

  // What the file being read includes, entered or skipped (readAgainToNoEffect).
  void noteIncluded(OptionalFileEntryRef File) {
    if (File && !Open.empty() && Open.back().File)
      Included[Open.back().File].push_back(*File);
  }

  void noteDefinition(const Token &Name) {
    SourceLocation Loc = Name.getLocation();
    // The command line's macros are the same wherever the roots go.
    if (writtenInPredefines(Loc))
      return;
    const IdentifierInfo *II = Name.getIdentifierInfo();
    if (!InSystem) {
      ProjectTouched.try_emplace(II, All.size());
      Touched.insert(II);
      return;
    }
    if (current() == Origin::Library) {
      tieEarlierDefiners(II);
      size_t &Last = LibraryDefinedLast[II];
      Last = std::max(Last, All.size());
    }
    SystemDefinitions[II].push_back(All.size());
    if (current() == Origin::Library) {
      LibraryDefined.insert(II);
      Touched.insert(II);
    } else if (LibraryDefined.contains(II) || LibraryReadUndefined.contains(II))
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
      nameUnderRoot(II);
      if (LibraryDefined.contains(II))
        pinCurrentFile(); // moved above the library's code, it would no longer see the macro
    } else {
      tieEarlierDefiners(II);
      if (!II->hasMacroDefinition())
        LibraryReadUndefined.insert(II);
    }
  }

  // Touched names that have been macros, whose expansion in a header's text could change the
  // result, and every macro whose expansion reaches one. (One undefined since stays: more is
  // read whole than need be, never less.)
  void taint(const IdentifierInfo *II) {
    llvm::SmallVector<const IdentifierInfo *, 8> Work{II};
    while (!Work.empty()) {
      const IdentifierInfo *Next = Work.pop_back_val();
      if (!Tainted.insert(Next).second)
        continue;
      // A header read minimized that is still being read could name it further down.
      for (const OpenFile &F : Open)
        if (F.Minimized && F.Minimized->Identifiers.contains(Next->getName()))
          NeedsFullScan = true;
      auto It = Mentioned.find(Next);
      if (It != Mentioned.end())
        Work.append(It->second.begin(), It->second.end());
    }
  }

  bool namesAny(const llvm::StringSet<> &Names,
                const llvm::DenseSet<const IdentifierInfo *> &Of) const {
    if (Of.size() < Names.size())
      return std::any_of(Of.begin(), Of.end(), [&](const IdentifierInfo *II) {
        return Names.contains(II->getName());
      });
    const IdentifierTable &Table = PP.getIdentifierTable();
    return std::any_of(Names.begin(), Names.end(), [&](const auto &E) {
      auto It = Table.find(E.getKey());
      return It != Table.end() && Of.contains(It->second);
    });
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
      // Clang lexes the pragma from its string, unquoted, with a lexer of its own that has read
      // nothing yet: a macro's _Pragma(#text) (Qt's QT_DO_PRAGMA, in QT_WARNING_PUSH and so in
      // every Q_OBJECT) spells no string where it is written.
      // Every PreprocessorLexer is a Lexer in Clang 19 (no classof to ask).
      auto *Own = static_cast<Lexer *>(PP.getCurrentLexer());
      if (Own && SM.isWrittenInScratchSpace(SM.getSpellingLoc(Own->getSourceLocation()))) {
        const char *At = Own->getBufferLocation(); // the scratch buffer ends each text with a NUL
        Pragma = StringRef(At, strnlen(At, 200)).take_until([](char C) { return C == '\n'; });
      } else {
        if (!Pragma.consume_front("_Pragma"))
          return false;
        Pragma = Pragma.ltrim();
        if (!Pragma.consume_front("("))
          return false;
        Pragma = Pragma.ltrim();
        if (!Pragma.consume_front("\""))
          return false;
        Pragma = Pragma.take_until([](char C) { return C == '"'; });
      }
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
    const HeaderDirectives *Minimized; // read as its directives only
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
  std::optional<SystemHeaderRoot> PendingCxxStandard; // the next file entered is one
  // The implementation's files whose macros interplay with a library's, or that a library
  // includes inside braces: a standard header that reaches one stays where it is.
  llvm::DenseSet<const FileEntry *> Pinned;
  std::vector<llvm::DenseSet<const FileEntry *>> Reaches; // per standard header
  llvm::DenseSet<const IdentifierInfo *> LibraryDefined;
  llvm::DenseSet<const IdentifierInfo *> LibraryReadUndefined;
  llvm::DenseMap<const IdentifierInfo *, size_t> ProjectTouched;
  llvm::DenseMap<const IdentifierInfo *, size_t> FirstUse;
  llvm::DenseMap<const IdentifierInfo *, llvm::SmallVector<size_t, 1>> SystemDefinitions;
  // The minimized headers' bookkeeping (directivesFor).
  llvm::DenseSet<const IdentifierInfo *> Touched; // by the TU's code or a library's header
  llvm::DenseSet<const IdentifierInfo *> Tainted;
  llvm::DenseMap<const IdentifierInfo *, llvm::SmallVector<const IdentifierInfo *, 2>> Mentioned;
  std::shared_ptr<const HeaderDirectives> NextMinimized;
  std::vector<std::shared_ptr<const HeaderDirectives>> Used; // the preprocessor reads them
  std::vector<OptionalFileEntryRef> RootFiles;               // the file each of All resolved to
  llvm::DenseSet<const FileEntry *> EnteredOnce; // in Out.Entered
  llvm::DenseMap<const FileEntry *, llvm::SmallVector<FileEntryRef, 2>> Included;
  bool NeedsFullScan = false;
  // Whether a standard root may come after the library roots that follow it
  // (mayFollowLaterLibraryRoots): per root, the headers read as directives only under it; per
  // name, the roots whose implementation headers read it; per macro a library's header defined or
  // undefined, the last root under which it did; the roots whose macros a later library read.
  std::vector<std::vector<const HeaderDirectives *>> MinimizedUnder;
  llvm::DenseMap<const IdentifierInfo *, llvm::SmallVector<size_t, 1>> NamedUnder;
  llvm::DenseMap<const IdentifierInfo *, size_t> LibraryDefinedLast;
  llvm::DenseSet<size_t> Tied;
  bool UnderStandardRoot = false; // the current root is a standard header that may lead
};

class ScanAction : public PreprocessorFrontendAction {
public:
  ScanAction(SystemHeaderRoots &Out, ScanInputs *Inputs, std::string Directory, bool Minimize,
             bool &NeedsFullScan)
      : Out(Out), Inputs(Inputs), Directory(std::move(Directory)), Minimize(Minimize),
        NeedsFullScan(NeedsFullScan) {}

private:
  void ExecuteAction() override {
    // A scan that fails is the TU's parse's to report: no "N errors generated." on stderr.
    getCompilerInstance().getDiagnosticOpts().ShowCarets = false;
    Preprocessor &PP = getCompilerInstance().getPreprocessor();
    auto Recorder = std::make_unique<RootRecorder>(PP, Out);
    RootRecorder &R = *Recorder;
    PP.addPPCallbacks(std::move(Recorder));
    PP.setTokenWatcher([&R](const Token &Tok) { R.onToken(Tok); });
    if (Minimize)
      PP.getPreprocessorOpts().DependencyDirectivesForFile = [&R](FileEntryRef File) {
        return R.directivesFor(File);
      };
    PP.EnterMainSourceFile();
    Token Tok;
    do
      PP.Lex(Tok);
    while (Tok.isNot(tok::eof));
    PP.setTokenWatcher(nullptr);
    R.finish();
    PP.getPreprocessorOpts().DependencyDirectivesForFile = nullptr;
    NeedsFullScan = R.needsFullScan();
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
  const bool Minimize;
  bool &NeedsFullScan;
};

} // namespace

namespace {

// One preprocessor run; NeedsFullScan tells that a minimized header could have changed it.
SystemHeaderRoots scanOnce(const std::vector<std::string> &Args, const std::string &Directory,
                           const std::map<std::string, std::string> &Overlays, ScanInputs *Inputs,
                           bool Minimize, bool &NeedsFullScan) {
  SystemHeaderRoots Result;
  std::error_code DirectoryError;
  LookupLog Log;
  llvm::IntrusiveRefCntPtr<FileManager> Files =
      compilerFiles(Directory, Overlays, &DirectoryError, Inputs ? &Log : nullptr);
  if (DirectoryError)
    return {};
  tooling::ToolInvocation Invocation(
      Args, std::make_unique<ScanAction>(Result, Inputs, Directory, Minimize, NeedsFullScan),
      Files.get());
  DiagnosticConsumer Diagnostics; // counts the errors, prints nothing
  Invocation.setDiagnosticConsumer(&Diagnostics);
  if (!Invocation.run() || Diagnostics.getNumErrors() > 0) {
    // Whatever went wrong is the whole scan's to find.
    NeedsFullScan = Minimize;
    return {};
  }
  Result.Preprocessed = true;
  if (Inputs)
    Inputs->Lookups = Log.take();
  return Result;
}

} // namespace

SystemHeaderRoots scanSystemHeaderRoots(const std::vector<std::string> &Args,
                                        const std::string &Directory,
                                        const std::map<std::string, std::string> &Overlays,
                                        ScanInputs *Inputs, HeaderReading Reading) {
  bool NeedsFullScan = false;
  if (Reading == HeaderReading::MinimizeImplementation) {
    SystemHeaderRoots Result = scanOnce(Args, Directory, Overlays, Inputs, true, NeedsFullScan);
    if (!NeedsFullScan)
      return Result;
    if (Inputs)
      *Inputs = ScanInputs();
  }
  return scanOnce(Args, Directory, Overlays, Inputs, false, NeedsFullScan);
}

} // namespace contractcheck
