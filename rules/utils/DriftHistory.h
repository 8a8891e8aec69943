// Which enumerators a switch or a table leaves out are drift (added after the code that handles
// the others was written) and which were in front of whoever wrote it: the history signal that
// contract-switch-coverage and contract-enum-table share (see GitHistory.h for where it comes
// from, and the rules' documentation for what it was measured on).
#pragma once

#include <clang/Basic/SourceLocation.h>

#include <llvm/ADT/ArrayRef.h>

#include <optional>

#include <string>
#include <string_view>
#include <vector>

namespace clang {
class EnumConstantDecl;
class HeaderSearch;
class SourceManager;
} // namespace clang

namespace contractcheck {

// The values of the rules' `history` option: `git` (the signal below), `off` (every enumerator).
inline constexpr std::string_view HistoryChoices[] = {"git", "off"};

// How the places that handle enumerators name them, to date each by the change that wrote its
// name there rather than by its line's last change (a reformatting, a sibling added beside it).
enum class HandlerSpelling {
  SwitchLabel, // `case ...Name:`, `default:` for the name "default"
  TableEntry,  // the word Name anywhere on the line (`{Kind::Name, "name"}`, `[Name] = ...`)
};

// One place that handles an enumerator: a switch's label, a table's entry.
struct Handler {
  clang::SourceLocation Loc;
  // The enumerator it names ("default" for a switch's default); empty when it names none by name
  // (a positional array entry), which is then dated by its line alone.
  std::string Name;
};

// The enumerators of Missing that did not exist yet when every one of Handlers was written: an
// enumerator that did was in front of whoever wrote them. With SameCommitExisted, an
// enumerator written in the same commit as a handler existed when it was written; otherwise
// only an older one did. With Revisited, an enumerator older than some handler (both dated by
// their declarations) is excused too: whoever wrote that handler later came back to the code
// with it in front of them and still left it out. Where history cannot say (no git, a file
// outside any work tree, two repositories, a shallow clone's oldest commit) an enumerator is
// kept; BeforeShallowHistory, when given, is set when one kept is older than a shallow clone's
// history (the whole history might have excused it). With FollowRenames, a change that only
// renamed a declaration or a label (a member renamed, the enum made `enum class`) does not date
// it: it is dated as the line it renamed. An enumerator protoc generated into a header git does
// not date is dated by its value's line in the .proto the header names (ProtocSource.h), looked
// for also under Headers' include directories (when given).
std::vector<const clang::EnumConstantDecl *>
newerThanHandlers(const clang::SourceManager &SM, const clang::HeaderSearch *Headers,
                  llvm::ArrayRef<Handler> Handlers,
                  HandlerSpelling Spelling,
                  llvm::ArrayRef<const clang::EnumConstantDecl *> Missing,
                  bool SameCommitExisted, bool Revisited, bool FollowRenames,
                  bool *BeforeShallowHistory = nullptr);

// With `history: git`, the note a finding carries when history could not date what it reports:
// git is not on PATH, or (BeforeShallowHistory) its lines are older than a shallow clone's
// history. Every enumerator left out is then reported, as with `history: off`, and the finding
// says so, since the same code is quiet in a full clone with git (a CI checkout of one commit, or
// an image without git, disagrees with the developers' hook and editor). nullopt otherwise.
std::optional<std::string> undatedNote(bool BeforeShallowHistory);

} // namespace contractcheck
