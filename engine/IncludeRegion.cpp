#include "IncludeRegion.h"

#include <clang/Basic/LangOptions.h>
#include <clang/Lex/Lexer.h>

#include <algorithm>
#include <string>

using namespace clang;

namespace contractcheck {

namespace {

// Past the line splice whose backslash is Text[At] (a backslash, blanks, a newline); At itself
// when that backslash does not start one.
size_t pastSplice(std::string_view Text, size_t At) {
  size_t After = At + 1;
  while (After < Text.size() && (Text[After] == ' ' || Text[After] == '\t' || Text[After] == '\r'))
    ++After;
  return After < Text.size() && Text[After] == '\n' ? After + 1 : At;
}

// An identifier's name without the line splices its spelling may hold (`inc\<newline>lude`).
std::string spliced(std::string_view Raw) {
  std::string Name;
  for (size_t I = 0; I < Raw.size();) {
    if (size_t Past = Raw[I] == '\\' ? pastSplice(Raw, I) : I; Past != I) {
      I = Past;
      continue;
    }
    Name += Raw[I++];
  }
  return Name;
}

bool includesAFile(llvm::StringRef Directive) {
  return Directive == "include" || Directive == "include_next" || Directive == "import" ||
         Directive == "__include_macros";
}

// Past the end of the logical line that holds Offset: its newline, after any line splices
// (a backslash, blanks, a newline). A directive's own text is not lexed: a header name such as
// <a/*b.h> is no comment.
size_t endOfLogicalLine(std::string_view Text, size_t Offset) {
  while (Offset < Text.size()) {
    if (Text[Offset] == '\n')
      return Offset + 1;
    if (size_t Past = Text[Offset] == '\\' ? pastSplice(Text, Offset) : Offset; Past != Offset)
      Offset = Past;
    else
      ++Offset;
  }
  return Text.size();
}

size_t regionEnd(std::string_view Text, const LangOptions &Options) {
  size_t End = 0;
  size_t From = 0;
  while (From < Text.size()) {
    Lexer Raw(SourceLocation::getFromRawEncoding(1), Options, Text.data(), Text.data() + From,
              Text.data() + Text.size());
    Token Tok;
    bool Restart = false;
    // At the start of a line: the token before which a directive or an import may begin.
    bool LineStart = true;
    bool Hash = false;
    bool Export = false;
    while (true) {
      Raw.LexFromRawLexer(Tok);
      if (Tok.is(tok::eof))
        break;
      size_t At = Tok.getLocation().getRawEncoding() - 1;
      if (Tok.isAtStartOfLine()) {
        LineStart = true;
        Hash = Export = false;
      }
      bool Begins = LineStart || Hash || Export;
      if (Tok.is(tok::hash) && LineStart) {
        Hash = true;
        LineStart = false;
        continue;
      }
      if (Tok.is(tok::raw_identifier) && Begins) {
        std::string Name = Tok.needsCleaning() ? spliced(Tok.getRawIdentifier())
                                               : Tok.getRawIdentifier().str();
        if ((Hash && includesAFile(Name)) ||
            (!Hash && (Name == "import" || Name == "module"))) {
          End = From = endOfLogicalLine(Text, At);
          Restart = true;
          break;
        }
        if (!Hash && LineStart && Name == "export") {
          Export = true;
          LineStart = false;
          continue;
        }
      }
      LineStart = Hash = Export = false;
    }
    if (!Restart)
      break;
  }
  return End;
}

LangOptions cOptions() {
  LangOptions Options;
  Options.C99 = Options.C11 = Options.C17 = true;
  Options.LineComment = true;
  Options.Digraphs = true;
  Options.DollarIdents = true;
  Options.RawStringLiterals = false; // on by default: C++11's
  return Options;
}

LangOptions cxxOptions() {
  LangOptions Options;
  Options.CPlusPlus = Options.CPlusPlus11 = Options.CPlusPlus14 = Options.CPlusPlus17 =
      Options.CPlusPlus20 = Options.CPlusPlus23 = true;
  Options.LineComment = true;
  Options.Digraphs = true;
  Options.DollarIdents = true;
  Options.RawStringLiterals = true;
  return Options;
}

} // namespace

size_t includeRegionEnd(std::string_view Text) {
  if (Text.find("?\?=") != std::string_view::npos || Text.find("?\?/") != std::string_view::npos)
    return Text.size();
  static const LangOptions C = cOptions(), Cxx = cxxOptions();
  return std::max(regionEnd(Text, C), regionEnd(Text, Cxx));
}

} // namespace contractcheck
