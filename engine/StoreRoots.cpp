#include "StoreRoots.h"

#include "RealPaths.h"

#include <llvm/ADT/SmallString.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>

#include <algorithm>
#include <cctype>
#include <cstring>

namespace contractcheck {

namespace {

// Characters that end no directory name in practice: what surrounds a path in a message, a
// command-line option, a list or a fact key. A root is recognised only between them, so
// /src/lib/src/a.cpp is relative to the root /src once, at its start.
bool delimits(char C) {
  return static_cast<unsigned char>(C) < 0x20 || std::strchr(" \"'=:,;()[]<>{}`*|", C);
}

// Whether a path may start at P: at the start, after a delimiter, or after a joined option
// spelled as the whole text before it (-I/src/include, -isystem/src/third_party).
bool pathStartsAt(std::string_view Text, size_t P) {
  if (P == 0 || delimits(Text[P - 1]))
    return true;
  if (P < 2 || Text[0] != '-' || !std::isalpha(static_cast<unsigned char>(Text[1])))
    return false;
  for (size_t I = 2; I < P; ++I)
    if (!std::isalnum(static_cast<unsigned char>(Text[I])) && !std::strchr("_+-", Text[I]))
      return false;
  return true;
}

bool rootEndsAt(std::string_view Text, size_t End) {
  return End == Text.size() || Text[End] == '/' || delimits(Text[End]);
}

} // namespace

StoreRoots::StoreRoots(const std::string &CompileDirectory, const std::string &ProjectRoot) {
  auto Add = [&](const char *Tag, const std::string &Dir) {
    std::string Named(llvm::StringRef(Dir).rtrim('/'));
    if (Named.empty() || Named[0] != '/')
      return;
    Roots.push_back({Tag, Named, std::string(llvm::StringRef(realPathOf(Named)).rtrim('/'))});
    if (Roots.back().Real.empty())
      Roots.back().Real = Named;
  };
  Add("${directory}", CompileDirectory);
  Add("${project}", ProjectRoot);
}

std::string StoreRoots::relative(std::string_view Text, Spelling S) const {
  std::string Out;
  Out.reserve(Text.size());
  for (size_t I = 0; I < Text.size(); ++I) {
    if (Text[I] == '$') {
      Out += "$$";
      continue;
    }
    const Root *Longest = nullptr;
    size_t Length = 0;
    if (Text[I] == '/' && pathStartsAt(Text, I))
      for (const Root &R : Roots) {
        const std::string &Spelled = S == Spelling::Real ? R.Real : R.Named;
        // Equal roots: the first (the compile directory) stands.
        if (Spelled.size() > Length && Text.substr(I, Spelled.size()) == Spelled &&
            rootEndsAt(Text, I + Spelled.size())) {
          Longest = &R;
          Length = Spelled.size();
        }
      }
    if (Longest) {
      Out += Longest->Tag;
      I += Length - 1;
    } else {
      Out += Text[I];
    }
  }
  return Out;
}

std::string StoreRoots::absolute(std::string_view Text, Spelling S) const {
  std::string Out;
  Out.reserve(Text.size());
  for (size_t I = 0; I < Text.size(); ++I) {
    if (Text[I] != '$') {
      // Up to the next tag at once: most strings of an outcome have none.
      size_t Next = std::min(Text.find('$', I), Text.size());
      Out.append(Text.substr(I, Next - I));
      I = Next - 1;
      continue;
    }
    if (Text.substr(I, 2) == "$$") {
      Out += '$';
      ++I;
      continue;
    }
    const Root *Found = nullptr;
    for (const Root &R : Roots)
      if (Text.substr(I, R.Tag.size()) == R.Tag) {
        Found = &R;
        break;
      }
    if (!Found) {
      // A root this checkout does not have ("/" or none): the text cannot be read here, and
      // keeps a spelling no real path has, so nothing it names is found.
      Out += Text[I];
      continue;
    }
    Out += S == Spelling::Real ? Found->Real : Found->Named;
    I += Found->Tag.size() - 1;
  }
  return Out;
}

std::string projectRootOf(const std::string &DatabaseDirectory) {
  llvm::SmallString<256> Dir(DatabaseDirectory);
  while (!Dir.empty()) {
    llvm::SmallString<256> Git(Dir);
    llvm::sys::path::append(Git, ".git");
    if (llvm::sys::fs::exists(Git))
      return std::string(Dir);
    llvm::StringRef Parent = llvm::sys::path::parent_path(Dir);
    if (Parent == Dir)
      break;
    Dir = Parent;
  }
  return DatabaseDirectory;
}

} // namespace contractcheck
