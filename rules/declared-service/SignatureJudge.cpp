#include "rules/declared-service/SignatureJudge.h"

#include "DidYouMean.h"
#include "SourcePositions.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/DeclTemplate.h>

#include <optional>
#include <set>

using namespace clang;

namespace contractcheck {

namespace {

// A method the service offers under a name: its own, or inherited when it declares none.
struct Candidate {
  const FunctionDecl *Function;
  const FunctionTemplateDecl *Template; // when Function is a member template's pattern
  bool Public;
};

const DeclContext *probeNamespace(ASTContext &Ctx, const ServiceScope &Scope) {
  const DeclContext *Context = Ctx.getTranslationUnitDecl();
  for (const ServiceScope::Namespace &N : Scope.Namespaces) {
    const NamespaceDecl *Found = nullptr;
    if (N.Name.empty())
      Found = isa<TranslationUnitDecl>(Context)
                  ? cast<TranslationUnitDecl>(Context)->getAnonymousNamespace()
                  : cast<NamespaceDecl>(Context)->getAnonymousNamespace();
    else
      for (NamedDecl *D : Context->lookup(&Ctx.Idents.get(N.Name))) {
        Found = dyn_cast<NamespaceDecl>(D);
        if (Found)
          break;
      }
    if (!Found)
      return nullptr;
    Context = Found;
  }
  return Context;
}

const CXXRecordDecl *memberRecord(ASTContext &Ctx, const DeclContext *Context,
                                  const std::string &Name) {
  for (NamedDecl *D : Context->lookup(&Ctx.Idents.get(Name)))
    if (const auto *Record = dyn_cast<CXXRecordDecl>(D))
      return Record->getDefinition();
  return nullptr;
}

void lookupCandidates(const CXXRecordDecl &Record, DeclarationName Name, bool Public,
                      std::vector<Candidate> &Out) {
  const CXXRecordDecl *Definition = Record.getDefinition();
  if (!Definition)
    return;
  bool Declared = false;
  for (NamedDecl *Found : Definition->lookup(Name)) {
    const NamedDecl *Target = Found->getUnderlyingDecl();
    const bool Visible = Public && Found->getAccess() == AS_public;
    if (const auto *Template = dyn_cast<FunctionTemplateDecl>(Target)) {
      Out.push_back({Template->getTemplatedDecl(), Template, Visible});
      Declared = true;
    } else if (const auto *Function = dyn_cast<FunctionDecl>(Target)) {
      Out.push_back({Function, nullptr, Visible});
      Declared = true;
    } else {
      Declared = true; // a data member or type of that name hides the bases' methods
    }
  }
  if (Declared)
    return;
  for (const CXXBaseSpecifier &Base : Definition->bases())
    if (const CXXRecordDecl *BaseRecord = Base.getType()->getAsCXXRecordDecl())
      lookupCandidates(*BaseRecord, Name, Public && Base.getAccessSpecifier() == AS_public, Out);
}

// The names a consumer can call: public methods, own and publicly inherited.
void methodNames(const CXXRecordDecl &Record, std::set<std::string> &Names) {
  const CXXRecordDecl *Definition = Record.getDefinition();
  if (!Definition)
    return;
  for (const Decl *D : Definition->decls()) {
    const auto *Method = dyn_cast_or_null<CXXMethodDecl>(D->getAsFunction());
    if (Method && !Method->isImplicit() && Method->getIdentifier() && D->getAccess() == AS_public)
      Names.insert(Method->getName().str());
  }
  for (const CXXBaseSpecifier &Base : Definition->bases())
    if (const CXXRecordDecl *BaseRecord = Base.getType()->getAsCXXRecordDecl();
        BaseRecord && Base.getAccessSpecifier() == AS_public)
      methodNames(*BaseRecord, Names);
}

std::string typeText(QualType T, QualType Other, const PrintingPolicy &Policy) {
  std::string Text = T.getAsString(Policy);
  // Two different types printed alike (same name, other namespaces): name them fully.
  if (Text == Other.getAsString(Policy))
    Text = T.getCanonicalType().getAsString(Policy);
  return Text;
}

std::string refQualifierText(RefQualifierKind Kind) {
  return Kind == RQ_LValue ? "'&'" : Kind == RQ_RValue ? "'&&'" : "none";
}

const FunctionProtoType *prototypeOf(const FunctionDecl &F) {
  return F.getType()->getAs<FunctionProtoType>();
}

// Whether a function is noexcept, when its exception specification is known. A defaulted or
// implicit member's is computed only when the function is used, a template's only when it is
// instantiated: until then it is unresolved, and asking FunctionProtoType::isNothrow() about it
// is llvm_unreachable (a jump to nowhere in a release build of clang).
std::optional<bool> knownNothrow(const FunctionProtoType &Proto) {
  if (isUnresolvedExceptionSpec(Proto.getExceptionSpecType()) ||
      Proto.hasDependentExceptionSpec())
    return std::nullopt;
  return Proto.isNothrow();
}

// What differs between a declared method and a candidate, as phrases about the candidate.
std::vector<std::string> differences(const FunctionDecl &Declared,
                                     const FunctionTemplateDecl *DeclaredTemplate,
                                     const Candidate &C, const PrintingPolicy &Policy,
                                     ASTContext &Ctx) {
  std::vector<std::string> Out;
  const auto *DeclaredMethod = dyn_cast<CXXMethodDecl>(&Declared);
  const auto *Method = dyn_cast<CXXMethodDecl>(C.Function);
  const FunctionProtoType *Want = prototypeOf(Declared);
  const FunctionProtoType *Have = prototypeOf(*C.Function);
  if (!Want || !Have || !DeclaredMethod || !Method)
    return {"it cannot be compared"};

  if (!DeclaredTemplate != !C.Template)
    Out.push_back(C.Template ? "it is a member template, the contract's is not"
                             : "it is not a template, the contract's is");
  else if (DeclaredTemplate && DeclaredTemplate->getTemplateParameters()->size() !=
                                   C.Template->getTemplateParameters()->size())
    Out.push_back("it has " + std::to_string(C.Template->getTemplateParameters()->size()) +
                  " template parameters, the contract declares " +
                  std::to_string(DeclaredTemplate->getTemplateParameters()->size()));
  if (DeclaredMethod->isStatic() != Method->isStatic())
    Out.push_back(Method->isStatic() ? "it is static, the contract's is not" : "it is not static");
  if (Want->getNumParams() != Have->getNumParams()) {
    Out.push_back("it takes " + std::to_string(Have->getNumParams()) + " parameter" +
                  (Have->getNumParams() == 1 ? "" : "s") + ", the contract declares " +
                  std::to_string(Want->getNumParams()));
  } else {
    for (unsigned I = 0; I < Want->getNumParams(); ++I)
      if (!Ctx.hasSameType(Want->getParamType(I), Have->getParamType(I)))
        Out.push_back("parameter " + std::to_string(I + 1) + " is '" +
                      typeText(Have->getParamType(I), Want->getParamType(I), Policy) +
                      "', the contract declares '" +
                      typeText(Want->getParamType(I), Have->getParamType(I), Policy) + "'");
  }
  if (Want->isVariadic() != Have->isVariadic())
    Out.push_back(Have->isVariadic() ? "it is variadic, the contract's is not"
                                     : "it is not variadic");
  if (!Ctx.hasSameType(Want->getReturnType(), Have->getReturnType()))
    Out.push_back("it returns '" + typeText(Have->getReturnType(), Want->getReturnType(), Policy) +
                  "', the contract declares '" +
                  typeText(Want->getReturnType(), Have->getReturnType(), Policy) + "'");
  if (Want->getMethodQuals().hasConst() != Have->getMethodQuals().hasConst())
    Out.push_back(Have->getMethodQuals().hasConst() ? "it is const, the contract's is not"
                                                    : "it is not const");
  if (Want->getMethodQuals().hasVolatile() != Have->getMethodQuals().hasVolatile())
    Out.push_back(Have->getMethodQuals().hasVolatile() ? "it is volatile, the contract's is not"
                                                       : "it is not volatile");
  if (Want->getRefQualifier() != Have->getRefQualifier())
    Out.push_back("its ref-qualifier is " + refQualifierText(Have->getRefQualifier()) +
                  ", the contract declares " + refQualifierText(Want->getRefQualifier()));
  // An unresolved specification (a defaulted operator== not yet used) may be either: not judged.
  std::optional<bool> WantNothrow = knownNothrow(*Want), HaveNothrow = knownNothrow(*Have);
  if (WantNothrow && HaveNothrow && *WantNothrow != *HaveNothrow)
    Out.push_back(*HaveNothrow ? "it is noexcept, the contract's is not" : "it is not noexcept");
  // What a contract listing a virtual destructor asks of it: deleting through a base pointer.
  if (isa<CXXDestructorDecl>(Declared) && DeclaredMethod->isVirtual() && !Method->isVirtual())
    Out.push_back("it is not virtual");
  if (!C.Public)
    Out.push_back("it is not public");
  if (C.Function->isDeleted())
    Out.push_back("it is deleted");
  return Out;
}

std::string join(const std::vector<std::string> &Parts) {
  std::string Text;
  for (size_t I = 0; I < Parts.size(); ++I)
    Text += (I == 0 ? "" : I + 1 == Parts.size() ? " and " : ", ") + Parts[I];
  return Text;
}

// "bool send(const Alert &, Channel) const": a method as messages show it.
std::string signatureText(const FunctionDecl &F, const PrintingPolicy &Policy) {
  std::string Text;
  const FunctionProtoType *Proto = prototypeOf(F);
  if (!isa<CXXConversionDecl>(F) && !isa<CXXDestructorDecl>(F))
    Text += F.getReturnType().getAsString(Policy) + " ";
  Text += F.getNameAsString() + "(";
  for (unsigned I = 0; Proto && I < Proto->getNumParams(); ++I)
    Text += (I ? ", " : "") + Proto->getParamType(I).getAsString(Policy);
  if (Proto && Proto->isVariadic())
    Text += Proto->getNumParams() ? ", ..." : "...";
  Text += ")";
  if (Proto) {
    if (Proto->getMethodQuals().hasConst())
      Text += " const";
    if (Proto->getMethodQuals().hasVolatile())
      Text += " volatile";
    if (Proto->getRefQualifier() == RQ_LValue)
      Text += " &";
    if (Proto->getRefQualifier() == RQ_RValue)
      Text += " &&";
    if (knownNothrow(*Proto).value_or(false))
      Text += " noexcept";
  }
  return Text;
}

bool isServiceMethod(const CXXMethodDecl &M) {
  if (M.isImplicit() || isa<CXXConstructorDecl>(M) || isa<CXXDestructorDecl>(M))
    return false;
  return !M.isCopyAssignmentOperator() && !M.isMoveAssignmentOperator();
}

} // namespace

ContractVerdicts judgeContract(ASTContext &Ctx, size_t Index, const ProbedContract &Probed,
                               bool Strict) {
  ContractVerdicts Verdicts;
  const DeclContext *Namespace = probeNamespace(Ctx, Probed.Scope);
  const CXXRecordDecl *Scope =
      Namespace ? memberRecord(Ctx, Namespace, probeScopeName(Index)) : nullptr;
  const CXXRecordDecl *Service = nullptr;
  if (Scope)
    for (NamedDecl *D : Scope->lookup(&Ctx.Idents.get(ProbeServiceAlias)))
      if (const auto *Alias = dyn_cast<TypedefNameDecl>(D))
        if (const CXXRecordDecl *Record = Alias->getUnderlyingType()->getAsCXXRecordDecl())
          Service = Record->getDefinition();
  if (!Service)
    return Verdicts;
  Verdicts.ServiceFound = true;

  PrintingPolicy Policy = Ctx.getPrintingPolicy();
  Policy.SuppressTagKeyword = true;
  Policy.SuppressScope = false;
  const std::string ServiceName = Service->getQualifiedNameAsString();
  std::set<const FunctionDecl *> Accounted; // offered, or closest to a declaration that differs
  std::set<std::string> Names;
  methodNames(*Service, Names);
  const std::vector<std::string> NameList(Names.begin(), Names.end());

  for (size_t M = 0; M < Probed.Contract->Methods.size(); ++M) {
    MethodVerdict Verdict;
    Verdict.Method = M;
    const CXXRecordDecl *Probe = memberRecord(Ctx, Namespace, probeMethodName(Index, M));
    const FunctionDecl *Declared = nullptr;
    const FunctionTemplateDecl *DeclaredTemplate = nullptr;
    unsigned Count = 0;
    // A destructor is declared in a class of the service's name nested in the probe's.
    for (const CXXRecordDecl *Nested = Probe; Nested;) {
      const CXXRecordDecl *Inner = nullptr;
      for (const Decl *D : Nested->decls()) {
        if (D->isImplicit() || D->isInvalidDecl())
          continue;
        if (const auto *Template = dyn_cast<FunctionTemplateDecl>(D)) {
          DeclaredTemplate = Template;
          Declared = Template->getTemplatedDecl();
          ++Count;
        } else if (const auto *Function = dyn_cast<CXXMethodDecl>(D)) {
          Declared = Function;
          ++Count;
        } else if (const auto *Record = dyn_cast<CXXRecordDecl>(D);
                   Record && Nested == Probe &&
                   Record->getName() == llvm::StringRef(simpleName(Probed.Scope))) {
          Inner = Record;
        }
      }
      Nested = Inner;
    }
    if (!Declared || Count != 1 || Declared->isInvalidDecl()) {
      Verdicts.Methods.push_back(Verdict); // NotJudged: its parse errors are reported
      continue;
    }

    std::vector<Candidate> Candidates;
    if (!isa<CXXDestructorDecl>(Declared))
      lookupCandidates(*Service, Declared->getDeclName(), true, Candidates);
    else if (const CXXDestructorDecl *Destructor = Service->getDestructor())
      Candidates.push_back({Destructor, nullptr, Destructor->getAccess() == AS_public});
    const std::string Name = Declared->getNameAsString();
    if (isa<CXXDestructorDecl>(Declared) && Candidates.empty()) {
      // Implicit and not declared yet (the class is not dynamic): public, and not virtual.
      if (cast<CXXMethodDecl>(Declared)->isVirtual()) {
        Verdict.Verdict = MethodVerdict::Kind::Differs;
        Verdict.Text = {"'%0::%1' does not match the contract's declaration: %2",
                        {ServiceName, Name, "it is not virtual"}};
        Verdict.Note = {{positionOf(Service->getLocation(), Ctx.getSourceManager()),
                         {DiagnosticMessage("its destructor is implicit"), {}}}};
      } else {
        Verdict.Verdict = MethodVerdict::Kind::Offered;
      }
      Verdicts.Methods.push_back(std::move(Verdict));
      continue;
    }
    if (Candidates.empty()) {
      Verdict.Verdict = MethodVerdict::Kind::Missing;
      Verdict.Text = {"'%0' has no method '%1'%2", {ServiceName, Name, didYouMean(Name, NameList)}};
      Verdicts.Methods.push_back(std::move(Verdict));
      continue;
    }
    const Candidate *Closest = nullptr;
    std::vector<std::string> ClosestDifferences;
    for (const Candidate &C : Candidates) {
      std::vector<std::string> Differences =
          differences(*Declared, DeclaredTemplate, C, Policy, Ctx);
      if (!Closest || Differences.size() < ClosestDifferences.size()) {
        Closest = &C;
        ClosestDifferences = std::move(Differences);
      }
    }
    Accounted.insert(Closest->Function);
    if (ClosestDifferences.empty()) {
      Verdict.Verdict = MethodVerdict::Kind::Offered;
    } else {
      Verdict.Verdict = MethodVerdict::Kind::Differs;
      Verdict.Text = {"'%0::%1' does not match the contract's declaration: %2",
                      {ServiceName, Name, join(ClosestDifferences)}};
      // In the class, not at an out-of-line definition.
      SourcePosition Where =
          positionOf(Closest->Function->getCanonicalDecl()->getLocation(), Ctx.getSourceManager());
      Verdict.Note = {{Where,
                       {Candidates.size() == 1
                            ? DiagnosticMessage("declared here as '%0'")
                            : DiagnosticMessage("closest overload declared here as '%0'"),
                        {signatureText(*Closest->Function, Policy)}}}};
    }
    Verdicts.Methods.push_back(std::move(Verdict));
  }

  if (Strict)
    for (const CXXMethodDecl *Method : Service->methods())
      if (isServiceMethod(*Method) && Method->getAccess() == AS_public && !Method->isDeleted() &&
          !Accounted.count(Method))
        Verdicts.Undeclared.push_back(
            {{"'%0' is public in '%1' but the contract does not declare it",
              {signatureText(*Method, Policy), ServiceName}},
             positionOf(Method->getLocation(), Ctx.getSourceManager())});
  return Verdicts;
}

} // namespace contractcheck
