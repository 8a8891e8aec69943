#include "rules/string-dispatch/QtUicForms.h"

#include "GeneratedCode.h"
#include "rules/string-dispatch/QtSignature.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/ExprCXX.h>
#include <clang/ASTMatchers/ASTMatchFinder.h>
#include <clang/ASTMatchers/ASTMatchers.h>
#include <clang/Basic/SourceManager.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/VirtualFileSystem.h>

#include <algorithm>

using namespace clang;
using namespace clang::ast_matchers;

namespace contractcheck {

namespace {

constexpr llvm::StringLiteral Banner = "Form generated from reading UI file '";

// An element's text with XML's predefined entities decoded ("QList&lt;int&gt;").
std::string decoded(llvm::StringRef Text) {
  static const std::pair<llvm::StringRef, char> Entities[] = {
      {"&lt;", '<'}, {"&gt;", '>'}, {"&amp;", '&'}, {"&quot;", '"'}, {"&apos;", '\''}};
  std::string Out;
  for (size_t I = 0; I < Text.size();) {
    auto It = std::find_if(std::begin(Entities), std::end(Entities),
                           [&](const auto &E) { return Text.substr(I).starts_with(E.first); });
    if (It != std::end(Entities)) {
      Out += It->second;
      I += It->first.size();
    } else {
      Out += Text[I++];
    }
  }
  return Out;
}

// The signature an element's text is, as the strings uic writes are compared: normalised.
std::string normalised(const std::string &Text) {
  std::optional<QtSignature> Signature = parseQtSignature(Text);
  return Signature ? Signature->text() : std::string();
}

} // namespace

void QtUicForms::reset(ASTContext &Context) {
  if (For == &Context)
    return;
  For = &Context;
  SetupCalls.reset();
  Forms.clear();
  Uic.clear();
}

bool QtUicForms::generatedByUic(FileID File, const SourceManager &SM) {
  auto [It, Inserted] = Uic.try_emplace(File, false);
  if (Inserted)
    if (std::optional<llvm::StringRef> Text = SM.getBufferDataOrNone(File))
      It->second = generatorOf(*Text) == "uic";
  return It->second;
}

QtCreation QtUicForms::formCreation(const Expr &Object, ASTContext &Context) {
  reset(Context);
  const auto *Ref = dyn_cast<DeclRefExpr>(Object.IgnoreParenImpCasts());
  const auto *Parameter = Ref ? dyn_cast<ParmVarDecl>(Ref->getDecl()) : nullptr;
  const auto *SetupUi =
      Parameter ? dyn_cast<CXXMethodDecl>(Parameter->getDeclContext()) : nullptr;
  const SourceManager &SM = Context.getSourceManager();
  if (!SetupUi || !SetupUi->getDeclName().isIdentifier() || SetupUi->getName() != "setupUi" ||
      Parameter->getFunctionScopeIndex() != 0 ||
      !generatedByUic(SM.getFileID(SM.getExpansionLoc(SetupUi->getLocation())), SM))
    return {};
  if (!SetupCalls) {
    // One walk of the TU, only once a string on a form's top-level object names something the
    // widget class it is based on lacks.
    SetupCalls.emplace();
    auto Call = cxxMemberCallExpr(callee(cxxMethodDecl(hasName("setupUi"))),
                                  hasArgument(0, ignoringParenImpCasts(cxxThisExpr())))
                    .bind("call");
    for (const BoundNodes &Nodes :
         match(cxxConstructorDecl(isDefinition(), forEachDescendant(Call)).bind("constructor"),
               Context)) {
      const auto *Constructor = Nodes.getNodeAs<CXXConstructorDecl>("constructor");
      const auto *Setup = Nodes.getNodeAs<CXXMemberCallExpr>("call");
      if (Constructor->isDependentContext() || !Setup->getMethodDecl())
        continue;
      SetupCalls->emplace_back(Setup->getMethodDecl()->getCanonicalDecl(),
                               Constructor->getParent()->getDefinition());
    }
  }
  QtCreation Made;
  for (const auto &[Method, Class] : *SetupCalls)
    if (Method == SetupUi->getCanonicalDecl() && Class &&
        std::find(Made.Classes.begin(), Made.Classes.end(), Class) == Made.Classes.end())
      Made.Classes.push_back(Class);
  if (!Made.Classes.empty())
    Made.Is = QtCreation::State::Made;
  return Made;
}

const QtUicForms::Form &QtUicForms::formOf(FileID Generated, SourceManager &SM) {
  auto [It, Inserted] = Forms.try_emplace(Generated);
  Form &Found = It->second;
  if (!Inserted)
    return Found;
  llvm::StringRef Head = SM.getBufferData(Generated).take_front(GeneratedBannerWindow);
  size_t At = Head.find(Banner);
  if (At == llvm::StringRef::npos)
    return Found;
  llvm::StringRef Name = Head.substr(At + Banner.size()).take_until([](char C) {
    return C == '\'' || C == '\n';
  });
  if (Name.empty() || llvm::sys::path::filename(Name) != Name)
    return Found;

  // Where AUTOUIC and qmake find it: next to the source that includes the header (or the TU's
  // own), in a folder beside it (forms/, ui/), or beside its folder; a header kept with its .ui.
  FileManager &FM = SM.getFileManager();
  llvm::vfs::FileSystem &FS = FM.getVirtualFileSystem();
  std::vector<std::string> Sources;
  if (SourceLocation Includer = SM.getIncludeLoc(Generated); Includer.isValid())
    Sources.push_back(SM.getFilename(SM.getExpansionLoc(Includer)).str());
  if (OptionalFileEntryRef Main = SM.getFileEntryRefForID(SM.getMainFileID()))
    Sources.push_back(Main->getName().str());
  std::vector<std::string> Folders;
  auto Add = [&](llvm::StringRef Folder) {
    if (std::find(Folders.begin(), Folders.end(), Folder.str()) == Folders.end())
      Folders.push_back(Folder.str());
  };
  auto AddBelow = [&](llvm::StringRef Folder) {
    std::error_code Error;
    for (llvm::vfs::directory_iterator Entry = FS.dir_begin(Folder.empty() ? "." : Folder, Error),
                                       End;
         !Error && Entry != End; Entry.increment(Error))
      if (Entry->type() == llvm::sys::fs::file_type::directory_file &&
          !llvm::sys::path::filename(Entry->path()).starts_with("."))
        Add(Entry->path());
  };
  for (const std::string &Source : Sources)
    Add(llvm::sys::path::parent_path(Source));
  if (OptionalFileEntryRef Header = SM.getFileEntryRefForID(Generated))
    Add(llvm::sys::path::parent_path(Header->getName()));
  for (const std::string &Source : Sources) {
    llvm::StringRef Folder = llvm::sys::path::parent_path(Source);
    AddBelow(Folder);
    if (llvm::StringRef Up = llvm::sys::path::parent_path(Folder); !Up.empty()) {
      Add(Up);
      AddBelow(Up);
    }
  }
  OptionalFileEntryRef Ui;
  for (const std::string &Folder : Folders) {
    llvm::SmallString<256> Path(Folder);
    llvm::sys::path::append(Path, Name);
    // Only a regular file: a FIFO or a device named like the form would block or exhaust the
    // read; what is not one is no form here, and the finding stays in the header.
    llvm::ErrorOr<llvm::vfs::Status> Status = FS.status(Path);
    if (!Status || !Status->isRegularFile())
      continue;
    if ((Ui = FM.getOptionalFileRef(Path)))
      break;
  }
  if (!Ui)
    return Found;
  // Not looked up first: see DeclaredServiceRule::readContract.
  Found.File = SM.createFileID(*Ui, SourceLocation(), SrcMgr::C_User);
  std::optional<llvm::StringRef> Text = SM.getBufferDataOrNone(Found.File);
  if (!Text) {
    Found.File = FileID();
    return Found;
  }
  // The <connection> elements, in order; uic writes a connect per connection in this order.
  for (size_t Open = Text->find("<connection>"); Open != llvm::StringRef::npos;
       Open = Text->find("<connection>", Open + 1)) {
    size_t Close = Text->find("</connection>", Open);
    if (Close == llvm::StringRef::npos)
      break;
    Connection C;
    auto Element = [&](llvm::StringRef Tag, std::string &Into, unsigned *Line, unsigned *Column) {
      std::string OpenTag = ("<" + Tag + ">").str(), CloseTag = ("</" + Tag + ">").str();
      size_t Begin = Text->find(OpenTag, Open);
      if (Begin == llvm::StringRef::npos || Begin > Close)
        return;
      Begin += OpenTag.size();
      size_t End = Text->find(CloseTag, Begin);
      if (End == llvm::StringRef::npos || End > Close)
        return;
      llvm::StringRef Raw = Text->slice(Begin, End);
      size_t Lead = Raw.size() - Raw.ltrim().size();
      Into = decoded(Raw.trim());
      if (Line) {
        *Line = SM.getLineNumber(Found.File, Begin + Lead);
        *Column = SM.getColumnNumber(Found.File, Begin + Lead);
      }
    };
    Element("sender", C.Sender, nullptr, nullptr);
    Element("signal", C.Signal, &C.SignalLine, &C.SignalColumn);
    Element("receiver", C.Receiver, nullptr, nullptr);
    Element("slot", C.Slot, &C.SlotLine, &C.SlotColumn);
    C.Signal = normalised(C.Signal);
    C.Slot = normalised(C.Slot);
    Found.Connections.push_back(std::move(C));
    Open = Close;
  }
  return Found;
}

SourceLocation QtUicForms::inForm(SourceLocation Where, const std::string &Signature, bool Signal,
                                  const std::string &Object, ASTContext &Context) {
  reset(Context);
  SourceManager &SM = Context.getSourceManager();
  SourceLocation Loc = SM.getExpansionLoc(Where);
  FileID Generated = SM.getFileID(Loc);
  if (Loc.isInvalid() || !generatedByUic(Generated, SM))
    return Where;
  const Form &Ui = formOf(Generated, SM);
  if (Ui.File.isInvalid())
    return Where;
  auto Matches = [&](const Connection &C) {
    return (Signal ? C.Signal : C.Slot) == Signature &&
           (Object.empty() || (Signal ? C.Sender : C.Receiver) == Object);
  };
  // The connect this string is in is the how-manyth of the header's: the connection of that
  // rank, when it says the same; else the first that does.
  llvm::StringRef Before = SM.getBufferData(Generated).take_front(SM.getFileOffset(Loc));
  size_t Rank = 0;
  for (size_t At = Before.find("QObject::connect("); At != llvm::StringRef::npos;
       At = Before.find("QObject::connect(", At + 1))
    ++Rank;
  const Connection *Found = nullptr;
  if (Rank > 0 && Rank <= Ui.Connections.size() && Matches(Ui.Connections[Rank - 1]))
    Found = &Ui.Connections[Rank - 1];
  for (size_t I = 0; I < Ui.Connections.size() && !Found; ++I)
    if (Matches(Ui.Connections[I]))
      Found = &Ui.Connections[I];
  if (!Found)
    return Where;
  return SM.translateLineCol(Ui.File, Signal ? Found->SignalLine : Found->SlotLine,
                             Signal ? Found->SignalColumn : Found->SlotColumn);
}

} // namespace contractcheck
