#include "rules/inactive-code/InactiveTokens.h"

#include <clang/Basic/SourceManager.h>
#include <clang/Lex/Lexer.h>
#include <llvm/ADT/STLExtras.h>

using namespace clang;

namespace contractcheck {

namespace {

struct Tok {
  tok::TokenKind Kind;
  llvm::StringRef Text; // identifiers only
  SourceLocation Loc;
  unsigned Directive; // index of the directive line this token follows
};

// "#elif defined(__APPLE__)", without a trailing comment.
std::string directiveText(llvm::StringRef Buffer, unsigned Offset) {
  return Buffer.substr(Offset).split('\n').first.split("//").first.trim().str();
}

// Words after which an identifier is used, not declared.
bool isExpressionKeyword(llvm::StringRef Word) {
  static const llvm::StringSet<> Words{"return",   "case",     "throw",     "else",  "do",
                                       "new",      "delete",   "co_return", "co_yield",
                                       "co_await", "goto",     "sizeof",    "not",   "and",
                                       "or",       "decltype", "alignof",   "if",    "while"};
  return Words.contains(Word);
}

// Words that precede a type, not a declared name: `const Color c` declares c, not Color.
bool isTypeQualifierKeyword(llvm::StringRef Word) {
  static const llvm::StringSet<> Words{
      "const",    "volatile", "static", "inline", "constexpr", "consteval", "constinit",
      "extern",   "mutable",  "typename", "thread_local", "register", "explicit", "virtual",
      "friend",   "unsigned", "signed", "long", "short"};
  return Words.contains(Word);
}

bool isIdent(const std::vector<Tok> &T, size_t I) {
  return I < T.size() && T[I].Kind == tok::raw_identifier;
}
bool is(const std::vector<Tok> &T, size_t I, tok::TokenKind Kind) {
  return I < T.size() && T[I].Kind == Kind;
}

// Whether the identifier at I stands where a declaration puts the declared name: after a type
// (`Type name`, `class Name`) or a declarator after one (`Type *name`, `Type &name`,
// `vector<T> name`).
bool afterType(const std::vector<Tok> &Tokens, size_t I) {
  if (I == 0)
    return false;
  const Tok &Prev = Tokens[I - 1];
  if (Prev.Kind == tok::raw_identifier)
    return !isExpressionKeyword(Prev.Text) && !isTypeQualifierKeyword(Prev.Text);
  return (Prev.Kind == tok::star || Prev.Kind == tok::amp || Prev.Kind == tok::ampamp ||
          Prev.Kind == tok::greater) &&
         I > 1 &&
         (isIdent(Tokens, I - 2) || is(Tokens, I - 2, tok::greater) || is(Tokens, I - 2, tok::star));
}

} // namespace

InactiveBranch lexInactiveBranch(SourceRange Range, const SourceManager &SM,
                                 const LangOptions &LangOpts) {
  InactiveBranch Branch;
  Branch.Range = Range;
  auto [File, Begin] = SM.getDecomposedLoc(Range.getBegin());
  unsigned End = SM.getFileOffset(Range.getEnd());
  bool Invalid = false;
  llvm::StringRef Buffer = SM.getBufferData(File, &Invalid);
  if (Invalid || End > Buffer.size() || End < Begin)
    return Branch;
  // The range starts at the directive that opened the branch.
  std::vector<std::string> Directives{directiveText(Buffer, Begin)};

  Lexer Lex(SM.getLocForStartOfFile(File), LangOpts, Buffer.begin(), Buffer.begin() + Begin,
            Buffer.end());
  std::vector<Tok> Tokens;
  Token T;
  bool InDirective = false;
  bool ExpectMacroName = false;
  bool InCondition = false;
  // A condition names macros only: `#ifdef X` tests X, `#if X > 2` expands it.
  static constexpr llvm::StringLiteral ConditionDirectives[] = {"if",      "ifdef",   "ifndef",
                                                                "elif",    "elifdef", "elifndef"};
  for (bool AtEnd = false; !AtEnd;) {
    AtEnd = Lex.LexFromRawLexer(T);
    if (T.is(tok::eof) || SM.getFileOffset(T.getLocation()) >= End)
      break;
    if (T.isAtStartOfLine()) {
      InDirective = T.is(tok::hash);
      if (InDirective) {
        if (unsigned At = SM.getFileOffset(T.getLocation()); At != Begin)
          Directives.push_back(directiveText(Buffer, At));
        AtEnd = Lex.LexFromRawLexer(T);
        ExpectMacroName = T.is(tok::raw_identifier) && T.getRawIdentifier() == "define";
        InCondition = T.is(tok::raw_identifier) &&
                      llvm::is_contained(ConditionDirectives, T.getRawIdentifier());
        continue;
      }
    }
    if (InDirective) {
      if (ExpectMacroName && T.is(tok::raw_identifier))
        Branch.Macros.insert(T.getRawIdentifier());
      if (InCondition && T.is(tok::raw_identifier) && T.getRawIdentifier() != "defined")
        Branch.Tested.insert(T.getRawIdentifier());
      ExpectMacroName = false;
      continue; // directives and macro bodies are not code
    }
    Tokens.push_back({T.getKind(), T.is(tok::raw_identifier) ? T.getRawIdentifier() : "",
                      T.getLocation(), static_cast<unsigned>(Directives.size() - 1)});
  }

  for (size_t I = 0; I < Tokens.size(); ++I) {
    if (!isIdent(Tokens, I))
      continue;
    llvm::StringRef Name = Tokens[I].Text;
    Branch.Identifiers.insert(Name);
    // `Type name`, `Type *name`, `Type &name`, `vector<T> name`, `class Name`, `using Name`.
    bool Declarator = afterType(Tokens, I);
    // `using std::string`: a name followed by '::' qualifies, it is not declared.
    if (Declarator && !is(Tokens, I + 1, tok::coloncolon))
      Branch.Declared.insert(Name);
    bool AfterAccess = I > 0 && (is(Tokens, I - 1, tok::period) || is(Tokens, I - 1, tok::arrow) ||
                                 is(Tokens, I - 1, tok::coloncolon) || is(Tokens, I - 1, tok::tilde));
    if (AfterAccess)
      continue;
    if (is(Tokens, I + 1, tok::coloncolon) && isIdent(Tokens, I + 2)) {
      QualifiedReference Ref;
      size_t J = I;
      Ref.Names.push_back(Tokens[J].Text.str());
      while (is(Tokens, J + 1, tok::coloncolon) && isIdent(Tokens, J + 2)) {
        J += 2;
        Ref.Names.push_back(Tokens[J].Text.str());
        Branch.Identifiers.insert(Tokens[J].Text);
      }
      Ref.Loc = Tokens[J].Loc;
      Ref.Directive = Directives[Tokens[J].Directive];
      Ref.Called = is(Tokens, J + 1, tok::l_paren);
      // A qualified name cannot name a variable, so `Type Class::method(` declares or defines
      // the method (an out-of-line definition), wherever it stands.
      Ref.Defined = Ref.Called && Declarator;
      // `Name::Member<`: a template, `Name::Member::`: a chain cut by a template; both unclear.
      if (!is(Tokens, J + 1, tok::less) && !is(Tokens, J + 1, tok::coloncolon))
        Branch.Qualified.push_back(std::move(Ref));
      I = J;
      continue;
    }
    if ((is(Tokens, I + 1, tok::period) || is(Tokens, I + 1, tok::arrow)) &&
        isIdent(Tokens, I + 2) && is(Tokens, I + 3, tok::l_paren))
      Branch.Calls.push_back({Name.str(), is(Tokens, I + 1, tok::arrow),
                              Tokens[I + 2].Text.str(), Tokens[I + 2].Loc,
                              Directives[Tokens[I].Directive]});
  }
  return Branch;
}

} // namespace contractcheck
