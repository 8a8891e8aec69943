// Which function bodies the CLI leaves unparsed: those no rule judges and whose absence changes
// no finding anywhere else (docs/performance.md, "Skipped function bodies").
#pragma once

#include <llvm/ADT/DenseMap.h>

namespace clang {
class Decl;
class FileID;
class SourceManager;
} // namespace clang

namespace contractcheck {

class Config;

// A body is skipped when both hold:
// - no rule reports in its file: a system header, or a file the configuration excludes
//   (findings located there are dropped);
// - the function is not templated. A template's body is instantiated with the project's types
//   (gtest's TYPED_TEST registers test class templates from gtest's own function templates),
//   and that instantiation is what instantiates the project's class templates, e.g. a mock
//   class template named only in `::testing::Types<MockQueue<int>>`. A non-template body
//   outside the project cannot name the project's templates, so skipping it loses nothing.
// Clang itself keeps the bodies it cannot skip (constexpr functions, deduced return types).
class BodySkipPolicy {
public:
  BodySkipPolicy(const clang::SourceManager &SM, const Config &Cfg) : SM(SM), Cfg(Cfg) {}

  bool shouldSkip(const clang::Decl &D);

private:
  bool nobodyReportsIn(clang::FileID File);

  const clang::SourceManager &SM;
  const Config &Cfg;
  llvm::DenseMap<unsigned, bool> SilentFiles; // by FileID hash
};

} // namespace contractcheck
