#include "rules/utils/DriftHistory.h"

#include "rules/utils/GitHistory.h"
#include "rules/utils/ProtocSource.h"

#include <clang/AST/Decl.h>
#include <clang/Basic/SourceManager.h>

#include <optional>
#include <set>

namespace contractcheck {

namespace {

// protoc's enumerators in a header that git cannot date (generated, not committed: outside any
// work tree, or untracked in one) take the origin and the name of their value's line in the
// committed .proto the header names (`// source: proto/common.proto`), looked for under the work
// trees of the handlers and of the header, and the TU's include directories. Tink's HashLength
// (2020) leaves SHA1 (2017) to `default:` on purpose, and was reported for want of a date.
void dateProtocEnumerators(const clang::SourceManager &SM, const clang::HeaderSearch *Headers,
                           llvm::ArrayRef<LineOrigin> HandlerOrigins,
                           llvm::ArrayRef<const clang::EnumConstantDecl *> Missing,
                           std::vector<LineOrigin> &Origins, std::vector<std::string> &Names) {
  std::optional<std::vector<std::string>> Roots;
  for (size_t I = 0; I < Missing.size(); ++I) {
    if (Origins[I].Kind == LineOrigin::Committed)
      continue;
    if (!Roots) {
      std::set<std::string> Tops;
      for (const LineOrigin &Origin : HandlerOrigins)
        if (!Origin.Repository.empty())
          Tops.insert(Origin.Repository);
      for (const LineOrigin &Origin : Origins)
        if (!Origin.Repository.empty())
          Tops.insert(Origin.Repository);
      Roots = protoRoots(Headers, std::vector<std::string>(Tops.begin(), Tops.end()));
    }
    std::optional<ProtoDeclaration> Proto = protoDeclaration(SM, *Missing[I], *Roots);
    if (!Proto)
      continue;
    std::vector<LineOrigin> Found = lineOrigins(Proto->File, Proto->Contents, {Proto->Line});
    Origins[I] = std::move(Found.front());
    Names[I] = std::move(Proto->Name);
  }
}

} // namespace

// Drift is an enumerator added after the code that handles the others was written ("the
// enumerator someone added last week"): one that already existed when every handler was written
// was in front of whoever wrote them. Every handler, not the newest: whoever later adds a case or
// an entry for their own enumerator does not audit the others (wabt's reloc writer gained labels
// in the very commit that added GlobalIndexI32, on a switch from 2017, and forgot it).
std::vector<const clang::EnumConstantDecl *>
newerThanHandlers(const clang::SourceManager &SM, const clang::HeaderSearch *Headers,
                  llvm::ArrayRef<Handler> Handlers,
                  HandlerSpelling Spelling,
                  llvm::ArrayRef<const clang::EnumConstantDecl *> Missing,
                  bool SameCommitExisted, bool Revisited, bool FollowRenames,
                  bool *BeforeShallowHistory) {
  std::vector<clang::SourceLocation> HandlerLocs, Enumerators;
  for (const Handler &H : Handlers)
    HandlerLocs.push_back(H.Loc);
  for (const clang::EnumConstantDecl *E : Missing)
    Enumerators.push_back(E->getLocation());
  const std::vector<LineOrigin> HandlerOrigins = lineOrigins(SM, HandlerLocs);
  std::vector<LineOrigin> EnumeratorOrigins = lineOrigins(SM, Enumerators);
  // The names their origins declare them by (a .proto's for protoc's enumerators).
  std::vector<std::string> Names;
  for (const clang::EnumConstantDecl *E : Missing)
    Names.push_back(E->getName().str());
  dateProtocEnumerators(SM, Headers, HandlerOrigins, Missing, EnumeratorOrigins, Names);
  // WrittenAt(H): handler H's origin, asked only until one says no (each may cost git runs).
  auto ExistedForEvery = [&](const LineOrigin &Enumerator, auto &&WrittenAt) {
    for (size_t H = 0; H < Handlers.size(); ++H) {
      const LineOrigin &Written = WrittenAt(H);
      if (!(SameCommitExisted ? existedWhen(Enumerator, Written) : olderThan(Enumerator, Written))
               .value_or(false))
        return false;
    }
    return !Handlers.empty();
  };
  // The handlers as old as the change that wrote their names, followed back like enumerators
  // (below), each only when an enumerator needs it (following one back costs git runs).
  std::vector<std::optional<LineOrigin>> HandlerDeclarations(Handlers.size());
  auto DeclaredHandler = [&](size_t H) -> const LineOrigin & {
    if (!HandlerDeclarations[H])
      HandlerDeclarations[H] = Spelling == HandlerSpelling::SwitchLabel
                                   ? labelOrigin(HandlerOrigins[H], Handlers[H].Name, FollowRenames)
                                   : entryOrigin(HandlerOrigins[H], Handlers[H].Name);
    return *HandlerDeclarations[H];
  };
  // Whether a committed handler was written after Enumerator, by declaration. A handler's
  // declaration is its line's commit or an ancestor of it, so only a line newer than the
  // enumerator is followed back (GlslangToSpv.cpp's built-in switch has 132 labels).
  auto RevisitedAfter = [&](const LineOrigin &Enumerator) {
    for (size_t H = 0; H < Handlers.size(); ++H)
      if (HandlerOrigins[H].Kind == LineOrigin::Committed &&
          olderThan(Enumerator, HandlerOrigins[H]).value_or(false) &&
          olderThan(Enumerator, DeclaredHandler(H)).value_or(false))
        return true;
    return false;
  };
  std::vector<const clang::EnumConstantDecl *> Newer;
  for (size_t I = 0; I < Missing.size(); ++I) {
    if (ExistedForEvery(EnumeratorOrigins[I], [&](size_t H) -> const LineOrigin & {
          return HandlerOrigins[H];
        }))
      continue;
    // git blame dates a line by its last change: a line that declares an enumerator is
    // rewritten when a sibling is added beside it (qsynth's `enum KnobStyle { ..., Skulpture,
    // Legacy };`) or when it is reformatted, and so are a switch's labels and a table's entries.
    // Both sides are then dated by their declarations: the enumerator by the change that wrote
    // its name there, each handler likewise (wabt realigned Type's enumerators and
    // Type::GetName's labels in one commit; GetName was written before Struct, which it still
    // lacks).
    LineOrigin Declared = declarationOrigin(EnumeratorOrigins[I], Names[I], FollowRenames);
    if (Declared.Commit != EnumeratorOrigins[I].Commit &&
        ExistedForEvery(Declared, DeclaredHandler))
      continue;
    // A handler written after the enumerator, by declaration (a reformatting is no revisit):
    // whoever wrote it had the enumerator in front of them (kakoune's completion switch gained
    // labels in 2016 and 2019, after ArgExpand (2015), which it still leaves to `default:`).
    // Strictly after: the commit that adds an enumerator and a handler beside it forgot it if
    // anything (wabt's reloc reader, fixed in 2020 for GlobalIndexI32 of that commit). And
    // committed: a label being typed is not yet a decision to leave the rest to default, and
    // the finding is what its author needs to see.
    if (Revisited && RevisitedAfter(Declared))
      continue;
    Newer.push_back(Missing[I]);
    // Only an enumerator older than the clone's history could have been excused with the whole
    // history: one written within it is newer than any handler written before it.
    if (BeforeShallowHistory &&
        (EnumeratorOrigins[I].BeforeShallowHistory || Declared.BeforeShallowHistory))
      *BeforeShallowHistory = true;
  }
  return Newer;
}

std::optional<std::string> undatedNote(bool BeforeShallowHistory) {
  if (!gitInstalled())
    return std::string("not dated by history (history: git): git is not on PATH, so every "
                       "enumerator left out is reported, as with 'history: off'; install git, "
                       "or set 'history: off'");
  if (BeforeShallowHistory)
    return std::string("not dated by history (history: git): these lines are older than this "
                       "shallow clone's history, so every enumerator left out is reported, as "
                       "with 'history: off'; fetch the whole history (git fetch --unshallow)");
  return std::nullopt;
}

} // namespace contractcheck
