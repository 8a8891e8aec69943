#include "rules/declared-service/ProbeSource.h"

#include <clang/AST/DeclCXX.h>

#include <algorithm>
#include <set>

using namespace clang;

namespace contractcheck {

namespace {

// The member type names declared in Record itself.
void addMemberTypes(const CXXRecordDecl &Record, const std::string &Through,
                    std::set<std::string> &Seen, ServiceScope &Scope) {
  for (const Decl *D : Record.decls()) {
    const auto *Type = dyn_cast<TypeDecl>(D);
    if (!Type || D->isImplicit() || !Type->getIdentifier())
      continue;
    if (!isa<TypedefNameDecl>(Type) && !isa<TagDecl>(Type))
      continue;
    if (Seen.insert(Type->getName().str()).second)
      Scope.MemberTypes.emplace_back(Type->getName().str(), Through);
  }
}

// Record's member types, then its bases', breadth first: the order unqualified lookup in a
// member of Record finds them in, for the names that are not ambiguous.
void addClassMemberTypes(const CXXRecordDecl &Record, const std::string &Through,
                         std::set<std::string> &Seen, ServiceScope &Scope) {
  std::vector<const CXXRecordDecl *> Queue{&Record};
  std::set<const CXXRecordDecl *> Visited;
  for (size_t I = 0; I < Queue.size(); ++I) {
    const CXXRecordDecl *Current = Queue[I]->getDefinition();
    if (!Current || !Visited.insert(Current).second)
      continue;
    addMemberTypes(*Current, Through, Seen, Scope);
    for (const CXXBaseSpecifier &Base : Current->bases())
      if (const CXXRecordDecl *BaseRecord = Base.getType()->getAsCXXRecordDecl())
        Queue.push_back(BaseRecord);
  }
}

// A file name in a #line directive is a string literal: every byte that could end it or the
// line (a quote, a backslash, a line break, any control character) is escaped, so a contract's
// file name is never more than a name.
std::string lineFileLiteral(const std::string &Path) {
  std::string Out = "\"";
  for (char C : Path) {
    unsigned char U = static_cast<unsigned char>(C);
    if (C == '"' || C == '\\') {
      Out += '\\';
      Out += C;
    } else if (U < 0x20 || U == 0x7f) {
      const char Octal[] = {'\\', static_cast<char>('0' + (U >> 6)),
                            static_cast<char>('0' + ((U >> 3) & 7)), static_cast<char>('0' + (U & 7)),
                            '\0'};
      Out += Octal;
    } else {
      Out += C;
    }
  }
  return Out + "\"";
}

// `~Name(`, blanks allowed between: the declaration is Name's destructor.
bool declaresDestructorOf(std::string_view Text, std::string_view Name) {
  for (size_t Tilde = Text.find('~'); Tilde != std::string_view::npos;
       Tilde = Text.find('~', Tilde + 1)) {
    size_t At = Text.find_first_not_of(" \t", Tilde + 1);
    if (At == std::string_view::npos || Text.compare(At, Name.size(), Name) != 0)
      continue;
    At = Text.find_first_not_of(" \t", At + Name.size());
    if (At != std::string_view::npos && Text[At] == '(')
      return true;
  }
  return false;
}

} // namespace

std::string_view simpleName(const ServiceScope &Scope) {
  std::string_view Name = Scope.RelativeName;
  size_t Colons = Name.rfind("::");
  return Colons == std::string_view::npos ? Name : Name.substr(Colons + 2);
}

bool canBeIncluded(const std::string &Path) {
  // A header name has no escapes: a quote or a line break cannot be spelled in one.
  for (char C : Path)
    if (C == '"' || C == '\n' || C == '\r' || C == '\0')
      return false;
  return true;
}

ServiceScope scopeOf(const CXXRecordDecl &Service) {
  ServiceScope Scope;
  std::vector<const CXXRecordDecl *> Classes{&Service}; // innermost first
  const DeclContext *Context = Service.getDeclContext();
  for (; Context && isa<CXXRecordDecl>(Context); Context = Context->getParent())
    Classes.push_back(cast<CXXRecordDecl>(Context));
  for (; Context && !Context->isTranslationUnit(); Context = Context->getParent()) {
    if (const auto *Namespace = dyn_cast<NamespaceDecl>(Context))
      Scope.Namespaces.insert(Scope.Namespaces.begin(),
                              {Namespace->isAnonymousNamespace() ? "" : Namespace->getName().str(),
                               Namespace->isInline()});
    else if (!isa<LinkageSpecDecl>(Context))
      return {}; // a local class
  }
  for (auto It = Classes.rbegin(); It != Classes.rend(); ++It)
    Scope.RelativeName += (Scope.RelativeName.empty() ? "" : "::") + (*It)->getName().str();

  std::set<std::string> Seen{std::string(ProbeServiceAlias)};
  addClassMemberTypes(Service, "", Seen, Scope);
  std::string Enclosing = Scope.RelativeName;
  for (size_t I = 1; I < Classes.size(); ++I) {
    Enclosing = Enclosing.substr(0, Enclosing.rfind("::"));
    addClassMemberTypes(*Classes[I], Enclosing, Seen, Scope);
  }
  return Scope;
}

std::string probeScopeName(size_t Contract) {
  return "__contractcheck_scope_" + std::to_string(Contract);
}

std::string probeMethodName(size_t Contract, size_t Method) {
  return "__contractcheck_probe_" + std::to_string(Contract) + "_" + std::to_string(Method);
}

ProbeSnippet probeSnippet(const std::vector<std::string> &Includes,
                          const std::vector<ProbedContract> &Contracts) {
  ProbeSnippet Snippet;
  unsigned Line = 1;
  auto Emit = [&](const std::string &Text) {
    Snippet.Text += Text + "\n";
    Line += 1 + std::count(Text.begin(), Text.end(), '\n');
  };
  for (const std::string &Include : Includes)
    Emit("#include \"" + Include + "\"");
  for (size_t C = 0; C < Contracts.size(); ++C) {
    const ServiceScope &Scope = Contracts[C].Scope;
    const ServiceContract &Contract = *Contracts[C].Contract;
    std::string Open, Close;
    for (const ServiceScope::Namespace &N : Scope.Namespaces) {
      Open += std::string(N.Inline ? "inline " : "") + "namespace " + N.Name + " { ";
      Close += "} ";
    }
    Emit(Open);
    Emit("struct " + probeScopeName(C) + " {");
    Emit("  using " + std::string(ProbeServiceAlias) + " = " + Scope.RelativeName + ";");
    for (const auto &[Name, Through] : Scope.MemberTypes)
      Emit("  using " + Name + " = " +
           (Through.empty() ? std::string(ProbeServiceAlias) : Through) + "::" + Name + ";");
    Emit("};");
    std::vector<std::pair<unsigned, unsigned>> Lines;
    for (size_t M = 0; M < Contract.Methods.size(); ++M) {
      const DeclaredMethod &Method = Contract.Methods[M];
      Emit("struct " + probeMethodName(C, M) + " : " + probeScopeName(C) + " {");
      // A destructor is declared in a class of the service's own name, nested in the probe's
      // (where `~Name` names the enclosing class), with the service's member types in scope.
      const bool Destructor = declaresDestructorOf(Method.Text, simpleName(Scope));
      if (Destructor)
        Emit("struct " + std::string(simpleName(Scope)) + " {");
      // Diagnostics inside the declaration point into the contract, at its own line:col.
      Emit("#line " + std::to_string(Method.Position.Line) + " " + lineFileLiteral(Contract.File));
      unsigned First = Line;
      Emit(std::string(Method.TextColumn > 1 ? Method.TextColumn - 1 : 0, ' ') + Method.Text + ";");
      if (Destructor)
        Emit("};");
      Emit("};");
      Lines.emplace_back(First, Line - 1);
    }
    Snippet.MethodLines.push_back(std::move(Lines));
    Emit(Close);
  }
  return Snippet;
}

} // namespace contractcheck
