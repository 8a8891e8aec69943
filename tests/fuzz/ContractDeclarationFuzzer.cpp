// libFuzzer target: contract-declared-service's declaration check. A declaration the check
// accepts is pasted into the probe's snippet; Clang's own lexer (digraphs, trigraphs, C++20
// modules on) must then see nothing that reaches the preprocessor (a '#' or '%:', _Pragma,
// __has_include, an import or module line) and the probe's struct must still end where the
// snippet ends it: the declaration's brackets balanced, no comment or literal running past it,
// nothing after a ';' at its top level. Anything else is a bug in the check, and trapped.
#include "rules/declared-service/ContractDeclaration.h"

#include <clang/Basic/LangOptions.h>
#include <clang/Lex/Lexer.h>

#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

[[noreturn]] void fail(const char *Why, const std::string &Snippet) {
  fprintf(stderr, "accepted declaration breaks the snippet: %s\n---\n%s\n---\n", Why,
          Snippet.c_str());
  abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  std::string Text(reinterpret_cast<const char *>(Data), Size);
  if (contractcheck::checkContractDeclaration(Text))
    return 0;

  // As ProbeSource lays it out: the declaration on its own line(s) inside a struct.
  const std::string Prefix = "struct P {\n#line 3 \"c.yaml\"\n     ";
  const std::string Snippet = Prefix + Text + ";\n};\n";
  clang::LangOptions Lang;
  Lang.CPlusPlus = Lang.CPlusPlus11 = Lang.CPlusPlus14 = Lang.CPlusPlus17 = Lang.CPlusPlus20 = 1;
  Lang.CPlusPlusModules = 1;
  Lang.Digraphs = 1;
  Lang.Trigraphs = 1;
  Lang.LineComment = 1;
  Lang.Char8 = 1;
  clang::Lexer Lex(clang::SourceLocation(), Lang, Snippet.data(), Snippet.data(),
                   Snippet.data() + Snippet.size());
  std::vector<clang::Token> Tokens;
  clang::Token T;
  do {
    Lex.LexFromRawLexer(T);
    Tokens.push_back(T);
  } while (T.isNot(clang::tok::eof));

  // struct P { # line 3 "c.yaml" <declaration...> ; } ; eof
  const size_t First = 7, End = Tokens.size() - 4;
  if (Tokens.size() < First + 4)
    fail("too few tokens", Snippet);
  if (Tokens[End].isNot(clang::tok::semi) || Tokens[End + 1].isNot(clang::tok::r_brace) ||
      Tokens[End + 2].isNot(clang::tok::semi))
    fail("the struct does not end where the snippet ends it", Snippet);
  int Depth = 0;
  for (size_t I = First; I < End; ++I) {
    const clang::Token &Tok = Tokens[I];
    switch (Tok.getKind()) {
    case clang::tok::hash:
    case clang::tok::hashhash:
    case clang::tok::hashat:
      fail("a '#'", Snippet);
    case clang::tok::l_paren:
    case clang::tok::l_square:
    case clang::tok::l_brace:
      ++Depth;
      break;
    case clang::tok::r_paren:
    case clang::tok::r_square:
    case clang::tok::r_brace:
      if (--Depth < 0)
        fail("a bracket closes the struct", Snippet);
      break;
    case clang::tok::semi:
      if (Depth == 0 && I + 1 != End)
        fail("a second declaration", Snippet);
      break;
    case clang::tok::raw_identifier: {
      llvm::StringRef Name = Tok.getRawIdentifier();
      if (Name == "_Pragma" || Name == "__pragma" || Name == "__has_include" || Name == "__has_include_next" ||
          Name == "__has_embed")
        fail("a pragma or an include test", Snippet);
      if (Tok.isAtStartOfLine() && (Name == "import" || Name == "module" || Name == "export"))
        fail("a module line", Snippet);
      break;
    }
    default:
      break;
    }
  }
  if (Depth != 0)
    fail("unbalanced brackets", Snippet);
  return 0;
}
