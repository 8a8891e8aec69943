// When each line of a source file was last changed, from git: what tells code that fell behind a
// later change (drift) from code written knowing what it leaves out (design).
#pragma once

#include <llvm/ADT/ArrayRef.h>
#include <llvm/ADT/StringRef.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace clang {
class SourceLocation;
class SourceManager;
} // namespace clang

namespace contractcheck {

// The last change to one line, as `git blame` says it.
struct LineOrigin {
  enum State {
    // Not known: no git, the file is outside any work tree, git failed, or the line is older than
    // a shallow clone's history.
    Unknown,
    // Not committed yet (a changed line, a file not in HEAD, a repository without commits): it is
    // as new as a line can be.
    Uncommitted,
    Committed,
  };
  State Kind = Unknown;
  std::string Repository; // the work tree's top directory, unless Unknown
  std::string Commit;     // the commit's id, for Committed
  bool RootCommit = false; // Committed in a commit without parents (in a full clone)
  // Unknown because the line is older than a shallow clone's oldest commit: fetching the whole
  // history would date it.
  bool BeforeShallowHistory = false;
  // For Committed: where the line stands in Commit (its number, the file's path from the work
  // tree's top), and the commit and path before it, when the line replaced an older one there
  // (git blame's "previous"; empty when Commit created the file). For Uncommitted: where it
  // stands in the text blamed, and the committed version it changes (HEAD), when there is one.
  unsigned CommitLine = 0;
  std::string Path;
  std::string Previous, PreviousPath;
  // For Uncommitted with a Previous: the change from Previous to the text blamed, as
  // `git diff -U0` shows it (null when git could not say).
  std::shared_ptr<const std::string> Change;
};

// Whether git can be run here at all (found on PATH): without it no line has a history.
bool gitInstalled();

// The origin of each of Lines (1-based) of File, whose text as the parse read it is Contents (an
// editor's unsaved buffer is blamed as it is, through `git blame --contents`). One `git blame`
// per file for the lines not asked before; answers are kept for the whole process (a run: the
// CLI, one clang-tidy invocation), keyed by the file's path and text. Thread-safe.
std::vector<LineOrigin> lineOrigins(llvm::StringRef File, llvm::StringRef Contents,
                                    llvm::ArrayRef<unsigned> Lines);

// The origin of the line of each location (its expansion: a macro's use), grouped into one blame
// per file. Unknown for a location in no file.
std::vector<LineOrigin> lineOrigins(const clang::SourceManager &SM,
                                    llvm::ArrayRef<clang::SourceLocation> Locations);

// The origin of the declaration of Name on the line whose origin is Line: the commit that wrote
// Name there. A line is blamed on its last change, which may only have rewritten a declaration
// it already held (a sibling enumerator added on the same line, a reformatting, `enum` made
// `enum class`); while the lines that change removed declare Name too, the declaration is
// followed back to the commit that did add it. A line not committed yet is followed back the
// same way to the committed version it changes (HEAD): an enumerator a pre-commit run sees on a
// changed line was not added by the change when that version declares it too. Line itself when
// the change removed nothing declaring Name, or when git cannot say more. With FollowRenames, a
// change that only renamed the line's names (renamedFrom: `IMAGE_FORMAT::PNG` made
// `ImageFormat::png`, the enum made `enum class`) is followed back too, under the old name.
LineOrigin declarationOrigin(const LineOrigin &Line, llvm::StringRef Name, bool FollowRenames);

// The same for a switch label on the line whose origin is Line: `case ...Name:`, or `default:`
// when Name is "default". A reformatting that realigned an enumerator realigned the labels
// beside it too; judged by declarations on one side, the labels are judged so on the other.
// A rename rewrites the labels with the enumerators; FollowRenames as for declarationOrigin.
LineOrigin labelOrigin(const LineOrigin &Line, llvm::StringRef Name, bool FollowRenames);

// The same for a table's entry on the line whose origin is Line: a line that names Name anywhere
// (`{Kind::Name, "name"}`, `[Name] = "name"`). A table realigned or re-sorted beside its enum
// is judged like a switch's labels.
LineOrigin entryOrigin(const LineOrigin &Line, llvm::StringRef Name);

// Whether the line whose origin is Line is older than the line whose origin is Later: Line's
// commit is a proper ancestor of Later's (ancestry, not dates), or Line is committed and Later
// not yet. False for one commit (two lines written together are not ordered) and when Line is not
// committed yet (nothing is newer). nullopt when history cannot say: either is Unknown, or they
// are in two repositories.
std::optional<bool> olderThan(const LineOrigin &Line, const LineOrigin &Later);

// Whether the line whose origin is Line already existed when the line whose origin is Later was
// last changed: older than it, or written in the same commit, unless that is a root commit (an
// import says nothing of the order things were written in). nullopt as for olderThan, and for a
// root commit they share.
std::optional<bool> existedWhen(const LineOrigin &Line, const LineOrigin &Later);

} // namespace contractcheck
