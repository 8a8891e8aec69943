// A header's preprocessor directives without the rest of its text (what clang-scan-deps calls a
// minimized source), with what the rest holds that a scan of system headers must still account
// for: the identifiers a macro could be expanded at, the braces, the tokens. Computed once per
// header text and kept for the process, so that the TUs of a run, which include the same standard
// headers, each preprocess only their directives (SystemHeaderRoots.h).
#pragma once

#include <clang/Lex/DependencyDirectivesScanner.h>
#include <llvm/ADT/SmallVector.h>
#include <llvm/ADT/StringRef.h>
#include <llvm/ADT/StringSet.h>

#include <memory>
#include <vector>

namespace clang {
class LangOptions;
}

namespace contractcheck {

struct HeaderDirectives {
  // scanSourceForDependencyDirectives' result: what the preprocessor lexes instead of the text.
  llvm::SmallVector<clang::dependency_directives_scan::Token, 0> Tokens;
  llvm::SmallVector<clang::dependency_directives_scan::Directive, 0> Directives;
  // Outside the directives, as a raw lexer sees them (no macro expanded): every identifier and
  // keyword, where a macro could expand.
  llvm::StringSet<> Identifiers;
  // Those of the conditions and pragmas the directives above leave out (an empty conditional
  // block, #pragma pack), which a preprocessor reading the text evaluates.
  llvm::StringSet<> DirectiveIdentifiers;
  size_t TokenCount = 0;
  int BraceBalance = 0; // '{' minus '}'
  // The #error directives' tokens, cut to '#', 'error' and the end of the line: the
  // preprocessor reads them as #error where their block is read (HeaderDirectives.cpp).
  std::vector<clang::dependency_directives_scan::Token> CutTokens;
  // The text is LeadingIncludes #include lines (#include_next, #import; nothing else but
  // comments), then an include guard around all the rest: '#ifndef G' (or '#if !defined G')
  // and '#define G' its first two directives, its '#endif' the end of the text. G, or empty.
  // Qt 6's qstringlist.h includes qlist.h above its guard, which clang's multiple-include
  // detection then does not see.
  std::string GuardAfterIncludes;
  unsigned LeadingIncludes = 0;
  // The text can do what its directives do not show: _Pragma (push_macro, pop_macro) or
  // #pragma GCC poison in it, or the scanner refused it. The header is then preprocessed whole.
  bool Opaque = false;
};

// The directives of Text (a header's content), from the process's cache when the same text was
// seen with the same language. Never null.
std::shared_ptr<const HeaderDirectives> headerDirectives(llvm::StringRef Text,
                                                         const clang::LangOptions &Lang);

} // namespace contractcheck
