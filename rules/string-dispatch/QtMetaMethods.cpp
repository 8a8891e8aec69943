#include "QtMetaMethods.h"

#include "QtSignature.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/DeclCXX.h>
#include <clang/Basic/SourceManager.h>
#include <clang/Lex/Lexer.h>

#include <optional>

using namespace clang;

namespace contractcheck {

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

void collect(const CXXRecordDecl &Class, std::vector<QtMetaMethod> &Methods, unsigned Depth) {
  if (Depth > 32)
    return;
  const ASTContext &Context = Class.getASTContext();
  const SourceManager &SM = Context.getSourceManager();
  const LangOptions &LO = Context.getLangOpts();
  Section Current = Section::Plain;
  for (const Decl *Member : Class.decls()) {
    if (const auto *Access = dyn_cast<AccessSpecDecl>(Member)) {
      Current = sectionOf(*Access, SM, LO);
      continue;
    }
    const auto *Method = dyn_cast<CXXMethodDecl>(Member);
    if (!Method || isa<CXXConstructorDecl>(Method) || isa<CXXDestructorDecl>(Method) ||
        !Method->getDeclName().isIdentifier())
      continue;
    std::optional<QtMethodKind> Kind = markOf(*Method, SM);
    if (!Kind && Current == Section::Signals)
      Kind = QtMethodKind::Signal;
    if (!Kind && Current == Section::Slots)
      Kind = QtMethodKind::Slot;
    if (Kind)
      Methods.push_back(describe(*Method, *Kind, Class));
  }
  addPrivateSlots(Class, Methods);
  for (const CXXBaseSpecifier &Base : Class.bases())
    if (const CXXRecordDecl *Record = Base.getType()->getAsCXXRecordDecl())
      if (const CXXRecordDecl *Definition = Record->getDefinition())
        collect(*Definition, Methods, Depth + 1);
}

} // namespace

bool isQObjectItself(const CXXRecordDecl &Class) {
  return Class.getName() == "QObject" &&
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

std::vector<QtMetaMethod> qtMetaMethods(const CXXRecordDecl &Class) {
  std::vector<QtMetaMethod> Methods;
  if (const CXXRecordDecl *Definition = Class.getDefinition())
    collect(*Definition, Methods, 0);
  return Methods;
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
