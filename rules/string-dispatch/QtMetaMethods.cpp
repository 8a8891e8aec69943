#include "rules/string-dispatch/QtMetaMethods.h"

#include "rules/string-dispatch/QtSignature.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/DeclCXX.h>
#include <clang/Basic/SourceManager.h>
#include <clang/Lex/Lexer.h>

#include <algorithm>
#include <optional>
#include <utility>

using namespace clang;

namespace contractcheck {

const char *qtMethodKindName(QtMethodKind Kind) {
  switch (Kind) {
  case QtMethodKind::Signal:
    return "signal";
  case QtMethodKind::Slot:
    return "slot";
  case QtMethodKind::Invokable:
    return "Q_INVOKABLE method";
  }
  return "method";
}

namespace {

enum class Section { Plain, Signals, Slots };

StringRef tokenAt(SourceLocation Loc, const SourceManager &SM, const LangOptions &LO) {
  return Lexer::getSourceText(CharSourceRange::getTokenRange(Loc), SM, LO);
}

bool hasWord(StringRef Text, StringRef Word) {
  for (size_t Pos = Text.find(Word); Pos != StringRef::npos; Pos = Text.find(Word, Pos + 1)) {
    auto IsWordChar = [](char C) { return isAlphanumeric(C) || C == '_'; };
    size_t End = Pos + Word.size();
    if ((Pos == 0 || !IsWordChar(Text[Pos - 1])) && (End == Text.size() || !IsWordChar(Text[End])))
      return true;
  }
  return false;
}

// `signals:` expands to `public`, so its access specifier is spelled by the macro; `public slots:`
// leaves `slots` between the keyword and the colon, expanded to nothing.
Section sectionOf(const AccessSpecDecl &Access, const SourceManager &SM, const LangOptions &LO) {
  SourceLocation Keyword = Access.getAccessSpecifierLoc();
  if (Keyword.isMacroID()) {
    StringRef Word = tokenAt(SM.getExpansionLoc(Keyword), SM, LO);
    return Word == "signals" || Word == "Q_SIGNALS" ? Section::Signals : Section::Plain;
  }
  SourceLocation Colon = SM.getExpansionLoc(Access.getColonLoc());
  StringRef Between = Lexer::getSourceText(
      CharSourceRange::getCharRange(Lexer::getLocForEndOfToken(Keyword, 0, SM, LO), Colon), SM, LO);
  return hasWord(Between, "slots") || hasWord(Between, "Q_SLOTS") ? Section::Slots : Section::Plain;
}

// The identifier that ends just before Loc, whitespace between; empty when a punctuator does.
StringRef wordBefore(SourceLocation Loc, const SourceManager &SM, SourceLocation &Start) {
  auto [File, Offset] = SM.getDecomposedLoc(Loc);
  bool Invalid = false;
  StringRef Buffer = SM.getBufferData(File, &Invalid);
  if (Invalid || Offset > Buffer.size())
    return {};
  size_t End = Offset;
  while (End > 0 && isWhitespace(Buffer[End - 1]))
    --End;
  size_t Begin = End;
  while (Begin > 0 && (isAlphanumeric(Buffer[Begin - 1]) || Buffer[Begin - 1] == '_'))
    --Begin;
  Start = Loc.getLocWithOffset(static_cast<int>(Begin) - static_cast<int>(Offset));
  return Buffer.slice(Begin, End);
}

// Q_SIGNAL, Q_SLOT or Q_INVOKABLE written before the declaration (with Q_SCRIPTABLE between).
std::optional<QtMethodKind> markOf(const CXXMethodDecl &Method, const SourceManager &SM) {
  SourceLocation Loc = SM.getExpansionLoc(Method.getBeginLoc());
  for (int Steps = 0; Steps < 3 && Loc.isFileID(); ++Steps) {
    SourceLocation Start;
    StringRef Word = wordBefore(Loc, SM, Start);
    if (Word == "Q_INVOKABLE")
      return QtMethodKind::Invokable;
    if (Word == "Q_SLOT")
      return QtMethodKind::Slot;
    if (Word == "Q_SIGNAL")
      return QtMethodKind::Signal;
    if (Word != "Q_SCRIPTABLE")
      return std::nullopt;
    Loc = Start;
  }
  return std::nullopt;
}

QtMetaMethod describe(const CXXMethodDecl &Method, QtMethodKind Kind, const CXXRecordDecl &Owner) {
  const ASTContext &Context = Method.getASTContext();
  PrintingPolicy Policy(Context.getLangOpts());
  Policy.SuppressTagKeyword = true;
  Policy.FullyQualifiedName = true;
  QtMetaMethod Meta;
  Meta.Name = Method.getNameAsString();
  Meta.Kind = Kind;
  Meta.Decl = &Method;
  Meta.Owner = &Owner;
  unsigned Count = Method.getNumParams();
  // Qt 5's private-signal tag is not part of the signature moc records.
  if (Count > 0) {
    QualType Last = Method.getParamDecl(Count - 1)->getType();
    if (const auto *Record = Last->getAsCXXRecordDecl();
        Record && Record->getName() == "QPrivateSignal")
      --Count;
  }
  for (unsigned I = 0; I < Count; ++I) {
    const ParmVarDecl *Parameter = Method.getParamDecl(I);
    std::string Declared = normalizedQtType(Parameter->getType().getAsString(Policy));
    std::string Canonical =
        normalizedQtType(Parameter->getType().getCanonicalType().getAsString(Policy));
    std::vector<std::string> Spellings{Declared};
    if (Canonical != Declared)
      Spellings.push_back(Canonical);
    Meta.Parameters.push_back(std::move(Spellings));
    Meta.CanonicalParameters.push_back(Canonical);
    if (!Parameter->hasDefaultArg())
      Meta.RequiredParameters = I + 1;
  }
  return Meta;
}

// Q_PRIVATE_SLOT(d_func(), void _q_name(args)) declares a slot moc sees and the compiler does not.
void addPrivateSlots(const CXXRecordDecl &Class, std::vector<QtMetaMethod> &Methods) {
  const SourceManager &SM = Class.getASTContext().getSourceManager();
  CharSourceRange Range = SM.getExpansionRange(Class.getSourceRange());
  StringRef Text = Lexer::getSourceText(Range, SM, Class.getASTContext().getLangOpts());
  for (size_t Pos = Text.find("Q_PRIVATE_SLOT("); Pos != StringRef::npos;
       Pos = Text.find("Q_PRIVATE_SLOT(", Pos + 1)) {
    // The slot's own parameter list: the first parenthesis after the top-level comma.
    StringRef Rest = Text.substr(Pos + 15);
    size_t Comma = StringRef::npos;
    for (size_t I = 0, Depth = 0; I < Rest.size() && Comma == StringRef::npos; ++I) {
      if (Rest[I] == '(')
        ++Depth;
      else if (Rest[I] == ')' && Depth-- == 0)
        break;
      else if (Rest[I] == ',' && Depth == 0)
        Comma = I;
    }
    size_t Open = Comma == StringRef::npos ? StringRef::npos : Rest.find('(', Comma);
    if (Open == StringRef::npos)
      continue;
    StringRef Before = Rest.substr(0, Open).rtrim();
    size_t Start =
        Before.find_last_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");
    QtMetaMethod Slot;
    Slot.Name = Before.substr(Start == StringRef::npos ? 0 : Start + 1).str();
    Slot.Kind = QtMethodKind::Slot;
    Slot.Owner = &Class;
    Slot.AnyParameters = true;
    if (!Slot.Name.empty())
      Methods.push_back(std::move(Slot));
  }
}

// A stretch of a class body inside `#if` branches that moc and the compiler read differently:
// Qt 5 declares some signals only `#if defined(Q_MOC_RUN)` (QSocketNotifier::activated(int)) so
// that string connects find them, and hides others from moc with `#ifndef Q_MOC_RUN`.
struct MocBranch {
  unsigned Begin = 0, End = 0; // offsets in the class's file
  bool MocReads = false;
};

enum class MocCondition { Unrelated, MocOnly, CompilerOnly };

// moc defines Q_MOC_RUN: a condition that is 'defined(Q_MOC_RUN)' or-ed with others holds for
// moc, one that is its negation and-ed with others does not; anything else is unknown.
MocCondition mocCondition(StringRef Directive, StringRef Condition) {
  Condition = Condition.trim();
  if (Directive == "ifdef")
    return Condition == "Q_MOC_RUN" ? MocCondition::MocOnly : MocCondition::Unrelated;
  if (Directive == "ifndef")
    return Condition == "Q_MOC_RUN" ? MocCondition::CompilerOnly : MocCondition::Unrelated;
  if (!hasWord(Condition, "Q_MOC_RUN"))
    return MocCondition::Unrelated;
  std::string Squeezed;
  for (char C : Condition)
    if (!isWhitespace(C))
      Squeezed += C;
  bool Negated = StringRef(Squeezed).contains("!defined(Q_MOC_RUN)") ||
                 StringRef(Squeezed).contains("!definedQ_MOC_RUN");
  if (Negated && !StringRef(Squeezed).contains("||"))
    return MocCondition::CompilerOnly;
  if (!Negated && !StringRef(Squeezed).contains("&&"))
    return MocCondition::MocOnly;
  return MocCondition::Unrelated;
}

std::vector<MocBranch> mocBranches(StringRef Text, unsigned Base) {
  std::vector<MocBranch> Branches;
  // Per open conditional: what it says about moc, and where its current branch began.
  std::vector<std::pair<MocCondition, unsigned>> Open;
  auto Close = [&](unsigned At, bool Flip) {
    auto [Condition, Begin] = Open.back();
    if (Condition != MocCondition::Unrelated)
      Branches.push_back({Base + Begin, Base + At, (Condition == MocCondition::MocOnly) != Flip});
  };
  size_t Pos = 0;
  std::vector<bool> Flipped;
  while (Pos < Text.size()) {
    size_t End = Text.find('\n', Pos);
    if (End == StringRef::npos)
      End = Text.size();
    StringRef Line = Text.slice(Pos, End).trim();
    if (Line.consume_front("#")) {
      Line = Line.ltrim();
      StringRef Directive = Line.take_while([](char C) { return isAlphanumeric(C); });
      StringRef Rest = Line.drop_front(Directive.size());
      if (size_t Comment = Rest.find("//"); Comment != StringRef::npos)
        Rest = Rest.take_front(Comment);
      unsigned Next = static_cast<unsigned>(End);
      if (Directive == "if" || Directive == "ifdef" || Directive == "ifndef") {
        Open.push_back({mocCondition(Directive, Rest), Next});
        Flipped.push_back(false);
      } else if (!Open.empty() && Directive == "else") {
        Close(static_cast<unsigned>(Pos), Flipped.back());
        Flipped.back() = true;
        Open.back().second = Next;
      } else if (!Open.empty() && Directive == "elif") {
        Close(static_cast<unsigned>(Pos), Flipped.back());
        Open.back() = {MocCondition::Unrelated, Next};
      } else if (!Open.empty() && Directive == "endif") {
        Close(static_cast<unsigned>(Pos), Flipped.back());
        Open.pop_back();
        Flipped.pop_back();
      }
    }
    Pos = End + 1;
  }
  return Branches;
}

// Text with comments and preprocessor lines blanked out.
std::string declarationsText(StringRef Text) {
  std::string Out;
  bool LineStart = true;
  for (size_t I = 0; I < Text.size(); ++I) {
    if (Text.substr(I).starts_with("//") ||
        (LineStart && Text.substr(I).ltrim(" \t").starts_with("#"))) {
      I = Text.find('\n', I);
      if (I == StringRef::npos)
        break;
      Out += '\n';
      LineStart = true;
      continue;
    }
    if (Text.substr(I).starts_with("/*")) {
      I = Text.find("*/", I + 2);
      if (I == StringRef::npos)
        break;
      ++I;
      Out += ' ';
      continue;
    }
    char C = Text[I];
    LineStart = C == '\n' || (LineStart && isWhitespace(C));
    Out += C;
  }
  return Out;
}

std::vector<StringRef> splitTopLevel(StringRef Text, char Separator) {
  std::vector<StringRef> Parts;
  int Depth = 0;
  size_t Start = 0;
  for (size_t I = 0; I < Text.size(); ++I) {
    char C = Text[I];
    if (C == '(' || C == '<' || C == '[' || C == '{')
      ++Depth;
    else if (C == ')' || C == '>' || C == ']' || C == '}')
      --Depth;
    else if (C == Separator && Depth == 0) {
      Parts.push_back(Text.slice(Start, I));
      Start = I + 1;
    }
  }
  Parts.push_back(Text.substr(Start));
  return Parts;
}

bool isIdentifierChar(char C) { return isAlphanumeric(C) || C == '_'; }

// "QSocketNotifier::Type activationEvent" -> "QSocketNotifier::Type": a trailing identifier after
// a type is the parameter's name, unless it is part of a built-in type's spelling.
StringRef withoutParameterName(StringRef Parameter) {
  Parameter = Parameter.trim();
  size_t Begin = Parameter.size();
  while (Begin > 0 && isIdentifierChar(Parameter[Begin - 1]))
    --Begin;
  StringRef Name = Parameter.substr(Begin);
  StringRef Type = Parameter.take_front(Begin).rtrim();
  static constexpr StringRef TypeWords[] = {"int",      "char", "short",  "long",   "unsigned",
                                            "signed",   "bool", "float",  "double", "const",
                                            "volatile", "void", "wchar_t"};
  if (Name.empty() || Type.empty() || Type.ends_with("::") ||
      std::find(std::begin(TypeWords), std::end(TypeWords), Name) != std::end(TypeWords))
    return Parameter;
  return Type;
}

// The methods declared in a branch only moc reads, from its text: the compiler never saw them.
void addMocOnlyMethods(StringRef Text, Section Current, const CXXRecordDecl &Class,
                       std::vector<QtMetaMethod> &Methods) {
  std::string Declarations = declarationsText(Text);
  for (StringRef Declaration : splitTopLevel(Declarations, ';')) {
    Declaration = Declaration.trim();
    size_t Open = Declaration.find('(');
    size_t Close = Declaration.rfind(')');
    // A declaration, not a definition: only qualifiers ("const", "override") after the list.
    if (Open == StringRef::npos || Close == StringRef::npos || Close < Open ||
        !llvm::all_of(Declaration.substr(Close + 1),
                      [](char C) { return isIdentifierChar(C) || isWhitespace(C); }))
      continue;
    StringRef Before = Declaration.take_front(Open).rtrim();
    size_t NameBegin = Before.size();
    while (NameBegin > 0 && isIdentifierChar(Before[NameBegin - 1]))
      --NameBegin;
    StringRef Name = Before.substr(NameBegin);
    StringRef Prefix = Before.take_front(NameBegin);
    std::optional<QtMethodKind> Kind;
    if (hasWord(Prefix, "Q_INVOKABLE"))
      Kind = QtMethodKind::Invokable;
    else if (hasWord(Prefix, "Q_SLOT"))
      Kind = QtMethodKind::Slot;
    else if (hasWord(Prefix, "Q_SIGNAL"))
      Kind = QtMethodKind::Signal;
    else if (Current == Section::Signals)
      Kind = QtMethodKind::Signal;
    else if (Current == Section::Slots)
      Kind = QtMethodKind::Slot;
    if (!Kind || Name.empty() || Name.starts_with("Q_") || Prefix.trim().empty())
      continue;
    StringRef Inside = Declaration.slice(Open + 1, Close).trim();
    QtMetaMethod Method;
    Method.Name = Name.str();
    Method.Kind = *Kind;
    Method.Owner = &Class;
    if (!Inside.empty() && Inside != "void") {
      for (StringRef Parameter : splitTopLevel(Inside, ',')) {
        bool Defaulted = false;
        if (size_t Equals = Parameter.find('='); Equals != StringRef::npos) {
          Parameter = Parameter.take_front(Equals);
          Defaulted = true;
        }
        StringRef Type = withoutParameterName(Parameter);
        if (Type == "QPrivateSignal" || Type.ends_with("::QPrivateSignal"))
          break;
        std::string Spelling = normalizedQtType(Type);
        Method.Parameters.push_back({Spelling});
        Method.CanonicalParameters.push_back(Spelling);
        if (!Defaulted)
          Method.RequiredParameters = static_cast<unsigned>(Method.Parameters.size());
      }
    }
    Methods.push_back(std::move(Method));
  }
}

// Whether Class itself declares what Q_OBJECT declares: its own metaObject() (or qt_metacall).
bool declaresMetaObject(const CXXRecordDecl &Class) {
  for (const Decl *Member : Class.decls())
    if (const auto *Method = dyn_cast<CXXMethodDecl>(Member);
        Method && Method->getDeclName().isIdentifier() &&
        (Method->getName() == "metaObject" || Method->getName() == "qt_metacall"))
      return true;
  return false;
}

// Recorded: the meta-methods of the classes with a meta-object of their own; Unrecorded: those
// declared by the classes without one, which moc never reads.
void collect(const CXXRecordDecl &Class, std::vector<QtMetaMethod> &Recorded,
             std::vector<QtMetaMethod> &Unrecorded, unsigned Depth) {
  if (Depth > 32)
    return;
  std::vector<QtMetaMethod> &Methods = hasOwnMetaObject(Class) ? Recorded : Unrecorded;
  const ASTContext &Context = Class.getASTContext();
  const SourceManager &SM = Context.getSourceManager();
  const LangOptions &LO = Context.getLangOpts();
  // The class's text, to find the branches moc reads differently.
  CharSourceRange Range = SM.getExpansionRange(Class.getSourceRange());
  auto [File, Base] = SM.getDecomposedLoc(Range.getBegin());
  StringRef Text = Lexer::getSourceText(Range, SM, LO);
  std::vector<MocBranch> Branches;
  if (Text.contains("Q_MOC_RUN"))
    Branches = mocBranches(Text, Base);
  std::vector<bool> BranchDeclares(Branches.size());
  auto branchOf = [&](const Decl &D) -> std::optional<size_t> {
    auto [DeclFile, Offset] = SM.getDecomposedLoc(SM.getExpansionLoc(D.getLocation()));
    for (size_t I = 0; DeclFile == File && I < Branches.size(); ++I)
      if (Offset >= Branches[I].Begin && Offset < Branches[I].End)
        return I;
    return std::nullopt;
  };
  std::vector<std::pair<unsigned, Section>> Sections; // where each access specifier is
  Section Current = Section::Plain;
  for (const Decl *Member : Class.decls()) {
    std::optional<size_t> Branch = Branches.empty() ? std::nullopt : branchOf(*Member);
    if (Branch)
      BranchDeclares[*Branch] = true;
    if (const auto *Access = dyn_cast<AccessSpecDecl>(Member)) {
      Current = sectionOf(*Access, SM, LO);
      Sections.push_back({SM.getFileOffset(SM.getExpansionLoc(Access->getLocation())), Current});
      continue;
    }
    const auto *Method = dyn_cast<CXXMethodDecl>(Member);
    if (!Method || isa<CXXConstructorDecl>(Method) || isa<CXXDestructorDecl>(Method) ||
        !Method->getDeclName().isIdentifier())
      continue;
    if (Branch && !Branches[*Branch].MocReads)
      continue; // compiled, but not what moc records
    std::optional<QtMethodKind> Kind = markOf(*Method, SM);
    if (!Kind && Current == Section::Signals)
      Kind = QtMethodKind::Signal;
    if (!Kind && Current == Section::Slots)
      Kind = QtMethodKind::Slot;
    if (Kind)
      Methods.push_back(describe(*Method, *Kind, Class));
  }
  for (size_t I = 0; I < Branches.size(); ++I) {
    if (!Branches[I].MocReads || BranchDeclares[I])
      continue;
    Section At = Section::Plain;
    for (const auto &[Offset, Kind] : Sections)
      if (Offset < Branches[I].Begin)
        At = Kind;
    addMocOnlyMethods(Text.slice(Branches[I].Begin - Base, Branches[I].End - Base), At, Class,
                      Methods);
  }
  addPrivateSlots(Class, Methods);
  for (const CXXBaseSpecifier &Base : Class.bases())
    if (const CXXRecordDecl *Record = Base.getType()->getAsCXXRecordDecl())
      if (const CXXRecordDecl *Definition = Record->getDefinition())
        collect(*Definition, Recorded, Unrecorded, Depth + 1);
}

} // namespace

bool isQObjectItself(const CXXRecordDecl &Class) {
  return Class.getName() == "QObject" &&
         Class.getDeclContext()->getRedeclContext()->isFileContext();
}

bool isQtConnect(const FunctionDecl *Callee) {
  const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Callee);
  if (!Method || !Method->getDeclName().isIdentifier() ||
      (Method->getName() != "connect" && Method->getName() != "disconnect"))
    return false;
  return isQObjectItself(*Method->getParent());
}

bool isQWidgetItself(const CXXRecordDecl &Class) {
  return Class.getName() == "QWidget" &&
         Class.getDeclContext()->getRedeclContext()->isFileContext();
}

bool isQObjectClass(const CXXRecordDecl &Class) {
  const CXXRecordDecl *Definition = Class.getDefinition();
  if (!Definition)
    return false;
  if (isQObjectItself(*Definition))
    return true;
  return !Definition->forallBases(
      [](const CXXRecordDecl *Base) { return !isQObjectItself(*Base); });
}

bool hasOwnMetaObject(const CXXRecordDecl &Class) {
  const CXXRecordDecl *Definition = Class.getDefinition();
  if (!Definition || declaresMetaObject(*Definition) || isQObjectItself(*Definition))
    return true;
  // Only a class derived from a QObject that declares its metaObject() lacks one: where Q_OBJECT
  // expands to nothing (a stand-in for Qt's headers), or a base is unknown (a template's
  // parameter), what moc records is not known, and every class is read as recording its own.
  const CXXRecordDecl *Root = nullptr;
  bool Known = Definition->forallBases([&](const CXXRecordDecl *Base) {
    if (isQObjectItself(*Base))
      Root = Base;
    return true;
  });
  return !Known || !Root || !Root->getDefinition() || !declaresMetaObject(*Root->getDefinition());
}

const CXXRecordDecl *qtMetaObjectClass(const CXXRecordDecl &Class) {
  const CXXRecordDecl *Current = Class.getDefinition();
  for (unsigned Depth = 0; Current && Depth < 32 && !hasOwnMetaObject(*Current); ++Depth) {
    const CXXRecordDecl *Next = nullptr;
    for (const CXXBaseSpecifier &Base : Current->bases())
      if (const CXXRecordDecl *Record = Base.getType()->getAsCXXRecordDecl();
          Record && isQObjectClass(*Record)) {
        Next = Record->getDefinition();
        break;
      }
    Current = Next;
  }
  return Current;
}

// Class's meta-methods: recorded (first) and unrecorded (second).
static std::pair<std::vector<QtMetaMethod>, std::vector<QtMetaMethod>>
collected(const CXXRecordDecl &Class) {
  std::pair<std::vector<QtMetaMethod>, std::vector<QtMetaMethod>> Methods;
  if (const CXXRecordDecl *Definition = Class.getDefinition())
    collect(*Definition, Methods.first, Methods.second, 0);
  return Methods;
}

std::vector<QtMetaMethod> qtMetaMethods(const CXXRecordDecl &Class) {
  return collected(Class).first;
}

std::vector<QtMetaMethod> qtUnrecordedMethods(const CXXRecordDecl &Class) {
  return collected(Class).second;
}

std::string parameterList(const QtMetaMethod &Method) {
  if (Method.AnyParameters)
    return "(...)";
  std::string Out = "(";
  for (size_t I = 0; I < Method.Parameters.size(); ++I)
    Out += (I ? "," : "") + Method.Parameters[I].front();
  return Out + ")";
}

} // namespace contractcheck
