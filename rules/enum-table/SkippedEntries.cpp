#include "rules/enum-table/SkippedEntries.h"

#include "rules/enum-table/TableEntries.h"

#include <clang/AST/Decl.h>
#include <clang/AST/Expr.h>
#include <clang/Basic/SourceManager.h>
#include <clang/Lex/Lexer.h>

#include <llvm/ADT/StringSet.h>

#include <optional>
#include <utility>

using namespace clang;

namespace contractcheck {

namespace {

// The file offsets [Begin, End) an expression's text spans, through macro uses; nothing when
// it is not in FID.
std::optional<std::pair<unsigned, unsigned>> spanIn(FileID FID, SourceRange Range,
                                                    const SourceManager &SM,
                                                    const LangOptions &LangOpts) {
  CharSourceRange File = SM.getExpansionRange(Range);
  if (File.isInvalid())
    return std::nullopt;
  auto [BeginFID, Begin] = SM.getDecomposedLoc(File.getBegin());
  auto [EndFID, End] = SM.getDecomposedLoc(File.getEnd());
  if (BeginFID != FID || EndFID != FID)
    return std::nullopt;
  if (File.isTokenRange())
    End += Lexer::MeasureTokenLength(File.getEnd(), SM, LangOpts);
  return std::make_pair(Begin, End);
}

} // namespace

std::vector<const EnumConstantDecl *>
namedInSkippedText(const VarDecl &Var, const KeyedTable &Table,
                   const std::vector<const EnumConstantDecl *> &Candidates,
                   const SourceManager &SM, const LangOptions &LangOpts) {
  const Expr *Init = Var.getInit();
  if (Candidates.empty() || !Init)
    return {};
  FileID FID = SM.getFileID(SM.getExpansionLoc(Init->getBeginLoc()));
  std::optional<std::pair<unsigned, unsigned>> Whole =
      spanIn(FID, Init->getSourceRange(), SM, LangOpts);
  if (!Whole)
    return {};
  std::vector<std::pair<unsigned, unsigned>> Active;
  for (const TableEntry &Entry : Table.Entries) {
    std::optional<std::pair<unsigned, unsigned>> Span =
        spanIn(FID, Entry.Whole->getSourceRange(), SM, LangOpts);
    if (!Span)
      return {}; // an entry from elsewhere: the text cannot be read this way
    Active.push_back(*Span);
  }
  bool Invalid = false;
  llvm::StringRef Buffer = SM.getBufferData(FID, &Invalid);
  if (Invalid || Whole->second > Buffer.size())
    return {};

  llvm::StringSet<> Skipped;
  Lexer Raw(SM.getLocForStartOfFile(FID), LangOpts, Buffer.begin(),
            Buffer.begin() + Whole->first, Buffer.end());
  for (Token Tok;;) {
    Raw.LexFromRawLexer(Tok);
    if (Tok.is(tok::eof))
      break;
    unsigned Offset = SM.getFileOffset(Tok.getLocation());
    if (Offset >= Whole->second)
      break;
    if (Tok.is(tok::raw_identifier) &&
        llvm::none_of(Active, [&](const std::pair<unsigned, unsigned> &Span) {
          return Span.first <= Offset && Offset < Span.second;
        }))
      Skipped.insert(Tok.getRawIdentifier());
  }
  std::vector<const EnumConstantDecl *> Named;
  for (const EnumConstantDecl *E : Candidates)
    if (Skipped.contains(E->getName()))
      Named.push_back(E);
  return Named;
}

} // namespace contractcheck
