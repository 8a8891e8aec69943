// The snippet the signature probe parses: the service's header, then, inside the service's own
// namespaces, one struct per declared method whose base re-declares the service's member types,
// so a declaration is read with the names a member of the service would see.
#pragma once

#include "rules/declared-service/ServiceContract.h"

#include <string>
#include <vector>

namespace clang {
class CXXRecordDecl;
}

namespace contractcheck {

// Where a service class sits, as the snippet must reopen it.
struct ServiceScope {
  struct Namespace {
    std::string Name; // empty for an unnamed namespace
    bool Inline = false;
  };
  std::vector<Namespace> Namespaces; // outermost first
  std::string RelativeName;          // the class named from its innermost namespace: Outer::Inner
  // Member type names the class's members see unqualified (its own, its bases', its enclosing
  // classes'), each with the class to name it through ("" for the service itself).
  std::vector<std::pair<std::string, std::string>> MemberTypes;
};

// The scope of a class defined at namespace scope (possibly nested in other classes); empty
// RelativeName for a local class, which a contract cannot name.
ServiceScope scopeOf(const clang::CXXRecordDecl &Service);

struct ProbedContract {
  const ServiceContract *Contract;
  ServiceScope Scope;
};

struct ProbeSnippet {
  std::string Text;
  // For each contract, for each method: the snippet lines its declaration occupies.
  std::vector<std::vector<std::pair<unsigned, unsigned>>> MethodLines;
};

// The service's name without its enclosing classes: Inner for Outer::Inner.
std::string_view simpleName(const ServiceScope &Scope);

// The names the snippet gives its structs, for the judge to find them.
std::string probeScopeName(size_t Contract);
std::string probeMethodName(size_t Contract, size_t Method);
inline constexpr std::string_view ProbeServiceAlias = "__contractcheck_service";

// Whether #include "Path" names Path: a header name cannot spell a quote or a line break.
bool canBeIncluded(const std::string &Path);

// Includes must each be canBeIncluded.
ProbeSnippet probeSnippet(const std::vector<std::string> &Includes,
                          const std::vector<ProbedContract> &Contracts);

} // namespace contractcheck
