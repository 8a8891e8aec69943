// Which real class a mock stands in for: its base classes, an explicitly configured pair, a class
// template instantiated with both, or the naming convention (MockX, FakeX, XMock, StubX -> X).
#pragma once

#include <clang/AST/DeclarationName.h>
#include <llvm/ADT/DenseMap.h>
#include <llvm/ADT/SetVector.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class ClassTemplateDecl;
class CXXRecordDecl;
class NamedDecl;
} // namespace clang

namespace contractcheck {

// `Mock*`: '*' stands for the real class's name; exactly one '*'.
class NamePattern {
public:
  static std::optional<NamePattern> parse(llvm::StringRef Pattern);
  // The real class's name for a mock called MockName, if the pattern fits it.
  std::optional<llvm::StringRef> realName(llvm::StringRef MockName) const;

private:
  NamePattern(std::string Prefix, std::string Suffix)
      : Prefix(std::move(Prefix)), Suffix(std::move(Suffix)) {}
  std::string Prefix, Suffix;
};

// The patterns that parse; the others are ignored (the option documents one '*').
std::vector<NamePattern> parseNamePatterns(const std::vector<std::string> &Texts);

// The real class names the patterns give for a mock class named MockName.
std::vector<std::string> realNamesFor(llvm::StringRef MockName,
                                      const std::vector<NamePattern> &Patterns);

enum class PairReason { BaseClass, ConfiguredPair, CoInstantiation, NamingConvention };

struct RealCounterpart {
  const clang::CXXRecordDecl *Real;
  PairReason Reason;
  const clang::ClassTemplateDecl *Via = nullptr; // CoInstantiation: the template both instantiate
};

struct Pairing {
  // The mock derives from its counterparts, so overriding is what counts; otherwise (template
  // dependency injection) a mock method must match a real one exactly.
  bool Inheritance = false;
  std::vector<RealCounterpart> Reals;
};

// "'MockTurtle' stands in for 'Turtle' (base class)"
std::string describePairing(const clang::CXXRecordDecl &Mock, const RealCounterpart &Counterpart);
std::string describePairing(const std::string &Mock, const std::string &Real,
                            const std::string &Reason);

// "Toggler<T>": a class template as its declaration names its parameters.
std::string templateSignature(const clang::ClassTemplateDecl &Template);

// "ns::Toggler": the name that identifies a class template in every TU.
std::string qualifiedName(const clang::NamedDecl &D);

// The methods (and method templates) named Name in Class and all its bases.
std::vector<const clang::NamedDecl *> methodsNamed(const clang::CXXRecordDecl &Class,
                                                   clang::DeclarationName Name);

// A class name the way diagnostics and the `pairs` option spell it: qualified, with template
// arguments.
std::string className(const clang::CXXRecordDecl &Class);

// The template arguments of a class template specialization, canonical ("int",
// "std::basic_string<char>"); empty for any other class.
std::vector<std::string> templateArgumentsOf(const clang::CXXRecordDecl &Class);

// Whether two classes may be a mock and its real class as far as their template arguments go:
// two specializations given different arguments (mock_allocator<int> and std::allocator<char>,
// both passed to allocator_ref<Allocator>) are two uses of a generic parameter, not a pair. The
// shorter list need only be a prefix of the longer (defaulted trailing arguments).
bool argumentsAgree(const std::vector<std::string> &Mock, const std::vector<std::string> &Real);

// A class template and one of its type parameters, with the mocks and the other classes the TU
// instantiates it with there.
struct CoInstantiationSite {
  const clang::ClassTemplateDecl *Template;
  unsigned Index;
  llvm::SetVector<const clang::CXXRecordDecl *> Mocks, Reals;
};

class MockPairer {
public:
  struct Catalog {
    std::function<bool(const clang::CXXRecordDecl &)> IsMock;
    // The names a mock's stand-in methods use: evidence that a co-instantiated class is its
    // real counterpart rather than an unrelated type the same template also holds.
    std::function<std::vector<clang::DeclarationName>(const clang::CXXRecordDecl &)> MockedNames;
  };

  MockPairer(const clang::ASTContext &Ctx, const std::vector<NamePattern> &Patterns,
             const std::vector<std::pair<std::string, std::string>> &ConfiguredPairs,
             Catalog Mocks);

  // Classes and class templates of the TU (outside system headers): the fallback for naming
  // lookup and the instantiations for co-instantiation pairing.
  void addRecord(const clang::CXXRecordDecl *Record) { Records.push_back(Record); }
  void addTemplate(const clang::ClassTemplateDecl *Template) { Templates.insert(Template); }

  bool isConfiguredMock(const clang::CXXRecordDecl &Class) const;
  bool matchesNamePattern(const clang::CXXRecordDecl &Class) const;

  Pairing pair(const clang::CXXRecordDecl &Mock);

  // Every template parameter position the TU instantiates with a class.
  const std::vector<CoInstantiationSite> &coInstantiationSites();

private:
  const clang::CXXRecordDecl *configuredReal(const clang::CXXRecordDecl &Mock) const;
  std::vector<RealCounterpart> relevantBases(const clang::CXXRecordDecl &Mock) const;
  std::vector<RealCounterpart> coInstantiated(const clang::CXXRecordDecl &Mock);
  const clang::CXXRecordDecl *byName(const clang::CXXRecordDecl &Mock);
  const clang::CXXRecordDecl *asRealClass(const clang::NamedDecl *Found,
                                          const clang::CXXRecordDecl &Mock) const;
  const clang::CXXRecordDecl *resolveQualified(llvm::StringRef Name) const;
  std::vector<std::string> realNames(const clang::CXXRecordDecl &Mock) const;
  bool madeWithMocks(const clang::CXXRecordDecl &Class) const;
  void indexCoInstantiations();

  const clang::ASTContext &Ctx;
  const std::vector<NamePattern> &Patterns;
  const std::vector<std::pair<std::string, std::string>> &ConfiguredPairs;
  Catalog Mocks;
  std::vector<const clang::CXXRecordDecl *> Records;
  llvm::SetVector<const clang::ClassTemplateDecl *> Templates;
  std::optional<llvm::DenseMap<const clang::CXXRecordDecl *, std::vector<RealCounterpart>>>
      CoInstantiations;
  std::vector<CoInstantiationSite> Sites;
};

} // namespace contractcheck
