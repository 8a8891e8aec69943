#include "ParseStop.h"

#include <clang/Basic/DiagnosticIDs.h>
#include <clang/Lex/Lexer.h>
#include <clang/Lex/PPCallbacks.h>
#include <clang/Lex/Preprocessor.h>
#include <clang/Sema/Sema.h>

using namespace clang;

namespace contractcheck {

namespace {

// The file lexer being read, even under a macro's expansion, is moved to its end.
void cutCurrentFile(Preprocessor &PP) {
  // Every PreprocessorLexer is a Lexer since Clang dropped PTH.
  if (auto *File = static_cast<Lexer *>(PP.getCurrentFileLexer()))
    File->seek(File->getBuffer().size(), /*IsAtStartOfLine=*/true);
}

// Clang returns to the includer at the end of an included file and reads on from there.
class CutIncluders : public PPCallbacks {
public:
  explicit CutIncluders(Preprocessor &PP) : PP(PP) {}

  void FileChanged(SourceLocation, FileChangeReason Reason, SrcMgr::CharacteristicKind,
                   FileID) override {
    if (Reason == ExitFile)
      cutCurrentFile(PP);
  }

private:
  Preprocessor &PP;
};

} // namespace

void stopParsing(Sema &S) {
  Preprocessor &PP = S.getPreprocessor();
  // Any fatal diagnostic would do; this one needs no location or argument. A fatal error makes
  // each further template instantiation invalid at once (Sema::InstantiatingTemplate), so what
  // the truncated parse has pending costs nothing at the end of the TU.
  S.getDiagnostics().Report(diag::fatal_too_many_errors);
  cutCurrentFile(PP);
  PP.addPPCallbacks(std::make_unique<CutIncluders>(PP));
}

} // namespace contractcheck
