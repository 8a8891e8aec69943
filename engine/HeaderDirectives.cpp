#include "HeaderDirectives.h"

#include <clang/Basic/LangOptions.h>
#include <clang/Lex/Lexer.h>
#include <llvm/ADT/StringExtras.h>
#include <llvm/Support/xxhash.h>

#include <map>
#include <optional>
#include <mutex>
#include <string>

using namespace clang;

namespace contractcheck {

namespace {

// What the raw lexer's reading of a text depends on.
std::string lexingKey(const LangOptions &L) {
  std::string Key;
  for (bool B :
       {bool(L.CPlusPlus), bool(L.CPlusPlus11), bool(L.CPlusPlus14), bool(L.CPlusPlus17),
        bool(L.CPlusPlus20), bool(L.C99), bool(L.C11), bool(L.C23), bool(L.Trigraphs),
        bool(L.Digraphs), bool(L.DollarIdents), bool(L.LineComment), bool(L.RawStringLiterals),
        bool(L.MicrosoftExt), bool(L.AsmPreprocessor), bool(L.ObjC), bool(L.Char8), bool(L.WChar)})
    Key += B ? '1' : '0';
  return Key;
}

// The identifiers of the rest of a directive's line, after its name, when Into is given; its
// tokens after the name (the first few) into Line.
void readDirective(Lexer &Raw, Token &Tok, llvm::StringSet<> *Into,
                   llvm::SmallVectorImpl<Token> &Line) {
  bool Name = true;
  while (Tok.isNot(tok::eof) && !Tok.isAtStartOfLine()) {
    if (Into && Tok.is(tok::raw_identifier) && !Tok.needsCleaning())
      Into->insert(Tok.getRawIdentifier());
    if (!Name && Line.size() < 8)
      Line.push_back(Tok);
    Name = false;
    Raw.LexFromRawLexer(Tok);
  }
}

// Follows a text, directive by directive and token by token, for the shape of
// HeaderDirectives::GuardAfterIncludes.
class GuardShape {
public:
  void directive(llvm::StringRef Name, llvm::ArrayRef<Token> Line) {
    switch (State) {
    case Leading:
      if (Name == "include" || Name == "include_next" || Name == "import") {
        ++Includes;
        return;
      }
      if (std::optional<llvm::StringRef> G = guardTested(Name, Line)) {
        Guard = *G;
        State = Defining;
        return;
      }
      break;
    case Defining:
      if (Name == "define" && !Line.empty() && identifier(Line[0]) == Guard) {
        State = Inside;
        Depth = 1;
        return;
      }
      break;
    case Inside:
      if (Name == "if" || Name == "ifdef" || Name == "ifndef") {
        ++Depth;
        return;
      }
      if (Name == "endif") {
        if (--Depth == 0)
          State = After;
        return;
      }
      if (Depth == 1 && (Name == "else" || Name.starts_with("elif")))
        break; // the guard has another branch
      return;
    case After:
    case No:
      break;
    }
    State = No;
  }

  // A token outside the directives.
  void token() {
    if (State != Inside)
      State = No;
  }

  void finish(HeaderDirectives &Out) const {
    if (State != After)
      return;
    Out.GuardAfterIncludes = Guard.str();
    Out.LeadingIncludes = Includes;
  }

private:
  static llvm::StringRef identifier(const Token &T) {
    return T.is(tok::raw_identifier) && !T.needsCleaning() ? T.getRawIdentifier()
                                                           : llvm::StringRef();
  }

  // '#ifndef G', '#if !defined G', '#if !defined(G)': G.
  static std::optional<llvm::StringRef> guardTested(llvm::StringRef Name,
                                                    llvm::ArrayRef<Token> Line) {
    if (Name == "ifndef" && Line.size() == 1 && !identifier(Line[0]).empty())
      return identifier(Line[0]);
    if (Name != "if" || Line.size() < 3 || !Line[0].is(tok::exclaim) ||
        identifier(Line[1]) != "defined")
      return std::nullopt;
    if (Line.size() == 3 && !identifier(Line[2]).empty())
      return identifier(Line[2]);
    if (Line.size() == 5 && Line[2].is(tok::l_paren) && !identifier(Line[3]).empty() &&
        Line[4].is(tok::r_paren))
      return identifier(Line[3]);
    return std::nullopt;
  }

  enum { Leading, Defining, Inside, After, No } State = Leading;
  unsigned Includes = 0;
  llvm::StringRef Guard;
  int Depth = 0;
};

void readText(llvm::StringRef Text, const LangOptions &Lang, HeaderDirectives &Out,
              std::vector<unsigned> &Errors) {
  Lexer Raw(SourceLocation(), Lang, Text.begin(), Text.begin(), Text.end());
  GuardShape Shape;
  llvm::SmallVector<Token, 8> Line;
  Token Tok;
  Raw.LexFromRawLexer(Tok);
  while (Tok.isNot(tok::eof)) {
    if (Tok.is(tok::hash) && Tok.isAtStartOfLine()) {
      unsigned Hash = Raw.getCurrentBufferOffset() - Tok.getLength();
      Raw.LexFromRawLexer(Tok);
      llvm::StringRef Name = Tok.is(tok::raw_identifier) && !Tok.isAtStartOfLine()
                                 ? Tok.getRawIdentifier()
                                 : llvm::StringRef();
      Line.clear();
      if (Name == "error")
        Errors.push_back(Hash);
      if (Name == "pragma") {
        Raw.LexFromRawLexer(Tok);
        if (Tok.is(tok::raw_identifier) && !Tok.isAtStartOfLine() &&
            Tok.getRawIdentifier() == "GCC")
          Raw.LexFromRawLexer(Tok);
        // A poisoned name makes its later use an error, which the directives do not show.
        if (Tok.is(tok::raw_identifier) && !Tok.isAtStartOfLine() &&
            Tok.getRawIdentifier() == "poison")
          Out.Opaque = true;
      }
      // What the preprocessor reads of the directives the scanner keeps is the same either
      // way. The scanner drops a conditional block with nothing it keeps inside, and the
      // pragmas it does not know (#pragma pack expands macros): their names count as the
      // text's.
      bool Kept = Name == "define" || Name == "undef" || Name == "include" ||
                  Name == "include_next" || Name == "import" || Name == "error";
      if (Name.empty() || !Tok.isAtStartOfLine())
        readDirective(Raw, Tok, Kept ? nullptr : &Out.DirectiveIdentifiers, Line);
      Shape.directive(Name, Line);
      continue;
    }
    Shape.token();
    ++Out.TokenCount;
    if (Tok.is(tok::raw_identifier)) {
      // An identifier spelled across a line splice or with a universal character name is not
      // the name its bytes say: read such a header whole.
      if (Tok.needsCleaning())
        Out.Opaque = true;
      else
        Out.Identifiers.insert(Tok.getRawIdentifier());
    } else if (Tok.is(tok::l_brace)) {
      ++Out.BraceBalance;
    } else if (Tok.is(tok::r_brace)) {
      --Out.BraceBalance;
    }
    Raw.LexFromRawLexer(Tok);
  }
  Shape.finish(Out);
}

// The scanner leaves #error out, and with it the conditional block around it, so the
// preprocessor would neither read an #error nor evaluate the condition that skips it. It is
// given a copy of the text in which each '#error ...' reads '#undef _' (as long: the directives'
// offsets stay those of the real text), which it keeps; the directive is then cut to its hash,
// its name and its end, and the preprocessor, reading the name from the real text, handles
// it as the #error it is where its block is read. False when a line has no room for it.
bool keepErrors(llvm::StringRef Text, const std::vector<unsigned> &Errors, HeaderDirectives &Out) {
  std::string Copy = Text.str();
  for (unsigned Hash : Errors) {
    size_t Name = Copy.find("error", Hash);
    if (Name == std::string::npos)
      return false;
    Copy.replace(Name, 5, "undef");
    size_t End = Name + 5;
    size_t Room = 0;
    while (End < Copy.size() && Copy[End] != '\n') {
      if (Copy[End] == '\\' &&
          (Copy.compare(End + 1, 1, "\n") == 0 || Copy.compare(End + 1, 2, "\r\n") == 0)) {
        Copy[End] = ' ';
        End += Copy[End + 1] == '\r' ? 3 : 2; // the line goes on
        continue;
      }
      if (Copy[End] != '\r')
        Copy[End] = ' ', ++Room;
      ++End;
    }
    if (Room < 2)
      return false;
    Copy[Name + 6] = '_';
  }
  if (scanSourceForDependencyDirectives(Copy, Out.Tokens, Out.Directives))
    return false;
  // Stable storage for the cut directives: the directives point into it.
  Out.CutTokens.reserve(3 * Errors.size());
  for (dependency_directives_scan::Directive &D : Out.Directives) {
    if (D.Kind != dependency_directives_scan::pp_undef || D.Tokens.size() < 3 ||
        !std::binary_search(Errors.begin(), Errors.end(), D.Tokens.front().Offset))
      continue;
    if (Out.CutTokens.size() + 3 > Out.CutTokens.capacity())
      return false;
    size_t First = Out.CutTokens.size();
    Out.CutTokens.push_back(D.Tokens[0]);
    Out.CutTokens.push_back(D.Tokens[1]);
    Out.CutTokens.push_back(D.Tokens.back()); // tok::eod
    D.Tokens = llvm::ArrayRef(Out.CutTokens).slice(First, 3);
  }
  return true;
}

struct Cache {
  std::mutex Lock;
  // (language and size, the text's 128-bit hash)
  std::map<std::pair<std::string, std::pair<uint64_t, uint64_t>>,
           std::shared_ptr<const HeaderDirectives>>
      Entries;
};

Cache &cache() {
  static Cache *const Instance = new Cache; // never destroyed: threads may outlive statics
  return *Instance;
}

// Bounded for a long-lived process (the language server) that sees many versions of headers;
// a run's standard and platform headers are a few thousand.
constexpr size_t MaxEntries = 20000;

} // namespace

std::shared_ptr<const HeaderDirectives> headerDirectives(llvm::StringRef Text,
                                                         const LangOptions &Lang) {
  llvm::XXH128_hash_t Hash = llvm::xxh3_128bits(llvm::arrayRefFromStringRef(Text));
  std::pair<std::string, std::pair<uint64_t, uint64_t>> Key{
      lexingKey(Lang) + ":" + std::to_string(Text.size()), {Hash.high64, Hash.low64}};
  {
    std::lock_guard<std::mutex> Guard(cache().Lock);
    auto It = cache().Entries.find(Key);
    if (It != cache().Entries.end())
      return It->second;
  }
  auto Made = std::make_shared<HeaderDirectives>();
  std::vector<unsigned> Errors;
  readText(Text, Lang, *Made, Errors);
  if (Errors.empty() ? scanSourceForDependencyDirectives(Text, Made->Tokens, Made->Directives)
                     : !keepErrors(Text, Errors, *Made))
    Made->Opaque = true;
  std::lock_guard<std::mutex> Guard(cache().Lock);
  if (cache().Entries.size() >= MaxEntries)
    cache().Entries.clear(); // the entries in use are held by their users
  return cache().Entries.try_emplace(std::move(Key), std::move(Made)).first->second;
}

} // namespace contractcheck
