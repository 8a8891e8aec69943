#include "rules/utils/GitHistory.h"

#include "rules/utils/RenameOnlyChange.h"

#include <clang/Basic/SourceManager.h>

#include <llvm/ADT/SmallString.h>
#include <llvm/ADT/StringExtras.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/Program.h>
#include <llvm/Support/xxhash.h>

#include <map>
#include <mutex>
#include <set>

extern char **environ;

namespace contractcheck {

namespace {

// A blame of a large file with a long history takes seconds; one that takes minutes is stuck.
constexpr unsigned GitTimeoutSeconds = 120;

struct Output {
  int ExitCode = -1;
  std::string Stdout;
};

// The environment git runs in: ours, without what a git hook sets for the repository it runs in
// (`GIT_DIR=.git` is relative to the hook's directory, not to the file's), and without taking the
// index lock a concurrent `git commit` holds.
const std::vector<std::string> &gitEnvironment() {
  static const std::vector<std::string> Env = [] {
    std::vector<std::string> Out;
    for (char **E = environ; E && *E; ++E) {
      llvm::StringRef Entry(*E);
      llvm::StringRef Name = Entry.split('=').first;
      if (Name == "GIT_DIR" || Name == "GIT_WORK_TREE" || Name == "GIT_INDEX_FILE" ||
          Name == "GIT_OPTIONAL_LOCKS")
        continue;
      Out.push_back(Entry.str());
    }
    Out.push_back("GIT_OPTIONAL_LOCKS=0");
    return Out;
  }();
  return Env;
}

const std::optional<std::string> &gitProgram() {
  static const std::optional<std::string> Program = []() -> std::optional<std::string> {
    if (llvm::ErrorOr<std::string> Found = llvm::sys::findProgramByName("git"))
      return *Found;
    return std::nullopt;
  }();
  return Program;
}

// Runs git (no shell) with Args, its standard output captured; ExitCode -1 when it could not run
// or did not finish in time.
Output runGit(const std::vector<std::string> &Args) {
  Output Result;
  const std::optional<std::string> &Git = gitProgram();
  if (!Git)
    return Result;
  llvm::SmallString<128> Captured;
  if (llvm::sys::fs::createTemporaryFile("contractcheck-git", "out", Captured))
    return Result;
  std::vector<llvm::StringRef> Argv{"git"};
  Argv.insert(Argv.end(), Args.begin(), Args.end());
  std::vector<llvm::StringRef> Env(gitEnvironment().begin(), gitEnvironment().end());
  std::optional<llvm::StringRef> Redirects[] = {llvm::StringRef("/dev/null"),
                                                llvm::StringRef(Captured),
                                                llvm::StringRef("/dev/null")};
  int Code = llvm::sys::ExecuteAndWait(*Git, Argv, Env, Redirects, GitTimeoutSeconds);
  if (Code >= 0) {
    Result.ExitCode = Code;
    if (llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Text =
            llvm::MemoryBuffer::getFile(Captured, /*IsText=*/false,
                                        /*RequiresNullTerminator=*/false))
      Result.Stdout = (*Text)->getBuffer().str();
    else
      Result.ExitCode = -1;
  }
  llvm::sys::fs::remove(Captured);
  return Result;
}

struct Repository {
  std::string Top;
  bool Shallow = false;
};

// Everything learnt from git in this process. Git runs outside the lock; two threads asking the
// same question at once both ask git, and agree.
struct History {
  std::mutex Lock;
  std::map<std::string, std::optional<Repository>> RepositoryOfDirectory;
  // By file (real path) and text: line -> origin.
  std::map<std::pair<std::string, uint64_t>, std::map<unsigned, LineOrigin>> Blamed;
  std::map<std::tuple<std::string, std::string, std::string>, std::optional<bool>> Ancestry;
  // By repository, commit, line in that commit and name: the declaration's origin.
  std::map<std::tuple<std::string, std::string, unsigned, std::string>, LineOrigin> Declarations;
  // `git diff -U0` outputs, by their arguments (nullopt: git failed).
  std::map<std::string, std::optional<std::string>> Diffs;
};

History &history() {
  static History H;
  return H;
}

// The answer to K kept in Known, asked of Answer the first time (outside the lock: git is slow).
template <typename Key, typename Value, typename Ask>
Value remembered(std::map<Key, Value> &Known, const Key &K, Ask &&Answer) {
  History &H = history();
  {
    std::lock_guard<std::mutex> Guard(H.Lock);
    if (auto It = Known.find(K); It != Known.end())
      return It->second;
  }
  Value Found = Answer();
  std::lock_guard<std::mutex> Guard(H.Lock);
  return Known.emplace(K, std::move(Found)).first->second;
}

std::optional<Repository> repositoryOf(const std::string &Directory) {
  return remembered(history().RepositoryOfDirectory, Directory, [&] {
    std::optional<Repository> Found;
    Output Top =
        runGit({"-C", Directory, "rev-parse", "--show-toplevel", "--is-shallow-repository"});
    llvm::SmallVector<llvm::StringRef, 2> Lines;
    llvm::StringRef(Top.Stdout).trim().split(Lines, '\n');
    if (Top.ExitCode == 0 && Lines.size() == 2 && !Lines[0].empty())
      Found = Repository{Lines[0].trim().str(), Lines[1].trim() == "true"};
    return Found;
  });
}

// `git blame --porcelain`: a header "<commit> <original line> <final line> [<count>]" per line,
// the commit's fields the first time it appears ("boundary" for a commit whose parents the blame
// did not look at), then the line's text after a tab.
std::map<unsigned, LineOrigin> parseBlame(llvm::StringRef Porcelain, const Repository &Repo) {
  struct Where {
    std::string Commit;
    unsigned CommitLine;
  };
  // What git says of a commit once, the first time it names it: its file and what came before.
  struct CommitFields {
    std::string Path, Previous, PreviousPath;
  };
  std::map<unsigned, Where> CommitOfLine;
  std::map<std::string, CommitFields> Fields;
  std::set<std::string> Boundary;
  std::string Current;
  llvm::SmallVector<llvm::StringRef, 0> Lines;
  Porcelain.split(Lines, '\n');
  for (llvm::StringRef Line : Lines) {
    if (Line.starts_with("\t"))
      continue;
    llvm::SmallVector<llvm::StringRef, 4> Words;
    Line.split(Words, ' ');
    unsigned Original = 0, Final = 0;
    if (Words.size() >= 3 && Words[0].size() == 40 && llvm::all_of(Words[0], llvm::isHexDigit) &&
        !Words[1].getAsInteger(10, Original) && !Words[2].getAsInteger(10, Final)) {
      Current = Words[0].str();
      CommitOfLine[Final] = Where{Current, Original};
    } else if (Line == "boundary") {
      Boundary.insert(Current);
    } else if (Line.consume_front("filename ")) {
      Fields[Current].Path = Line.str();
    } else if (Line.consume_front("previous ")) {
      auto [Commit, Path] = Line.split(' ');
      Fields[Current].Previous = Commit.str();
      Fields[Current].PreviousPath = Path.str();
    }
  }
  std::map<unsigned, LineOrigin> Origins;
  for (const auto &[Number, At] : CommitOfLine) {
    LineOrigin Origin;
    Origin.Repository = Repo.Top;
    const CommitFields &F = Fields[At.Commit];
    if (llvm::all_of(At.Commit, [](char C) { return C == '0'; })) {
      Origin.Kind = LineOrigin::Uncommitted;
      // git names the committed version the work tree changes as its "previous".
      Origin.CommitLine = Number;
      Origin.Path = F.Path;
      Origin.Previous = F.Previous;
      Origin.PreviousPath = F.PreviousPath;
    } else if (Boundary.count(At.Commit) && Repo.Shallow) {
      // The oldest commit a shallow clone has stands for every older one: the line's age is not
      // known. (In a full clone the boundary is a root commit, a commit like any other.)
      Origin = LineOrigin{};
      Origin.BeforeShallowHistory = true;
    } else {
      Origin.Kind = LineOrigin::Committed;
      Origin.Commit = At.Commit;
      Origin.RootCommit = Boundary.count(At.Commit) != 0;
      Origin.CommitLine = At.CommitLine;
      Origin.Path = F.Path;
      Origin.Previous = F.Previous;
      Origin.PreviousPath = F.PreviousPath;
    }
    Origins[Number] = Origin;
  }
  return Origins;
}

// A temporary file holding Text, in Path; false when it could not be written.
bool writeTemporary(llvm::StringRef Text, llvm::SmallVectorImpl<char> &Path) {
  int FD;
  if (llvm::sys::fs::createTemporaryFile("contractcheck-blame", "txt", FD, Path))
    return false;
  llvm::raw_fd_ostream Out(FD, /*shouldClose=*/true);
  Out << Text;
  Out.close();
  return !Out.has_error();
}

// The change from Path (from Top) in Commit to Contents, as `git diff -U0` shows it: what a
// line not committed yet replaced. Contents is what the parse read (an editor's buffer, or the
// file), so both sides are compared as files outside the repository.
std::shared_ptr<const std::string> changeSince(const std::string &Top, const std::string &Commit,
                                               const std::string &Path,
                                               llvm::StringRef Contents) {
  Output Committed = runGit({"-C", Top, "show", Commit + ":" + Path});
  if (Committed.ExitCode != 0)
    return nullptr;
  llvm::SmallString<128> Before, After;
  std::shared_ptr<const std::string> Change;
  if (writeTemporary(Committed.Stdout, Before) && writeTemporary(Contents, After)) {
    Output Diff = runGit({"-C", Top, "diff", "--no-index", "-U0", "--no-color", "--no-ext-diff",
                         "--", std::string(Before), std::string(After)});
    // --no-index exits 1 when the files differ.
    if (Diff.ExitCode == 0 || Diff.ExitCode == 1)
      Change = std::make_shared<const std::string>(std::move(Diff.Stdout));
  }
  if (!Before.empty())
    llvm::sys::fs::remove(Before);
  if (!After.empty())
    llvm::sys::fs::remove(After);
  return Change;
}

// The origins of Lines of File (real path) in Repo, from one blame.
std::map<unsigned, LineOrigin> blame(const std::string &File, llvm::StringRef Contents,
                                     const Repository &Repo, const std::vector<unsigned> &Lines) {
  std::string Directory = llvm::sys::path::parent_path(File).str();
  std::string Name = llvm::sys::path::filename(File).str();
  std::vector<std::string> Args{"-C", Directory, "blame", "--porcelain"};
  for (size_t I = 0; I < Lines.size();) {
    size_t J = I;
    while (J + 1 < Lines.size() && Lines[J + 1] == Lines[J] + 1)
      ++J;
    Args.push_back("-L" + std::to_string(Lines[I]) + "," + std::to_string(Lines[J]));
    I = J + 1;
  }
  // What the parse read, when it is not what the file on disk says (an editor's buffer): its
  // changed lines are as uncommitted as the file's would be.
  llvm::SmallString<128> Buffer;
  auto OnDisk = llvm::MemoryBuffer::getFile(File, /*IsText=*/false,
                                            /*RequiresNullTerminator=*/false);
  bool Differs = !OnDisk || (*OnDisk)->getBuffer() != Contents;
  if (Differs) {
    if (!writeTemporary(Contents, Buffer)) {
      if (!Buffer.empty())
        llvm::sys::fs::remove(Buffer);
      return {};
    }
    Args.insert(Args.end(), {"--contents", std::string(Buffer)});
  }
  Args.insert(Args.end(), {"--", Name});
  Output Blame = runGit(Args);
  if (Differs)
    llvm::sys::fs::remove(Buffer);
  std::map<unsigned, LineOrigin> Origins;
  if (Blame.ExitCode == 0) {
    Origins = parseBlame(Blame.Stdout, Repo);
    // One diff for the file's lines not committed yet, all against the same committed version.
    std::shared_ptr<const std::string> Change;
    for (auto &[Number, Origin] : Origins) {
      if (Origin.Kind != LineOrigin::Uncommitted || Origin.Previous.empty())
        continue;
      if (!Change)
        Change = changeSince(Repo.Top, Origin.Previous, Origin.PreviousPath, Contents);
      Origin.Change = Change;
    }
  } else if (Blame.ExitCode > 0 &&
             runGit({"-C", Directory, "rev-parse", "-q", "--verify", "HEAD:./" + Name}).ExitCode ==
                 1) {
    // Not in HEAD (a new file, a repository without commits): every line is new.
    for (unsigned Line : Lines) {
      LineOrigin New;
      New.Kind = LineOrigin::Uncommitted;
      New.Repository = Repo.Top;
      Origins[Line] = New;
    }
  }
  // Lines git said nothing about stay Unknown.
  for (unsigned Line : Lines)
    Origins.try_emplace(Line);
  return Origins;
}

} // namespace

bool gitInstalled() { return gitProgram().has_value(); }

std::vector<LineOrigin> lineOrigins(llvm::StringRef File, llvm::StringRef Contents,
                                    llvm::ArrayRef<unsigned> Lines) {
  std::vector<LineOrigin> Result(Lines.size());
  llvm::SmallString<256> Real;
  if (!gitProgram() || llvm::sys::fs::real_path(File, Real))
    return Result;
  std::optional<Repository> Repo =
      repositoryOf(llvm::sys::path::parent_path(Real).str());
  if (!Repo)
    return Result;
  History &H = history();
  std::pair<std::string, uint64_t> Key{std::string(Real), llvm::xxh3_64bits(Contents)};
  std::vector<unsigned> Asked;
  {
    std::lock_guard<std::mutex> Guard(H.Lock);
    const std::map<unsigned, LineOrigin> &Known = H.Blamed[Key];
    for (unsigned Line : Lines)
      if (Line > 0 && !Known.count(Line))
        Asked.push_back(Line);
  }
  llvm::sort(Asked);
  Asked.erase(std::unique(Asked.begin(), Asked.end()), Asked.end());
  std::map<unsigned, LineOrigin> Found;
  if (!Asked.empty())
    Found = blame(Key.first, Contents, *Repo, Asked);
  std::lock_guard<std::mutex> Guard(H.Lock);
  std::map<unsigned, LineOrigin> &Known = H.Blamed[Key];
  for (auto &[Line, Origin] : Found)
    Known.try_emplace(Line, std::move(Origin));
  for (size_t I = 0; I < Lines.size(); ++I)
    if (auto It = Known.find(Lines[I]); It != Known.end())
      Result[I] = It->second;
  return Result;
}

std::vector<LineOrigin> lineOrigins(const clang::SourceManager &SM,
                                    llvm::ArrayRef<clang::SourceLocation> Locations) {
  std::vector<LineOrigin> Result(Locations.size());
  // Per file: the indices of its locations, and their lines.
  std::map<clang::FileID, std::pair<std::vector<size_t>, std::vector<unsigned>>> ByFile;
  for (size_t I = 0; I < Locations.size(); ++I) {
    if (Locations[I].isInvalid())
      continue;
    clang::SourceLocation Loc = SM.getExpansionLoc(Locations[I]);
    clang::FileID File = SM.getFileID(Loc);
    auto &[Indices, Lines] = ByFile[File];
    Indices.push_back(I);
    Lines.push_back(SM.getExpansionLineNumber(Loc));
  }
  for (const auto &[File, IndicesAndLines] : ByFile) {
    clang::OptionalFileEntryRef Entry = SM.getFileEntryRefForID(File);
    if (!Entry)
      continue;
    // The file's name may be relative to a compile command's directory; the real path is not.
    llvm::StringRef Path = Entry->getFileEntry().tryGetRealPathName();
    if (Path.empty())
      Path = Entry->getName();
    if (!llvm::sys::path::is_absolute(Path))
      continue;
    bool Invalid = false;
    llvm::StringRef Contents = SM.getBufferData(File, &Invalid);
    if (Invalid)
      continue;
    const auto &[Indices, Lines] = IndicesAndLines;
    std::vector<LineOrigin> Origins = lineOrigins(Path, Contents, Lines);
    for (size_t K = 0; K < Indices.size(); ++K)
      Result[Indices[K]] = std::move(Origins[K]);
  }
  return Result;
}

namespace {

bool isIdentifierChar(char C) { return llvm::isAlnum(C) || C == '_'; }

// What a line that names Name looks like.
enum class Naming {
  // An enumerator list: the word Name followed by nothing, a comma, an initializer, the list's
  // end or a comment (not `case Name:`, `f(Name)`, `x = Name;`).
  Declaration,
  // A switch label: `case ...Name:` (Name "default": `default:`).
  Label,
  // A table entry: the word Name anywhere (`{Kind::Name, "name"}`, `[Name] = "name"`).
  Entry,
};

// Whether Text names Name as Way says.
bool declares(llvm::StringRef Text, llvm::StringRef Name, Naming Way) {
  const bool Label = Way == Naming::Label;
  auto IsWordAt = [&](size_t At, size_t Size) {
    return (At == 0 || !isIdentifierChar(Text[At - 1])) &&
           (At + Size >= Text.size() || !isIdentifierChar(Text[At + Size]));
  };
  if (Label && Name != "default") {
    size_t Case = Text.find("case");
    if (Case == llvm::StringRef::npos || !IsWordAt(Case, 4))
      return false;
  }
  for (size_t At = Text.find(Name); At != llvm::StringRef::npos; At = Text.find(Name, At + 1)) {
    if (!IsWordAt(At, Name.size()))
      continue;
    if (Way == Naming::Entry)
      return true;
    llvm::StringRef After = Text.substr(At + Name.size()).ltrim(" \t\r");
    if (Label) {
      if (After.starts_with(":") && !After.starts_with("::"))
        return true;
      continue;
    }
    if (After.empty() || After.starts_with(",") || After.starts_with("=") ||
        After.starts_with("}") || After.starts_with("//") || After.starts_with("/*"))
      return true;
  }
  return false;
}

// A line of a change's old side that the change rewrote into a line naming Name: where it stood,
// and the name it gave there.
struct Removed {
  unsigned Line;
  std::string Name;
};

struct HunkRanges {
  unsigned OldStart, OldCount, NewStart, NewCount;
};

// A hunk's header "@@ -a[,b] +c[,d] @@": removed lines a..a+b-1, added lines c..c+d-1 (a count
// is 1 when absent).
std::optional<HunkRanges> hunkRanges(llvm::StringRef Header) {
  llvm::SmallVector<llvm::StringRef, 4> Words;
  Header.split(Words, ' ');
  if (Words.size() < 3)
    return std::nullopt;
  auto Range = [](llvm::StringRef Word, unsigned &Start, unsigned &Count) {
    auto [First, Size] = Word.drop_front().split(',');
    Count = 1;
    return !First.getAsInteger(10, Start) && (Size.empty() || !Size.getAsInteger(10, Count));
  };
  HunkRanges R;
  if (!Range(Words[1], R.OldStart, R.OldCount) || !Range(Words[2], R.NewStart, R.NewCount))
    return std::nullopt;
  return R;
}

// The line of a change's old side that it removed and that names Name as Way says, in the hunk
// of Diff (`git diff -U0`) whose new side holds line NewLine. With FollowRenames, when none
// does, the one removed line of that hunk that the new line only renames (see renamedFrom), with
// the name it had: a rename is not where a name came from.
std::optional<Removed> removedNaming(llvm::StringRef Diff, unsigned NewLine, llvm::StringRef Name,
                                     Naming Way, bool FollowRenames) {
  llvm::SmallVector<llvm::StringRef, 0> Lines;
  Diff.split(Lines, '\n');
  unsigned OldLine = 0, AddedLine = 0;
  bool InHunk = false;
  // The hunk's first old line, and whether it removed as many lines as it added.
  unsigned HunkOldStart = 0, HunkNewStart = 0;
  bool LineForLine = false;
  // The hunk's removed lines (number, text), and the text of line NewLine.
  std::vector<std::pair<unsigned, llvm::StringRef>> HunkRemoved;
  std::optional<llvm::StringRef> NewText;
  for (llvm::StringRef Text : Lines) {
    if (Text.starts_with("@@")) {
      if (InHunk)
        break;
      std::optional<HunkRanges> Ranges = hunkRanges(Text);
      if (!Ranges)
        return std::nullopt;
      auto [OldStart, OldCount, NewStart, NewCount] = *Ranges;
      OldLine = HunkOldStart = OldStart;
      AddedLine = HunkNewStart = NewStart;
      LineForLine = OldCount == NewCount;
      InHunk = NewLine >= NewStart && NewLine < NewStart + NewCount;
      continue;
    }
    if (!InHunk)
      continue;
    if (Text.starts_with("+") && !Text.starts_with("+++")) {
      if (AddedLine++ == NewLine)
        NewText = Text.drop_front();
      continue;
    }
    if (!Text.starts_with("-") || Text.starts_with("---"))
      continue;
    if (declares(Text.drop_front(), Name, Way))
      return Removed{OldLine, Name.str()};
    HunkRemoved.emplace_back(OldLine, Text.drop_front());
    ++OldLine;
  }
  if (!FollowRenames || !NewText || Way == Naming::Entry)
    return std::nullopt;
  // More than one old line the new one could be a rename of (`error` of `parse_special_type_
  // parse_error` or of `parse_special_type_tokenizer_error`): the one in its place when the hunk
  // rewrote its lines one for one, else the one whose name only changed case or underscores, or
  // none.
  RenamedAs As = Way == Naming::Label ? RenamedAs::Label : RenamedAs::Enumerator;
  std::vector<Removed> Candidates;
  for (const auto &[Number, Text] : HunkRemoved)
    if (std::optional<std::string> Was = renamedFrom(Text, *NewText, Name, As))
      Candidates.push_back({Number, std::move(*Was)});
  auto Folded = [](llvm::StringRef Word) {
    std::string Out = Word.lower();
    llvm::erase(Out, '_');
    return Out;
  };
  if (Candidates.size() > 1 && LineForLine) {
    unsigned InPlace = HunkOldStart + (NewLine - HunkNewStart);
    llvm::erase_if(Candidates, [&](const Removed &R) { return R.Line != InPlace; });
  }
  if (Candidates.size() > 1)
    llvm::erase_if(Candidates,
                   [&](const Removed &R) { return Folded(R.Name) != Folded(Name); });
  if (Candidates.size() != 1)
    return std::nullopt;
  return std::move(Candidates.front());
}

// The output of `git diff` with Args, asked once per process (nullopt: git failed).
std::optional<std::string> diffOutput(const std::vector<std::string> &Args) {
  return remembered(history().Diffs, llvm::join(Args, "\n"), [&]() -> std::optional<std::string> {
    Output Diff = runGit(Args);
    if (Diff.ExitCode != 0)
      return std::nullopt;
    return std::move(Diff.Stdout);
  });
}

// The line of Before (a commit's parent) that the change to After's line CommitLine removed and
// that declares Name (or that it only renamed): from `git diff -U0 Before After`, the hunk whose
// new side holds the line.
std::optional<Removed> removedDeclaration(const LineOrigin &Line, llvm::StringRef Name, Naming Way,
                                          bool FollowRenames) {
  std::vector<std::string> Args{"-C", Line.Repository, "diff", "-U0", "--no-color", "--no-ext-diff",
                                Line.Previous, Line.Commit, "--", Line.PreviousPath};
  if (Line.Path != Line.PreviousPath)
    Args.push_back(Line.Path);
  std::optional<std::string> Text = diffOutput(Args);
  if (!Text)
    return std::nullopt;
  return removedNaming(*Text, Line.CommitLine, Name, Way, FollowRenames);
}

// The origin of line Number of Path as of Commit.
std::optional<LineOrigin> blameAt(const std::string &Top, const std::string &Commit,
                                  const std::string &Path, unsigned Number) {
  std::optional<Repository> Repo = repositoryOf(Top);
  if (!Repo)
    return std::nullopt;
  Output Blame = runGit({"-C", Top, "blame", "--porcelain",
                         "-L" + std::to_string(Number) + "," + std::to_string(Number), Commit,
                         "--", Path});
  if (Blame.ExitCode != 0)
    return std::nullopt;
  std::map<unsigned, LineOrigin> Origins = parseBlame(Blame.Stdout, *Repo);
  auto It = Origins.find(Number);
  if (It == Origins.end() || It->second.Kind != LineOrigin::Committed)
    return std::nullopt;
  return It->second;
}

// A declaration that the change blame names wrote into a file it created (blame's "previous" is
// empty) or into one that existed without removing it there: when that change removed exactly
// one line declaring Name from another file (a header split, an enum moved into a header of its
// own, or into the source that uses it: qwinff's 55d42c2 moved Task's enum from convertlist.h
// into convertlist.cpp), the line came from there, as `git blame -C` says, and is as old as it
// was there. Nullopt when the change created the line (none removed) or git cannot say.
std::optional<LineOrigin> movedFrom(const LineOrigin &Line, llvm::StringRef Name) {
  if (Line.Kind != LineOrigin::Committed || Line.RootCommit)
    return std::nullopt;
  std::string Parent = Line.Commit + "^";
  std::vector<std::string> Args{"-C",          Line.Repository, "diff",          "-U0",
                                "--no-color",  "--no-ext-diff", "--src-prefix=a/", "--dst-prefix=b/",
                                Parent,        Line.Commit};
  std::optional<std::string> Text = diffOutput(Args);
  if (!Text)
    return std::nullopt;
  llvm::SmallVector<llvm::StringRef, 0> Lines;
  llvm::StringRef(*Text).split(Lines, '\n');
  std::string OldPath;
  bool InHeader = false;
  unsigned OldLine = 0;
  std::vector<std::pair<std::string, unsigned>> Found;
  for (llvm::StringRef L : Lines) {
    if (L.starts_with("diff --git ")) {
      InHeader = true;
      OldPath.clear();
      continue;
    }
    if (InHeader) {
      if (L.consume_front("--- "))
        OldPath = L.consume_front("a/") ? L.str() : std::string();
      if (!L.starts_with("@@"))
        continue;
      InHeader = false;
    }
    if (L.starts_with("@@")) {
      std::optional<HunkRanges> Ranges = hunkRanges(L);
      if (!Ranges)
        return std::nullopt;
      OldLine = Ranges->OldStart;
      continue;
    }
    if (!L.consume_front("-"))
      continue;
    if (!OldPath.empty() && OldPath != Line.Path && declares(L, Name, Naming::Declaration))
      Found.emplace_back(OldPath, OldLine);
    ++OldLine;
  }
  if (Found.size() != 1)
    return std::nullopt;
  return blameAt(Line.Repository, Parent, Found.front().first, Found.front().second);
}

// Line followed back through the changes that rewrote it without writing Name there (see
// declarationOrigin), and with FollowRenames through those that only renamed it.
LineOrigin followBack(const LineOrigin &Line, llvm::StringRef Name, Naming Way,
                      bool FollowRenames) {
  // A line not committed yet (what a pre-commit run and an editor see): the committed version
  // it changes dates what it already named. Not remembered: the text changes from edit to edit.
  if (Line.Kind == LineOrigin::Uncommitted) {
    if (!Line.Change || Name.empty())
      return Line;
    std::optional<Removed> Was =
        removedNaming(*Line.Change, Line.CommitLine, Name, Way, FollowRenames);
    if (!Was)
      return Line;
    std::optional<LineOrigin> Before =
        blameAt(Line.Repository, Line.Previous, Line.PreviousPath, Was->Line);
    return Before ? followBack(*Before, Was->Name, Way, FollowRenames) : Line;
  }
  if (Line.Kind != LineOrigin::Committed || Name.empty() ||
      (Line.Previous.empty() && Way != Naming::Declaration))
    return Line;
  static constexpr const char *Prefixes[] = {"enumerator:", "label:", "entry:"};
  auto Key = std::make_tuple(Line.Repository, Line.Commit, Line.CommitLine,
                             (FollowRenames ? "renamed " : "") +
                                 (Prefixes[static_cast<int>(Way)] + Name.str()));
  return remembered(history().Declarations, Key, [&] {
    // Each step goes one change further back; a declaration rewritten more often than this is
    // taken as of the last rewrite looked at.
    constexpr int MaxSteps = 16;
    LineOrigin Origin = Line;
    std::string Named = Name.str();
    for (int Step = 0; Step < MaxSteps && Origin.Kind == LineOrigin::Committed; ++Step) {
      std::optional<Removed> Was;
      if (!Origin.Previous.empty())
        Was = removedDeclaration(Origin, Named, Way, FollowRenames);
      if (!Was) {
        // Written by a change that did not remove it from this file (which it may have created):
        // moved from another file, if that change removed it there.
        std::optional<LineOrigin> Moved =
            Way == Naming::Declaration ? movedFrom(Origin, Named) : std::nullopt;
        if (!Moved)
          break;
        Origin = std::move(*Moved);
        continue;
      }
      std::optional<LineOrigin> Before =
          blameAt(Origin.Repository, Origin.Previous, Origin.PreviousPath, Was->Line);
      if (!Before)
        break;
      Origin = std::move(*Before);
      Named = std::move(Was->Name);
    }
    return Origin;
  });
}

} // namespace

LineOrigin declarationOrigin(const LineOrigin &Line, llvm::StringRef Name, bool FollowRenames) {
  return followBack(Line, Name, Naming::Declaration, FollowRenames);
}

LineOrigin labelOrigin(const LineOrigin &Line, llvm::StringRef Name, bool FollowRenames) {
  return followBack(Line, Name, Naming::Label, FollowRenames);
}

LineOrigin entryOrigin(const LineOrigin &Line, llvm::StringRef Name) {
  return followBack(Line, Name, Naming::Entry, /*FollowRenames=*/false);
}

std::optional<bool> olderThan(const LineOrigin &Line, const LineOrigin &Later) {
  if (Line.Kind == LineOrigin::Unknown || Later.Kind == LineOrigin::Unknown ||
      Line.Repository != Later.Repository)
    return std::nullopt;
  if (Line.Kind == LineOrigin::Uncommitted || Line.Commit == Later.Commit)
    return false;
  if (Later.Kind == LineOrigin::Uncommitted)
    return true;
  return remembered(history().Ancestry,
                    std::make_tuple(Line.Repository, Line.Commit, Later.Commit),
                    [&]() -> std::optional<bool> {
                      Output Answer = runGit({"-C", Line.Repository, "merge-base",
                                              "--is-ancestor", Line.Commit, Later.Commit});
                      if (Answer.ExitCode == 0 || Answer.ExitCode == 1)
                        return Answer.ExitCode == 0;
                      return std::nullopt;
                    });
}

std::optional<bool> existedWhen(const LineOrigin &Line, const LineOrigin &Later) {
  if (Line.Kind == LineOrigin::Committed && Later.Kind == LineOrigin::Committed &&
      Line.Repository == Later.Repository && Line.Commit == Later.Commit) {
    // A root commit is most often an import of code written elsewhere (a squashed copy, a
    // repository started from a tarball): that its lines arrived together says nothing about
    // which was written first.
    if (Line.RootCommit)
      return std::nullopt;
    return true;
  }
  return olderThan(Line, Later);
}

} // namespace contractcheck
