#include "rules/string-dispatch/QtMethodStrings.h"

#include "DidYouMean.h"
#include "SourcePositions.h"
#include "rules/string-dispatch/QtCreatedClasses.h"
#include "rules/string-dispatch/QtForwardingHelpers.h"
#include "rules/string-dispatch/QtMetaMethods.h"
#include "rules/string-dispatch/QtSignature.h"
#include "rules/string-dispatch/QtTypeTests.h"
#include "rules/utils/Usr.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/DeclTemplate.h>
#include <clang/AST/ExprCXX.h>
#include <clang/ASTMatchers/ASTMatchers.h>
#include <clang/Lex/Lexer.h>
#include <llvm/ADT/StringExtras.h>
#include <llvm/Support/Path.h>

#include <algorithm>
#include <optional>

using namespace clang;
using namespace clang::ast_matchers;

namespace contractcheck {

namespace {

constexpr const char *CallId = "qt-call";
constexpr const char *ConstructId = "qt-construct";
constexpr const char *InvokeId = "qt-invoke";
constexpr const char *FactoryId = "qt-factory";
constexpr const char *PredicateId = "qt-predicate";
constexpr const char *ClassHomeId = "qt-class-home";

// Where the string came from decides what it may name.
enum class Origin { SignalMacro, SlotMacro, InvokeMethod };

// SIGNAL() finds signals only; SLOT() every other meta-method (Qt 5 searches the methods after
// the signals); invokeMethod any of them.
bool accepts(Origin From, QtMethodKind Kind) {
  switch (From) {
  case Origin::SignalMacro:
    return Kind == QtMethodKind::Signal;
  case Origin::SlotMacro:
    return Kind != QtMethodKind::Signal;
  case Origin::InvokeMethod:
    return true;
  }
  return false;
}

const char *wantedName(Origin From) {
  switch (From) {
  case Origin::SignalMacro:
    return "signal";
  case Origin::SlotMacro:
    return "slot or Q_INVOKABLE method";
  case Origin::InvokeMethod:
    return "signal, slot or Q_INVOKABLE method";
  }
  return "method";
}

bool expandedFrom(SourceLocation Loc, std::initializer_list<StringRef> Macros,
                  const SourceManager &SM, const LangOptions &LO) {
  for (int Depth = 0; Loc.isMacroID() && Depth < 16; ++Depth) {
    StringRef Name = Lexer::getImmediateMacroName(Loc, SM, LO);
    for (StringRef Macro : Macros)
      if (Name == Macro)
        return true;
    Loc = SM.getImmediateMacroCallerLoc(Loc);
  }
  return false;
}

// `QObject::connect(this, SIGNAL(...), model, SLOT(...))` in a class template, read in the
// template itself: a call whose overload waits for the instantiation (written qualified or not,
// as a member of a QObject class), but whose every candidate is Qt's connect (or disconnect).
bool callsQtConnectInATemplate(const CallExpr &Call) {
  const auto *Lookup = dyn_cast_or_null<OverloadExpr>(Call.getCallee());
  return Lookup && Lookup->getNumDecls() > 0 &&
         llvm::all_of(Lookup->decls(), [](const NamedDecl *Candidate) {
           const NamedDecl *Target = Candidate->getUnderlyingDecl();
           if (const auto *Template = dyn_cast<FunctionTemplateDecl>(Target))
             Target = Template->getTemplatedDecl();
           return isQtConnect(dyn_cast<FunctionDecl>(Target));
         });
}

// A class of Qt's own: named Q..., declared in Qt's headers (a module folder QtCore/,
// QtWidgets/, ..., included with -I as qmake does, or -isystem).
bool isQtClass(const CXXRecordDecl &Class, const SourceManager &SM) {
  if (!Class.getDeclName().isIdentifier() || !Class.getName().starts_with("Q"))
    return false;
  StringRef File = SM.getFilename(SM.getExpansionLoc(Class.getLocation()));
  return llvm::any_of(llvm::make_range(llvm::sys::path::begin(File), llvm::sys::path::end(File)),
                      [](StringRef Folder) {
                        return Folder.size() > 2 && Folder.starts_with("Qt") &&
                               llvm::isUpper(Folder[2]);
                      });
}

// A member of a Qt class (QObject::connect, QTimer::singleShot, QMenu::addAction, QShortcut's
// constructor): it finds the method by the whole signature the string carries. A project's own function taking a SLOT() string may use it otherwise (strip the code
// and call invokeMethod by the name).
bool isQtOwn(const FunctionDecl *Callee, const SourceManager &SM) {
  const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Callee);
  return Method && isQtClass(*Method->getParent(), SM);
}

// "navigateToToplevel" from SLOT(navigateToToplevel): a name without its argument list, which
// Qt's lookup never matches (connect warns 'No such slot', QTimer::singleShot 'Invalid slot
// specification').
bool isBareName(StringRef Text) {
  return !Text.empty() && !llvm::isDigit(Text.front()) &&
         llvm::all_of(Text, [](char C) { return llvm::isAlnum(C) || C == '_'; });
}

// The string a SIGNAL() or SLOT() use passes (through qFlagLocation() in Qt's debug build),
// when Source is one.
const StringLiteral *macroMethodString(const Expr *Source, const SourceManager &SM,
                                       const LangOptions &LO) {
  const auto *Literal = dyn_cast<StringLiteral>(Source);
  if (const auto *Flag = dyn_cast<CallExpr>(Source); Flag && Flag->getNumArgs() == 1)
    if (const FunctionDecl *Callee = Flag->getDirectCallee();
        Callee && Callee->getDeclName().isIdentifier() && Callee->getName() == "qFlagLocation")
      Literal = dyn_cast<StringLiteral>(Flag->getArg(0)->IgnoreParenImpCasts());
  if (!Literal || !Literal->isOrdinary() ||
      !expandedFrom(Source->getBeginLoc(), {"SIGNAL", "SLOT"}, SM, LO))
    return nullptr;
  return Literal;
}

// A 'const char *' local with an initialiser, which may hold a string passed on.
const VarDecl *stringLocal(const Expr *E) {
  const auto *Ref = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!Var || isa<ParmVarDecl>(Var) || !Var->hasLocalStorage() || !Var->getInit() ||
      !Var->getType()->isPointerType() || !Var->getType()->getPointeeType()->isAnyCharacterType())
    return nullptr;
  return Var;
}

// The branches of a '?:' (nested ones too), or E itself.
std::vector<const Expr *> branchesOf(const Expr *E) {
  std::vector<const Expr *> Sources;
  std::vector<const Expr *> Pending{E};
  while (!Pending.empty() && Sources.size() < 16) {
    const Expr *Next = Pending.back()->IgnoreParenImpCasts();
    Pending.pop_back();
    if (const auto *Choice = dyn_cast<ConditionalOperator>(Next)) {
      Pending.push_back(Choice->getFalseExpr());
      Pending.push_back(Choice->getTrueExpr());
    } else {
      Sources.push_back(Next);
    }
  }
  return Sources;
}

// The expressions an argument may pass a SIGNAL() or SLOT() string from: itself, or the
// initialiser of a local only read, each branch of a '?:' apart. Whether the local is only read
// is asked only when its initialiser holds such a string: the question needs the parents of
// the TU's nodes, and building them walks the whole TU, system headers and every template
// instantiation included (about a second on gMock's own tests, for calls passing a local
// 'const char *' that Qt has nothing to do with).
std::vector<const Expr *> stringSources(const Expr *Argument, ASTContext &Context) {
  const Expr *E = Argument->IgnoreParenImpCasts();
  if (const VarDecl *Local = stringLocal(E)) {
    std::vector<const Expr *> Held = branchesOf(Local->getInit()->IgnoreParenImpCasts());
    const SourceManager &SM = Context.getSourceManager();
    const LangOptions &LO = Context.getLangOpts();
    if (std::any_of(Held.begin(), Held.end(),
                    [&](const Expr *Source) { return macroMethodString(Source, SM, LO); }) &&
        localOnlyRead(*Local, Context))
      return Held;
  }
  return branchesOf(E);
}

// Whether the object an expression names was cast to its pointer type from another: an explicit
// cast (static_cast, reinterpret_cast, dynamic_cast, C-style) or qobject_cast from a pointer of
// another type (void *, a base), written at the use or as the initialiser of a local only read.
bool castToQtBase(const Expr &Object, ASTContext &Context) {
  const Expr *E = Object.IgnoreParenImpCasts();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
    const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
    if (!Var || isa<ParmVarDecl>(Var) || !Var->hasLocalStorage() || !Var->getInit())
      return false;
    const Expr *Init = Var->getInit()->IgnoreParenImpCasts();
    if (!isa<ExplicitCastExpr>(Init) && !isa<CallExpr>(Init))
      return false;
    return castToQtBase(*Init, Context) && localOnlyRead(*Var, Context);
  }
  QualType To = E->getType();
  const Expr *From = nullptr;
  if (const auto *Cast = dyn_cast<ExplicitCastExpr>(E)) {
    From = Cast->getSubExpr();
  } else if (const auto *Call = dyn_cast<CallExpr>(E); Call && Call->getNumArgs() == 1) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (Callee && Callee->getDeclName().isIdentifier() && Callee->getName() == "qobject_cast")
      From = Call->getArg(0);
  }
  if (!From || !To->isPointerType())
    return false;
  QualType Source = From->IgnoreParenImpCasts()->getType();
  return Source->isPointerType() &&
         Source->getPointeeType()->getCanonicalTypeUnqualified() !=
             To->getPointeeType()->getCanonicalTypeUnqualified();
}

// The class of what an accessor hands out before converting it to the base it declares:
// Qxt's `QTcpSocket *QxtSmtp::socket() const { return qxt_d().socket; }` returns a QSslSocket *
// member, so `connect(socket(), SIGNAL(encrypted()), ...)` connects a QSslSocket's signal. Only a
// non-virtual function whose body in this translation unit is that one `return`.
QualType upcastByAccessor(const Expr *E) {
  const auto *Call = dyn_cast<CallExpr>(E);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  const FunctionDecl *Definition = nullptr;
  if (!Callee || !Callee->getBody(Definition))
    return {};
  if (const auto *Method = dyn_cast<CXXMethodDecl>(Definition); Method && Method->isVirtual())
    return {};
  const auto *Body = dyn_cast<CompoundStmt>(Definition->getBody());
  if (!Body || Body->size() != 1)
    return {};
  const auto *Return = dyn_cast<ReturnStmt>(Body->body_front());
  const Expr *Value = Return ? Return->getRetValue() : nullptr;
  const auto *Cast = Value ? dyn_cast<ImplicitCastExpr>(Value->IgnoreParens()) : nullptr;
  if (!Cast || (Cast->getCastKind() != CK_DerivedToBase &&
                Cast->getCastKind() != CK_UncheckedDerivedToBase))
    return {};
  return Cast->getSubExpr()->getType();
}

bool hasUnknownBase(const CXXRecordDecl &Class);

// A base that depends on the template's parameters may still be known not to declare signals or
// slots: EiskaltDC++'s `dcpp::Singleton<FinishedTransfers<isUpload>>`, a specialisation of a
// class template with no partial or explicit specialisation, whose own definition is no QObject
// and has no such base either. Anything else (a parameter, `Holder<T>` deriving from QObject)
// may declare any of them.
bool mayDeclareMetaMethods(QualType Base) {
  const auto *Specialisation = Base->getAs<TemplateSpecializationType>();
  const auto *Template = Specialisation ? dyn_cast_or_null<ClassTemplateDecl>(
                                              Specialisation->getTemplateName().getAsTemplateDecl())
                                        : nullptr;
  if (!Template || !Template->getTemplatedDecl()->hasDefinition())
    return true;
  llvm::SmallVector<ClassTemplatePartialSpecializationDecl *> Partial;
  const_cast<ClassTemplateDecl *>(Template)->getPartialSpecializations(Partial);
  if (!Partial.empty() ||
      llvm::any_of(Template->specializations(), [](const ClassTemplateSpecializationDecl *S) {
        return S->isExplicitSpecialization();
      }))
    return true;
  const CXXRecordDecl &Pattern = *Template->getTemplatedDecl()->getDefinition();
  return isQObjectClass(Pattern) || hasUnknownBase(Pattern);
}

// Whether a base of the class, at any depth, may bring signals or slots only an instantiation
// would show.
bool hasUnknownBase(const CXXRecordDecl &Class) {
  for (const CXXBaseSpecifier &Base : Class.bases()) {
    if (Base.getType()->isDependentType()) {
      if (mayDeclareMetaMethods(Base.getType()))
        return true;
      continue;
    }
    const CXXRecordDecl *Record = Base.getType()->getAsCXXRecordDecl();
    if (Record && Record->hasDefinition() && hasUnknownBase(*Record->getDefinition()))
      return true;
  }
  return false;
}

// Whether the class derives from QObject through bases that do not depend on a parameter.
bool hasKnownQObjectBase(const CXXRecordDecl &Class) {
  return llvm::any_of(Class.bases(), [](const CXXBaseSpecifier &Base) {
    const CXXRecordDecl *Record =
        Base.getType()->isDependentType() ? nullptr : Base.getType()->getAsCXXRecordDecl();
    return Record && Record->hasDefinition() &&
           (isQObjectItself(*Record->getDefinition()) || hasKnownQObjectBase(*Record->getDefinition()));
  });
}

// `this` in a member of a class template, read in the template itself: EiskaltDC++'s
// `FinishedTransfers<bool>` connects its own signals (declared in a plain QObject base, since moc
// cannot read a template) in its constructor, which a TU that never instantiates it only has as
// written. Its class is the template's own when every base that could declare a signal or slot
// is known.
const CXXRecordDecl *templateThisClass(const Expr *E) {
  const auto *This = dyn_cast<CXXThisExpr>(E->IgnoreParenImpCasts());
  const CXXRecordDecl *Class =
      This ? This->getType()->getPointeeType()->getAsCXXRecordDecl() : nullptr;
  if (!Class || !Class->hasDefinition())
    return nullptr;
  Class = Class->getDefinition();
  return hasKnownQObjectBase(*Class) && !hasUnknownBase(*Class) ? Class : nullptr;
}

// The class an expression's static type points to or is, when it is a QObject.
const CXXRecordDecl *qobjectClassOf(const Expr *E) {
  if (!E)
    return nullptr;
  if (E->isTypeDependent()) {
    return templateThisClass(E);
  }
  QualType Type = upcastByAccessor(E->IgnoreParenImpCasts());
  if (Type.isNull())
    Type = E->IgnoreParenImpCasts()->getType();
  if (Type->isPointerType())
    Type = Type->getPointeeType();
  const CXXRecordDecl *Class = Type->getAsCXXRecordDecl();
  if (!Class || !Class->hasDefinition() || !isQObjectClass(*Class))
    return nullptr;
  return Class->getDefinition();
}

// A type name written in a signature, as the canonical type it names when it is a typedef or
// class visible from the global scope ("qint32", "ns::Id"); empty when it is anything else.
std::string resolvedSpelling(const std::string &Name, ASTContext &Context) {
  if (Name.empty() || Name.find_first_of("<>*&() ") != std::string::npos)
    return {};
  const DeclContext *Scope = Context.getTranslationUnitDecl();
  StringRef Rest = Name;
  Rest.consume_front("::");
  while (true) {
    auto [Head, Tail] = Rest.split("::");
    DeclContext::lookup_result Found = Scope->lookup(&Context.Idents.get(Head));
    if (Found.empty())
      return {};
    const NamedDecl *Decl = Found.front();
    if (Tail.empty()) {
      QualType Type;
      if (const auto *Alias = dyn_cast<TypedefNameDecl>(Decl))
        Type = Alias->getUnderlyingType();
      else if (const auto *Tag = dyn_cast<TypeDecl>(Decl))
        Type = QualType(Tag->getTypeForDecl(), 0);
      if (Type.isNull())
        return {};
      PrintingPolicy Policy(Context.getLangOpts());
      Policy.SuppressTagKeyword = true;
      return normalizedQtType(Type.getCanonicalType().getAsString(Policy));
    }
    Scope = dyn_cast<DeclContext>(Decl);
    if (!Scope)
      return {};
    Rest = Tail;
  }
}

bool matches(const QtMetaMethod &Method, const QtSignature &Signature, ASTContext &Context) {
  if (Method.AnyParameters)
    return true;
  size_t Count = Signature.Arguments.size();
  if (Count < Method.RequiredParameters || Count > Method.Parameters.size())
    return false;
  for (size_t I = 0; I < Count; ++I) {
    const std::string &Argument = Signature.Arguments[I];
    const auto &Spellings = Method.Parameters[I];
    std::string Key = qtTypeKey(Argument);
    if (std::any_of(Spellings.begin(), Spellings.end(),
                    [&](const std::string &Spelling) { return qtTypeKey(Spelling) == Key; }))
      continue;
    if (std::string Resolved = resolvedSpelling(Argument, Context);
        Resolved.empty() || qtTypeKey(Resolved) != qtTypeKey(Method.CanonicalParameters[I]))
      return false;
  }
  return true;
}

// The signatures a string that carries parameter names ("changed(bool on)") may have meant:
// the names dropped ("changed(bool)"), then also the '&' left before a dropped name, since Qt
// writes "const QString &text" as "QString&text" and the reference it meant was const
// ("show(QString)"). Empty when no argument ends in a name. Qt's lookup keeps the names
// (QMetaObject::normalizedSignature("f(bool on)") is "f(bool on)"), so such a string matches
// nothing at runtime; a name is an identifier after a space, '&' or '*' that is not a word of a
// built-in type.
std::vector<QtSignature> withoutParameterNames(const QtSignature &Signature) {
  static const std::vector<StringRef> TypeWords = {
      "bool", "char", "short", "int", "long", "float", "double", "signed", "unsigned",
      "void", "const", "volatile", "wchar_t", "char16_t", "char32_t", "char8_t"};
  QtSignature Unnamed{Signature.Name, {}}, ConstReferences{Signature.Name, {}};
  bool Named = false, Referenced = false;
  for (const std::string &Argument : Signature.Arguments) {
    size_t Cut = Argument.find_last_of(" &*");
    StringRef Last = Cut == std::string::npos ? StringRef() : StringRef(Argument).substr(Cut + 1);
    bool IsName = Cut != std::string::npos && Cut > 0 && isBareName(Last) &&
                  std::find(TypeWords.begin(), TypeWords.end(), Last) == TypeWords.end();
    std::string Type = IsName ? normalizedQtType(Argument.substr(0, Cut + 1)) : Argument;
    Unnamed.Arguments.push_back(Type);
    if (IsName && Argument[Cut] == '&') {
      Type = normalizedQtType("const " + Argument.substr(0, Cut + 1));
      Referenced = true;
    }
    ConstReferences.Arguments.push_back(Type);
    Named |= IsName;
  }
  if (!Named)
    return {};
  if (!Referenced)
    return {Unnamed};
  return {Unnamed, ConstReferences};
}


// The suggestion for a method name the class does not have: the closest by edit distance (a
// typo), else the one method whose name extends it or that it extends, by at least 3 shared
// characters: a rename that added or dropped a word (qwinff renamed the slot seekBack to
// seekBackward and left SLOT(seekBack()) behind, 2018) is further than a typo.
std::string suggestMethod(const std::string &Name, const std::vector<std::string> &Candidates) {
  std::string Typo = didYouMean(Name, Candidates);
  if (!Typo.empty())
    return Typo;
  const std::string *Only = nullptr;
  for (const std::string &Candidate : Candidates) {
    const std::string &Short = Candidate.size() < Name.size() ? Candidate : Name;
    const std::string &Long = Candidate.size() < Name.size() ? Name : Candidate;
    if (Short.size() < 3 || Short.size() == Long.size() || Long.compare(0, Short.size(), Short) != 0)
      continue;
    if (Only)
      return {};
    Only = &Candidate;
  }
  return Only ? " (did you mean '" + *Only + "'?)" : std::string();
}

} // namespace

struct QtMethodStrings::MethodString {
  Origin From;
  QtSignature Signature;
  bool NameOnly = false; // invokeMethod without readable Q_ARG types: the name alone is judged
  SourceLocation Where;  // the macro use or the literal
  const CXXRecordDecl *Receiver = nullptr;
  const Expr *ReceiverExpr = nullptr; // the object argument the class was read from
  // Passed through a helper to Qt's connect: the connect's other string.
  ForwardedReceiver Forwarded{};

  std::string shown() const {
    switch (From) {
    case Origin::SignalMacro:
      return "SIGNAL(" + Signature.text() + ")";
    case Origin::SlotMacro:
      return "SLOT(" + Signature.text() + ")";
    case Origin::InvokeMethod:
      return NameOnly || Signature.Arguments.empty() ? Signature.Name : Signature.text();
    }
    return Signature.text();
  }
};

void QtMethodStrings::registerMatchers(MatchFinder *Finder, MatchFinder::MatchCallback *Callback,
                                       bool KeepsFacts) {
  this->KeepsFacts = KeepsFacts;
  // A function of this file that returns a pointer may make the objects other TUs connect:
  // the judging step reads which classes it makes. A body in a header is seen by every TU that
  // calls it, except an override's: the callers of the virtual need not include its class.
  if (KeepsFacts && Factories)
    Finder->addMatcher(functionDecl(isDefinition(),
                                    anyOf(isExpansionInMainFile(),
                                          cxxMethodDecl(isOverride(),
                                                        unless(isExpansionInSystemHeader()))),
                                    returns(pointerType()), unless(isTemplateInstantiation()))
                           .bind(FactoryId),
                       Callback);
  // What the type tests of other TUs read: a virtual bool method of a QObject class defined here
  // (an override in a project header too, as for factories), and the QObject classes whose
  // members this file defines (their home: one TU records each).
  if (KeepsFacts && Predicates && Classes) {
    auto QObjectClass = cxxRecordDecl(isDerivedFrom(cxxRecordDecl(hasName("::QObject"))));
    Finder->addMatcher(cxxMethodDecl(isDefinition(), isVirtual(), parameterCountIs(0),
                                     returns(booleanType()),
                                     anyOf(isExpansionInMainFile(),
                                           allOf(isOverride(), unless(isExpansionInSystemHeader()))),
                                     unless(isTemplateInstantiation()), ofClass(QObjectClass))
                           .bind(PredicateId),
                       Callback);
    Finder->addMatcher(cxxMethodDecl(isDefinition(), isExpansionInMainFile(), unless(isImplicit()),
                                     unless(isTemplateInstantiation()),
                                     ofClass(cxxRecordDecl(QObjectClass,
                                                           unless(isExpansionInSystemHeader()))))
                           .bind(ClassHomeId),
                       Callback);
  }
  auto FlagLocation = callExpr(callee(functionDecl(hasName("::qFlagLocation"))));
  auto Literal = ignoringParenImpCasts(anyOf(stringLiteral(), FlagLocation));
  // A 'const char *' local holding a SIGNAL()/SLOT() string, passed on.
  auto HeldString = ignoringParenImpCasts(declRefExpr(
      to(varDecl(hasLocalStorage(), hasInitializer(anyOf(Literal, hasDescendant(FlagLocation),
                                                         hasDescendant(stringLiteral())))))));
  auto MethodString = ignoringParenImpCasts(anyOf(stringLiteral(), FlagLocation, HeldString));
  Finder->addMatcher(callExpr(hasAnyArgument(MethodString), unless(FlagLocation),
                              unless(callee(functionDecl(hasName("::QMetaObject::invokeMethod")))))
                         .bind(CallId),
                     Callback);
  Finder->addMatcher(cxxConstructExpr(hasAnyArgument(MethodString)).bind(ConstructId), Callback);
  Finder->addMatcher(callExpr(callee(functionDecl(hasName("::QMetaObject::invokeMethod"))),
                              hasArgument(1, ignoringParenImpCasts(stringLiteral())))
                         .bind(InvokeId),
                     Callback);
}

void QtMethodStrings::check(const MatchFinder::MatchResult &Result) {
  ASTContext &Context = *Result.Context;
  if (const auto *Call = Result.Nodes.getNodeAs<CallExpr>(CallId)) {
    std::vector<const Expr *> Arguments(Call->arg_begin(), Call->arg_end());
    const Expr *Object = nullptr;
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call))
      Object = Member->getImplicitObjectArgument();
    checkArguments(*Call, std::move(Arguments), Object,
                   isQtConnect(Call->getDirectCallee()) || callsQtConnectInATemplate(*Call),
                   isQtOwn(Call->getDirectCallee(), *Result.SourceManager), Context);
  } else if (const auto *Construct = Result.Nodes.getNodeAs<CXXConstructExpr>(ConstructId)) {
    checkArguments(*Construct,
                   std::vector<const Expr *>(Construct->arg_begin(), Construct->arg_end()), nullptr,
                   false, isQtOwn(Construct->getConstructor(), *Result.SourceManager), Context);
  } else if (const auto *Invoke = Result.Nodes.getNodeAs<CallExpr>(InvokeId)) {
    checkInvokeMethod(*Invoke, Context);
  } else if (const auto *Definition = Result.Nodes.getNodeAs<FunctionDecl>(FactoryId)) {
    checkFactory(*Definition, Context);
  } else if (const auto *Method = Result.Nodes.getNodeAs<CXXMethodDecl>(PredicateId)) {
    if (!Method->isDependentContext())
      if (std::optional<QtPredicateFact> Fact = qtPredicateFact(*Method))
        Predicates(std::move(*Fact));
  } else if (const auto *Member = Result.Nodes.getNodeAs<CXXMethodDecl>(ClassHomeId)) {
    const CXXRecordDecl *Class = Member->getParent();
    if (!Member->isDependentContext() && Class->hasDefinition() &&
        ClassesRecorded.insert(Class->getDefinition()).second &&
        hasOwnMetaObject(*Class->getDefinition()))
      Classes({qtProjectMadeClass(*Class->getDefinition())});
  }
}

void QtMethodStrings::checkFactory(const FunctionDecl &Definition, ASTContext &Context) {
  const CXXRecordDecl *Returned = Definition.getReturnType()->getPointeeCXXRecordDecl();
  if (!Returned || !Returned->hasDefinition() || !isQObjectClass(*Returned->getDefinition()) ||
      Definition.isDependentContext())
    return;
  QtCreation Made = Creations.ofFactory(Definition, Context);
  if (Made.Classes.empty())
    return;
  QtFactoryFact Fact;
  Fact.Factory = usrOf(Definition);
  if (const auto *Method = dyn_cast<CXXMethodDecl>(&Definition))
    Fact.Overrides = qtOverriddenUsrs(*Method);
  for (const CXXRecordDecl *Class : Made.Classes)
    Fact.Classes.push_back(qtMadeClass(*Class));
  Factories(std::move(Fact));
}

void QtMethodStrings::checkArguments(const Expr &Call, std::vector<const Expr *> Arguments,
                                     const Expr *Object, bool Connects, bool QtCallee,
                                     ASTContext &Context) {
  const SourceManager &SM = Context.getSourceManager();
  const LangOptions &LO = Context.getLangOpts();
  // A function of the project's (not Qt's connect family, nor another of Qt's own), called
  // directly, may pass the string on with an object other than the one before it; so may a
  // lambda, whose call passes the closure before the arguments of its parameters.
  const FunctionDecl *Helper = nullptr;
  size_t Closure = 0;
  if (const auto *Operator = dyn_cast<CXXOperatorCallExpr>(&Call)) {
    const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Operator->getDirectCallee());
    if (Method && Method->getParent()->isLambda() && !Arguments.empty()) {
      Helper = Method;
      Closure = 1;
    }
  } else if (!Connects && !QtCallee) {
    if (const auto *Direct = dyn_cast<CallExpr>(&Call))
      Helper = Direct->getDirectCallee();
    else if (const auto *Construct = dyn_cast<CXXConstructExpr>(&Call))
      Helper = Construct->getConstructor();
  }
  // Per argument, the strings it may pass: one, or each branch of a local's '?:'.
  std::vector<std::vector<MethodString>> Strings(Arguments.size());
  for (size_t I = 0; I < Arguments.size(); ++I) {
    for (const Expr *Argument : stringSources(Arguments[I], Context)) {
      const StringLiteral *Literal = macroMethodString(Argument, SM, LO);
      if (!Literal)
        continue;
      // Qt's debug build appends "\0file:line" to the signature.
      StringRef Text = Literal->getString();
      Text = Text.take_until([](char C) { return C == '\0'; });
      if (Text.size() < 2 || (Text[0] != '1' && Text[0] != '2'))
        continue;
      std::optional<QtSignature> Signature = parseQtSignature(Text.drop_front());
      if (!Signature) {
        if (QtCallee && isBareName(Text.drop_front()))
          reportBareName(Text, SM.getExpansionLoc(Argument->getBeginLoc()));
        continue;
      }
      // The receiver is the object passed just before the string; connect(sender, SIGNAL(),
      // SLOT()) called on an object connects to that object. A project's helper whose body is
      // here says itself which object it passes the string on with.
      const Expr *ReceiverExpr = I > 0 ? Arguments[I - 1] : nullptr;
      const CXXRecordDecl *Receiver = nullptr;
      ForwardedReceiver Forwarded =
          Helper && I >= Closure
              ? forwardedReceiver(*Helper, I - Closure,
                                  llvm::ArrayRef(Arguments).drop_front(Closure), Object, Context)
              : ForwardedReceiver{};
      if (Forwarded.Forwarded) {
        Receiver = qobjectClassOf(ReceiverExpr = Forwarded.Receiver);
      } else {
        Receiver = qobjectClassOf(ReceiverExpr);
        if (!Receiver && I > 0 && !Strings[I - 1].empty()) {
          // connect(sender, SIGNAL(), SLOT()) called on an object connects to that object. A
          // string after a SLOT() names a method of that slot's receiver: a helper's request and
          // done slots (`device->registerAction("eject", this, SLOT(ejectRequested()),
          // SLOT(ejectDone(int,QString)))`), callWithCallback's return and error methods.
          const MethodString &Before = Strings[I - 1].front();
          if (Before.From != Origin::SignalMacro) {
            Receiver = Before.Receiver;
            ReceiverExpr = Before.ReceiverExpr;
          } else if (Object) {
            Receiver = qobjectClassOf(ReceiverExpr = Object);
          }
        }
      }
      if (!Receiver)
        continue;
      Strings[I].push_back(MethodString{Text[0] == '2' ? Origin::SignalMacro : Origin::SlotMacro,
                                        std::move(*Signature), false,
                                        SM.getExpansionLoc(Argument->getBeginLoc()), Receiver,
                                        ReceiverExpr, Forwarded});
    }
  }

  std::optional<QtMetaMethod> SignalMethod;
  const MethodString *SignalString = nullptr;
  bool SignalSeen = false;
  for (const auto &Candidates : Strings) {
    for (const MethodString &String : Candidates) {
      // A receiver typed QObject: the class that declares the name is unknown here.
      std::optional<QtMetaMethod> Method;
      if (!isQObjectItself(*String.Receiver))
        Method = resolve(String, Context);
      // connect(sender, SIGNAL(a(int)), receiver, SLOT(b(QString))): the slot (or the signal
      // relaying it) must take a prefix of what the signal sends. Only Qt's connect passes the
      // signal's arguments on: a closure helper taking (sender, SIGNAL(), receiver, SLOT(),
      // bound...) calls the slot with the values bound to it.
      if (Method && SignalMethod && Connects)
        checkCompatible(*SignalString, *SignalMethod, String, *Method, Context);
      // Through a helper's (or lambda's) parameter into Qt's connect: the same check, against
      // the string the helper's connect pairs it with.
      if (Method && String.Forwarded.Partner)
        checkForwardedConnect(String, *Method, Context);
      // The signal, when there is one: a local that may hold either of two is not judged
      // against.
      if (!SignalSeen && String.From == Origin::SignalMacro && Candidates.size() == 1) {
        SignalMethod = std::move(Method);
        SignalString = &String;
      }
    }
    if (!Candidates.empty() && Candidates.front().From == Origin::SignalMacro)
      SignalSeen = true;
  }
}

void QtMethodStrings::checkInvokeMethod(const CallExpr &Call, ASTContext &Context) {
  const Expr *Object = Call.getArg(0);
  const CXXRecordDecl *Receiver = qobjectClassOf(Object);
  if (!Receiver || isQObjectItself(*Receiver))
    return;
  const auto *Literal = cast<StringLiteral>(Call.getArg(1)->IgnoreParenImpCasts());
  if (!Literal->isOrdinary())
    return;
  std::string Name = Literal->getString().str();
  if (Name.empty() || Name.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                             "0123456789_") != std::string::npos)
    return;
  MethodString String{Origin::InvokeMethod, QtSignature{Name, {}}, false,
                      Context.getSourceManager().getExpansionLoc(Literal->getBeginLoc()), Receiver,
                      Object};
  // Q_ARG(type, value) names its type in a string: with every argument read, the signature is
  // judged as a whole, as invokeMethod looks it up.
  const FunctionDecl *Callee = Call.getDirectCallee();
  const SourceManager &SM = Context.getSourceManager();
  for (unsigned I = 2; Callee && I < Call.getNumArgs() && I < Callee->getNumParams(); ++I) {
    const Expr *Argument = Call.getArg(I);
    const auto *Parameter = Callee->getParamDecl(I)->getType()->getAsCXXRecordDecl();
    if (!Parameter || Parameter->getName() != "QGenericArgument")
      continue;
    if (isa<CXXDefaultArgExpr>(Argument))
      break;
    const StringLiteral *TypeName = nullptr;
    for (const Stmt *Node = Argument; Node && !TypeName;) {
      const Stmt *Next = nullptr;
      for (const Stmt *Child : Node->children()) {
        if (const auto *Found = dyn_cast_or_null<StringLiteral>(Child)) {
          TypeName = Found;
          break;
        }
        if (Child && !Next)
          Next = Child;
      }
      Node = Next;
    }
    if (!TypeName || !expandedFrom(TypeName->getBeginLoc(), {"Q_ARG"}, SM, Context.getLangOpts())) {
      String.NameOnly = true;
      break;
    }
    String.Signature.Arguments.push_back(normalizedQtType(TypeName->getString()));
  }
  if (String.NameOnly)
    String.Signature.Arguments.clear();
  resolve(String, Context);
}

std::optional<QtMetaMethod> QtMethodStrings::resolve(const MethodString &String,
                                                     ASTContext &Context,
                                                     const QtCreation *Made) {
  const CXXRecordDecl &Receiver = *String.Receiver;
  const std::string &Name = String.Signature.Name;
  std::vector<QtMetaMethod> Methods = qtMetaMethods(Receiver);

  std::vector<const QtMetaMethod *> SameName;
  const QtMetaMethod *OtherKind = nullptr;
  std::vector<std::string> Candidates;
  for (const QtMetaMethod &Method : Methods) {
    if (!accepts(String.From, Method.Kind)) {
      if (Method.Name == Name && !OtherKind)
        OtherKind = &Method;
      continue;
    }
    if (std::find(Candidates.begin(), Candidates.end(), Method.Name) == Candidates.end())
      Candidates.push_back(Method.Name);
    if (Method.Name != Name)
      continue;
    if (String.NameOnly || matches(Method, String.Signature, Context)) {
      JudgedStrings.push_back({&Receiver, Name, String.Where, {}});
      return Method;
    }
    SameName.push_back(&Method);
  }
  // Qt looks the string up on the object's own class. Where the object is made is known (a
  // `new D`, a local holding one, a function returning one), it is judged by every class it can
  // be of, and reported naming the first that lacks it. Otherwise the object may be of a derived
  // class that declares it: only a class this TU sees can say.
  QtCreation Found;
  if (!Made) {
    // A form's top-level object, in the setupUi uic wrote: the class constructing it.
    if (String.ReceiverExpr)
      Found = Forms.formCreation(*String.ReceiverExpr, Context);
    if (String.ReceiverExpr && Found.Is == QtCreation::State::Unknown)
      Found = Creations.of(*String.ReceiverExpr, Context);
    if (Found.Is != QtCreation::State::Unknown && !Found.Classes.empty()) {
      std::optional<QtMetaMethod> Declared;
      const CXXRecordDecl *Lacking = nullptr;
      for (const CXXRecordDecl *Class : Found.Classes) {
        std::optional<QtMetaMethod> Own = declaredBy(*Class, String, Context);
        if (!Own && !Lacking)
          Lacking = Class;
        else if (Own && !Declared)
          Declared = Own;
      }
      // A class it can be made as declares it: which one is made is the program's choice
      // (Quassel's createPeer(..., LegacyProtocol, ...) makes the peer that declares the signal
      // it connects next; its QtUi::createMessageProcessor override makes the processor that
      // declares the slot), so the string is left to it, as to a subclass seen here.
      if (Declared) {
        JudgedStrings.push_back({&Receiver, Name, String.Where, {}});
        return Declared;
      }
      // Every class it can be made as is known and lacks it.
      if (Found.Is == QtCreation::State::Made && Found.Whole) {
        MethodString Judged = String;
        Judged.Receiver = Lacking;
        return resolve(Judged, Context, &Found);
      }
    }
    Made = &Found;
  }
  const bool Known = Made->Is == QtCreation::State::Made && Made->Whole;
  if (!Known && derivedClassDeclares(String, Context))
    return std::nullopt;

  std::string ClassName = Receiver.getQualifiedNameAsString();
  std::string Shown = String.shown();
  if (!SameName.empty()) {
    std::string Takes;
    for (const QtMetaMethod *Method : SameName)
      Takes += (Takes.empty() ? "" : " or ") + parameterList(*Method);
    std::string Message = "'" + Shown + "' matches no " + wantedName(String.From) + " of '" +
                          ClassName + "': '" + Name + "' takes " + Takes;
    for (const QtSignature &Unnamed : withoutParameterNames(String.Signature))
      if (std::any_of(SameName.begin(), SameName.end(), [&](const QtMetaMethod *Method) {
            return matches(*Method, Unnamed, Context);
          })) {
        Message += ", and Qt compares parameter names too: write '" + Unnamed.text() + "'";
        break;
      }
    drift(String, Message, SameName.front()->Decl, "'" + Name + "' is declared here", *Made,
          Context);
    return std::nullopt;
  }
  if (OtherKind) {
    std::string Message = "'" + Shown + "' names a " + qtMethodKindName(OtherKind->Kind) + " of '" +
                          ClassName + "', not a " + wantedName(String.From);
    if (String.From == Origin::SlotMacro)
      Message += ": write SIGNAL() to connect a signal to a signal";
    drift(String, Message, OtherKind->Decl, "'" + Name + "' is declared here", *Made, Context);
    return std::nullopt;
  }
  // Declared as one by a class without Q_OBJECT: moc never read it, and the object's meta-object
  // is its nearest base's that has one, which is where Qt looks the string up.
  for (const QtMetaMethod &Method : qtUnrecordedMethods(Receiver)) {
    if (Method.Name != Name || !accepts(String.From, Method.Kind))
      continue;
    const CXXRecordDecl *MetaClass = qtMetaObjectClass(Receiver);
    std::string Owner = Method.Owner->getQualifiedNameAsString();
    std::string Message = "'" + Shown + "' names a " + qtMethodKindName(Method.Kind) + " of '" +
                          Owner + "', which has no Q_OBJECT: Qt looks it up in the meta-object of '" +
                          (MetaClass ? MetaClass->getQualifiedNameAsString() : ClassName) +
                          "', which has none (add Q_OBJECT to '" + Owner + "')";
    drift(String, Message, Method.Decl, "'" + Name + "' is declared here", *Made, Context);
    return std::nullopt;
  }
  // A widget handed over as a QWidget * is of a subclass this TU may never see (a view passed to
  // its controller); a name QWidget lacks is the subclass's to declare, unless it is a near miss
  // of QWidget's own (a typo of windowTitleChanged).
  if (!Known && isQWidgetItself(Receiver) && !closestMatch(Name, Candidates))
    return std::nullopt;
  // So is a Qt class the program casts an object it did not make to (a plug-in's
  // static_cast<QMainWindow *>(host_main_window()), qobject_cast<QDialog *>(activeWindow())):
  // the cast asserts a base, and the host's subclass declares the rest.
  if (!Known && isQtClass(Receiver, Context.getSourceManager()) && String.ReceiverExpr &&
      castToQtBase(*String.ReceiverExpr, Context) && !closestMatch(Name, Candidates))
    return std::nullopt;
  std::string Message = "'" + Shown + "' names no " + wantedName(String.From) + " of '" +
                        ClassName + "'" + suggestMethod(Name, Candidates);
  drift(String, Message, &Receiver, "'" + ClassName + "' is defined here", *Made, Context);
  return std::nullopt;
}

void QtMethodStrings::drift(const MethodString &String, const std::string &Message,
                            const Decl *NoteAt, const std::string &Note, const QtCreation &Made,
                            ASTContext &Context) {
  // A test of the object's type that the connect runs under (`if (player->isHuman())`) may let
  // through only subclasses that declare the name, which other TUs define: the judging step reads
  // their facts. A string on an object whose every class is known needs none.
  std::vector<QtTypeTest> Guards;
  if (KeepsFacts && Deferred && String.ReceiverExpr &&
      !(Made.Is == QtCreation::State::Made && Made.Whole))
    Guards = qtTypeTestsGuarding(*String.ReceiverExpr, Context);
  if ((Made.Is == QtCreation::State::Elsewhere || !Guards.empty()) && KeepsFacts && Deferred) {
    const SourceManager &SM = Context.getSourceManager();
    QtDeferredStringFact Fact;
    if (Made.Is == QtCreation::State::Elsewhere)
      Fact.Factory = usrOf(*Made.Factory);
    Fact.Guards = std::move(Guards);
    Fact.Wanted = String.From == Origin::SignalMacro ? "signal"
                  : String.From == Origin::SlotMacro ? "slot"
                                                     : "any";
    Fact.Name = String.Signature.Name;
    for (const std::string &Argument : String.Signature.Arguments) {
      Fact.Arguments.push_back({Argument});
      if (std::string Resolved = resolvedSpelling(Argument, Context); !Resolved.empty())
        Fact.Arguments.back().push_back(Resolved);
    }
    Fact.NameOnly = String.NameOnly;
    Fact.Drift.Position = positionOf(String.Where, SM);
    Fact.Drift.Message = Message;
    if (NoteAt) {
      SourceLocation Loc = SM.getExpansionLoc(NoteAt->getLocation());
      if (Loc.isValid() && !SM.isInSystemHeader(Loc))
        Fact.Drift.Notes.push_back({positionOf(Loc, SM), Note});
    }
    Deferred(std::move(Fact));
    return;
  }
  SourceLocation Where = reportedAt(String, Context);
  JudgedStrings.push_back({String.Receiver, String.Signature.Name, Where, Message});
  if (once(Where, Message)) {
    Diag(Where, "%0", DiagnosticIDs::Warning) << Message;
    noteAt(NoteAt, Note);
  }
}

SourceLocation QtMethodStrings::reportedAt(const MethodString &String, ASTContext &Context) {
  if (String.From == Origin::InvokeMethod)
    return String.Where;
  std::string Object;
  const Expr *E = String.ReceiverExpr ? String.ReceiverExpr->IgnoreParenImpCasts() : nullptr;
  if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(E); Ref && Ref->getDecl()->getIdentifier())
    Object = Ref->getDecl()->getName().str();
  else if (const auto *Member = dyn_cast_or_null<MemberExpr>(E);
           Member && Member->getMemberDecl()->getIdentifier())
    Object = Member->getMemberDecl()->getName().str();
  return Forms.inForm(String.Where, String.Signature.text(), String.From == Origin::SignalMacro,
                      Object, Context);
}

void QtMethodStrings::checkForwardedConnect(const MethodString &String,
                                            const QtMetaMethod &Method, ASTContext &Context) {
  const ForwardedReceiver &Forwarded = String.Forwarded;
  // A pair the call passes both strings of is judged once, at its slot.
  if ((String.From == Origin::SignalMacro) != Forwarded.IsSignal ||
      (Forwarded.IsSignal && Forwarded.PartnerPassed))
    return;
  const SourceManager &SM = Context.getSourceManager();
  std::vector<const Expr *> Sources = stringSources(Forwarded.Partner, Context);
  const StringLiteral *Literal =
      Sources.size() == 1 ? macroMethodString(Sources.front(), SM, Context.getLangOpts()) : nullptr;
  const CXXRecordDecl *Receiver = qobjectClassOf(Forwarded.PartnerReceiver);
  if (!Literal || !Receiver || isQObjectItself(*Receiver))
    return;
  StringRef Text = Literal->getString().take_until([](char C) { return C == '\0'; });
  if (Text.size() < 2 || (Text[0] != '1' && Text[0] != '2') || (Text[0] == '2') == Forwarded.IsSignal)
    return;
  std::optional<QtSignature> Signature = parseQtSignature(Text.drop_front());
  if (!Signature)
    return;
  MethodString Partner{Text[0] == '2' ? Origin::SignalMacro : Origin::SlotMacro,
                       std::move(*Signature), false,
                       SM.getExpansionLoc(Sources.front()->getBeginLoc()), Receiver,
                       Forwarded.PartnerReceiver};
  // The partner's own name is judged where it is written; a pair is judged only when it names one
  // of its class's methods.
  std::vector<QtMetaMethod> Methods = qtMetaMethods(*Receiver);
  auto Found = std::find_if(Methods.begin(), Methods.end(), [&](const QtMetaMethod &Candidate) {
    return Candidate.Name == Partner.Signature.Name && accepts(Partner.From, Candidate.Kind) &&
           matches(Candidate, Partner.Signature, Context);
  });
  if (Found == Methods.end())
    return;
  if (Forwarded.IsSignal)
    checkCompatible(String, Method, Partner, *Found, Context, &String);
  else
    checkCompatible(Partner, *Found, String, Method, Context);
}

void QtMethodStrings::checkCompatible(const MethodString &Signal, const QtMetaMethod &SignalMethod,
                                      const MethodString &Slot, const QtMetaMethod &SlotMethod,
                                      ASTContext &Context, const MethodString *At) {
  const auto &Sent = Signal.Signature.Arguments;
  const auto &Taken = Slot.Signature.Arguments;
  std::string Problem;
  if (Taken.size() > Sent.size()) {
    Problem = "it takes " + std::to_string(Taken.size()) + " argument" +
              (Taken.size() == 1 ? "" : "s") + " but the signal sends " +
              std::to_string(Sent.size());
  } else {
    for (size_t I = 0; I < Taken.size() && Problem.empty(); ++I) {
      if (qtTypeKey(Taken[I]) == qtTypeKey(Sent[I]))
        continue;
      // Different spellings of one type (a typedef) are one type to the meta-type system.
      if (I < SlotMethod.CanonicalParameters.size() &&
          I < SignalMethod.CanonicalParameters.size() &&
          SlotMethod.CanonicalParameters[I] == SignalMethod.CanonicalParameters[I])
        continue;
      Problem = "argument " + std::to_string(I + 1) + " is '" + Taken[I] +
                "' but the signal sends '" + Sent[I] + "'";
    }
  }
  if (Problem.empty())
    return;
  std::string Message =
      "'" + Slot.shown() + "' cannot receive '" + Signal.shown() + "': " + Problem;
  const MethodString &Reported = At ? *At : Slot;
  SourceLocation Where = reportedAt(Reported, Context);
  JudgedStrings.push_back({Reported.Receiver, Reported.Signature.Name, Where, Message});
  if (once(Where, Message))
    Diag(Where, "%0", DiagnosticIDs::Warning) << Message;
}

std::optional<QtMetaMethod> QtMethodStrings::declaredBy(const CXXRecordDecl &Class,
                                                        const MethodString &String,
                                                        ASTContext &Context) {
  for (QtMetaMethod &Method : qtMetaMethods(Class))
    if (Method.Name == String.Signature.Name && accepts(String.From, Method.Kind) &&
        (String.NameOnly || matches(Method, String.Signature, Context)))
      return std::move(Method);
  return std::nullopt;
}

bool QtMethodStrings::derivedClassDeclares(const MethodString &String, ASTContext &Context) {
  const CXXRecordDecl &Class = *String.Receiver;
  const std::string &Name = String.Signature.Name;
  if (ClassesOf != &Context) {
    ClassesOf = &Context;
    QObjectClasses.clear();
    // The project's classes: the CLI walks no system header, but clang-tidy walks them all, and
    // would count QSslSocket as a QTcpSocket's subclass everywhere (Qt's own classes through -I
    // are left out too).
    const SourceManager &SM = Context.getSourceManager();
    for (const BoundNodes &Nodes :
         match(cxxRecordDecl(isDefinition(), isDerivedFrom(cxxRecordDecl(hasName("::QObject"))))
                   .bind("class"),
               Context)) {
      const auto *Derived = Nodes.getNodeAs<CXXRecordDecl>("class");
      if (!SM.isInSystemHeader(SM.getExpansionLoc(Derived->getLocation())) &&
          !isQtClass(*Derived, SM))
        QObjectClasses.push_back(Derived);
    }
  }
  for (const CXXRecordDecl *Derived : QObjectClasses) {
    if (!Derived->isDerivedFrom(&Class))
      continue;
    for (const QtMetaMethod &Method : qtMetaMethods(*Derived))
      if (Method.Name == Name && Method.Owner != &Class && !Class.isDerivedFrom(Method.Owner))
        return true;
  }
  // The classes above are the project's, so a Qt subclass excuses nothing by being declared: a
  // `QWidget *` may be of any widget class. A test of the object's type that the string runs
  // under says which class it is of, Qt's own included (KVIrc's QHttp connects its `QTcpSocket
  // *socket` to sslErrors() under `if (qobject_cast<QSslSocket *>(socket))`): that class is
  // judged, its whole signature.
  if (!String.ReceiverExpr)
    return false;
  std::vector<const CXXRecordDecl *> Tested = qtClassesTestedFor(*String.ReceiverExpr, Context);
  return llvm::any_of(Tested, [&](const CXXRecordDecl *Derived) {
    return Derived->isDerivedFrom(&Class) && declaredBy(*Derived, String, Context);
  });
}

void QtMethodStrings::reportBareName(StringRef Text, SourceLocation Where) {
  std::string Macro = Text[0] == '2' ? "SIGNAL" : "SLOT";
  std::string Name = Text.drop_front().str();
  std::string Message = "'" + Macro + "(" + Name +
                        ")' has no argument list: Qt looks the method up by its whole signature, "
                        "so it never matches (write '" +
                        Macro + "(" + Name + "())' or the arguments it takes)";
  if (once(Where, Message))
    Diag(Where, "%0", DiagnosticIDs::Warning) << Message;
}

bool QtMethodStrings::once(SourceLocation Loc, const std::string &Message) {
  return Reported.insert({Loc, Message}).second;
}

void QtMethodStrings::noteAt(const Decl *Where, StringRef Message) {
  if (!Where)
    return;
  const SourceManager &SM = Where->getASTContext().getSourceManager();
  SourceLocation Loc = SM.getExpansionLoc(Where->getLocation());
  // A note inside Qt's own headers points at nothing the user can change.
  if (Loc.isInvalid() || SM.isInSystemHeader(Loc))
    return;
  Diag(Loc, "%0", DiagnosticIDs::Note) << Message;
}

} // namespace contractcheck
