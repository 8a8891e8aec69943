// Which function bodies the CLI leaves unparsed: those no rule judges and whose absence changes
// no finding anywhere else (docs/performance.md, "Skipped function bodies").
#pragma once

#include <llvm/ADT/ArrayRef.h>
#include <llvm/ADT/DenseMap.h>
#include <llvm/ADT/DenseSet.h>

#include <functional>
#include <memory>
#include <vector>

namespace clang {
class Decl;
class DeclContext;
class FileID;
class FunctionDecl;
class HeaderSearch;
class Preprocessor;
class QualType;
class SourceManager;
class TemplateArgument;
class Type;
} // namespace clang

namespace contractcheck {

class Config;

// A body no rule reports in is one in a library's header or in a file the configuration
// excludes (findings located there are dropped). A project header that is a system header only
// because a system header included it (CMake's precompiled-header wrapper) is no library's
// (LibraryHeaders.h): what its bodies give the project's enums counts (EnumeratorUses.h). Such a body can still change findings elsewhere only by
// instantiating the project's templates: gtest's TYPED_TEST instantiates the test class
// templates from gtest's own function templates, and with them the mock class templates named
// only in `::testing::Types<MockQueue<int>>`; std::sort instantiates a generic lambda's call
// operator. A non-template body outside the project cannot name the project's templates.
//
// So a TU is parsed first with every such body skipped (Skip), and the policy watches each
// function template instantiation whose body was skipped: when its template arguments reach
// anything of the project that a body could instantiate (a specialization or template of the
// project, a project class with member or friend templates or with a function template in its
// namespace, found through argument-dependent lookup), the TU is parsed again with the template
// bodies kept (KeepTemplates), and only that parse is judged. That parse makes only the
// instantiations of the library's templates that the project's types reach; the others are left
// as the first parse leaves them (dropsInstantiation). Clang itself keeps the bodies it cannot
// skip (constexpr functions, deduced return types).
//
// A TU can have both parses in one (Decide): the parse keeps the library's template bodies
// (loaded from the prefix that keeps them, or parsed when the TU parses its system headers
// itself), and the end of the TU, where Clang makes its instantiations, decides what the first
// parse would have: the instantiations of the library's templates that the project's types reach and that
// the first parse would have left with skipped bodies are put aside (defersInstantiation), the
// rules are asked about them as about the first parse's (lostInstantiations), and they are made
// only when one says yes, and then only those the rules that say yes name
// (neededInstantiations, Rule::instantiationsNeeded: contract-mock-drift names those given a
// mock), with what Sema needs to make them; the rest are left as the first parse leaves them,
// which the rules' no for them says loses nothing. When none says yes, the TU is left as the
// first parse would have. The analysis's parse that keeps template bodies decides so too.
class BodySkipPolicy {
public:
  enum class Mode { Skip, KeepTemplates, Decide };

  using Instantiations = llvm::ArrayRef<const clang::FunctionDecl *>;
  // NeedsInstantiations: whether an enabled rule could judge what an instantiation of one of
  // the TU's own templates holds; when none could, a body that may instantiate one is no loss.
  // Needed: of those, the ones the rules that said yes need made (Rule::instantiationsNeeded).
  BodySkipPolicy(const clang::SourceManager &SM, const Config &Cfg, Mode M,
                 std::function<bool(Instantiations)> NeedsInstantiations = {},
                 std::function<std::vector<const clang::FunctionDecl *>(Instantiations)> Needed = {})
      : SM(SM), Cfg(Cfg), M(M), NeedsInstantiations(std::move(NeedsInstantiations)),
        Needed(std::move(Needed)) {}

  // The TU's header search, once its parse has begun: with it, a project header that a system
  // header included (CMake's precompiled-header wrapper) is the project's (LibraryHeaders.h).
  void setHeaders(const clang::HeaderSearch *TUHeaders) { Headers = TUHeaders; }
  // The TU's preprocessor, once its parse has begun: with it, a body a library's macro writes
  // is seen before it is parsed (writtenByALibraryMacro).
  void setPreprocessor(clang::Preprocessor &TUPreprocessor);

  bool shouldSkip(const clang::Decl &D);
  // Sees every implicit function template instantiation (ASTConsumer's hook).
  void noteInstantiation(const clang::FunctionDecl &F);
  // Whether a skipped body may have instantiated a template of the project whose
  // instantiations a rule judges (Skip mode), or whether the instantiations put aside must be
  // made (Decide mode). Call once, at the end of the TU.
  bool lostInstantiations();
  // Decide mode, once lostInstantiations() said yes: which of those put aside to make.
  std::vector<const clang::FunctionDecl *> neededInstantiations();
  // The same question while the TU is still being parsed (Skip mode only), answered for the
  // worst end it could have: a class of the project given to a skipped body counts as reaching
  // the project's templates whatever it and its namespace will hold (what they hold is known
  // only at the end of the TU: a mock reaches the function template the file declares a
  // thousand lines below it). No means lostInstantiations() would say no if the TU ended here;
  // yes means it may say yes at the end, and a parse that keeps template bodies loses nothing
  // either way. Only the instantiations skipped since the last question are examined, and the
  // rules are asked about those given the project, only when there are some: a rule that says
  // yes because of a declaration below the last of them is heard at the end of the TU.
  bool mayLoseInstantiations();
  bool skipsTemplateBodies() const { return M == Mode::Skip; }
  bool decidesAtEnd() const { return M == Mode::Decide; }
  // Whether this parse keeps template bodies but may leave some of their instantiations
  // unmade (KeepTemplates and Decide modes).
  bool dropsInstantiations() const { return M != Mode::Skip; }
  // Whether an implicit instantiation may go unmade: one of a template in a file no rule reports
  // in whose template arguments reach nothing of the project. Its body could instantiate none of
  // the project's templates, for the reason a skipped body cannot. Ask at the end of the TU.
  bool dropsInstantiation(const clang::FunctionDecl &F);
  // Decide mode: whether an implicit instantiation is one the first parse would have left with
  // its body skipped and whose template arguments reach the project (so a rule may need it):
  // it waits for lostInstantiations(). Ask at the end of the TU, after dropsInstantiation.
  bool defersInstantiation(const clang::FunctionDecl &F);

private:
  bool nobodyReportsIn(const clang::Decl &D);
  bool writtenByALibraryMacro(const clang::Decl &D);
  bool nobodyReportsIn(clang::FileID File);
  bool givenTheProject(const clang::FunctionDecl &F);
  bool inProject(const clang::Decl &D) const;
  bool reaches(const clang::TemplateArgument &Arg);
  bool reaches(clang::QualType T);
  bool reachesRecord(const clang::Decl &Record);
  bool hasProjectFunctionTemplates(const clang::DeclContext &Namespace);

  const clang::SourceManager &SM;
  const clang::HeaderSearch *Headers = nullptr;
  clang::Preprocessor *PP = nullptr;
  // The expansions, in the TU's own files, of a library's macro given only types (by the
  // location of the macro's name): filled by the preprocessor's callbacks, which share it.
  std::shared_ptr<llvm::DenseSet<unsigned>> TypesOnlyExpansions;
  const Config &Cfg;
  const Mode M;
  const std::function<bool(Instantiations)> NeedsInstantiations;
  const std::function<std::vector<const clang::FunctionDecl *>(Instantiations)> Needed;
  // The instantiations whose bodies were skipped (Skip), or that were put aside (Decide).
  std::vector<const clang::FunctionDecl *> Skipped;
  // What mayLoseInstantiations() has learnt: the skipped instantiations it has examined, those
  // given a class of the project, and its own answers for types and records.
  bool AnyProjectClassReaches = false; // it is asking
  size_t Examined = 0;
  std::vector<const clang::FunctionDecl *> GivenTheProject;
  llvm::DenseMap<const clang::Type *, bool> TypeGivesTheProject;
  llvm::DenseMap<const clang::Decl *, bool> RecordGivesTheProject;
  llvm::DenseMap<unsigned, bool> SilentFiles;            // by FileID hash
  llvm::DenseMap<const clang::Type *, bool> TypeReaches; // false while being computed
  llvm::DenseMap<const clang::Decl *, bool> RecordReaches;
  llvm::DenseMap<const clang::DeclContext *, bool> NamespaceTemplates;
};

} // namespace contractcheck
