#include "rules/declared-service/TranslationUnitProbe.h"

#include "rules/declared-service/ProbeErrors.h"

#include <clang/AST/ASTContext.h>
#include <clang/Basic/SourceManager.h>
#include <clang/Lex/Preprocessor.h>
#include <clang/Parse/Parser.h>
#include <clang/Sema/Sema.h>
#include <llvm/Support/MemoryBuffer.h>

using namespace clang;

namespace contractcheck {

namespace {

// What the snippet's parse changes of the TU's compiler, put back when it ends: the snippet's
// errors must neither reach the TU's diagnostic client (the TU would count as failed) nor stop
// its later diagnostics (the error limit's fatal error), and access control is off for the
// snippet alone.
class TranslationUnitState {
public:
  TranslationUnitState(Sema &S, Scope &TUScope, ProbeErrorCollector &Errors)
      : S(S), Diags(S.getDiagnostics()), Client(Diags.getClient()), Owned(Diags.takeClient()),
        HadErrors(Diags.hasErrorOccurred()),
        AccessControl(S.getLangOpts().AccessControl) {
    Diags.setClient(&Errors, /*ShouldOwnClient=*/false);
    Diags.setErrorLimit(0);
    // The options are the invocation's, which Sema reads through a const reference.
    const_cast<LangOptions &>(S.getLangOpts()).AccessControl = false;
    // Sema::ActOnEndOfTranslationUnit dropped it; names declared at namespace scope (builtins
    // declared on first use among them) go there.
    S.TUScope = &TUScope;
  }
  ~TranslationUnitState() {
    S.TUScope = nullptr;
    const_cast<LangOptions &>(S.getLangOpts()).AccessControl = AccessControl;
    Diags.setClient(Client, /*ShouldOwnClient=*/Owned != nullptr);
    (void)Owned.release();
    Diags.setErrorLimit(Diags.getDiagnosticOptions().ErrorLimit);
    // The counts and flags were clear before (the usual case: the TU parsed without an error);
    // they are again. A TU with errors keeps its flags set, with the snippet's counted in.
    if (!HadErrors)
      Diags.Reset(/*soft=*/true);
  }

private:
  Sema &S;
  DiagnosticsEngine &Diags;
  DiagnosticConsumer *const Client;
  std::unique_ptr<DiagnosticConsumer> Owned;
  const bool HadErrors;
  const bool AccessControl;
};

} // namespace

std::optional<ProbeResult>
runSignatureProbeInTranslationUnit(Preprocessor &PP, const std::string &SnippetPath,
                                   const std::string &Snippet,
                                   const std::function<void(ASTContext &)> &Judge) {
  // Only a Parser sets itself as the handler (for its whole life); with code completion on, a
  // completion consumer's parse is not one to extend. The main file must have ended (no lexer
  // left) with the parser at its end, in its translation unit scope.
  CodeCompletionHandler *Handler = PP.getCodeCompletionHandler();
  if (!Handler || PP.isCodeCompletionEnabled() || PP.isIncrementalProcessingEnabled() ||
      PP.getCurrentLexer() || PP.getDiagnostics().hasFatalErrorOccurred())
    return std::nullopt;
  Parser &P = static_cast<Parser &>(*Handler);
  Sema &S = P.getActions();
  Scope *TUScope = P.getCurScope();
  if (&P.getPreprocessor() != &PP || !P.getCurToken().is(tok::eof) || !TUScope ||
      TUScope->getParent() || S.CurContext != S.getASTContext().getTranslationUnitDecl())
    return std::nullopt;

  ProbeResult Result;
  ProbeErrorCollector Errors(Result.Errors);
  SourceManager &SM = PP.getSourceManager();
  FileID ID = SM.createFileID(llvm::MemoryBuffer::getMemBufferCopy(Snippet, SnippetPath),
                              SrcMgr::C_User);
  Errors.setSnippet(ID);
  {
    TranslationUnitState Extended(S, *TUScope, Errors);
    if (PP.EnterSourceFile(ID, nullptr, SourceLocation()))
      return std::nullopt;
    // The snippet must be the preprocessor's only lexer, as the main file was. A parse that
    // re-lexed saved tokens after the main file's end left the end of file in a token stream
    // under it: a template parsed late (-fdelayed-template-parsing, the default for MSVC
    // targets) when the TU's end instantiated it, or an inline method body of a class the file
    // never closed. Lexing past the snippet's end would return to that stream, and from it to a
    // lexer that is gone (a crash in Lexer::Lex). The snippet is taken off again, unread.
    if (!PP.isInPrimaryFile()) {
      PP.RemoveTopOfLexerStack();
      return std::nullopt;
    }
    P.ConsumeToken(); // the end of the main file, for the snippet's first token
    Parser::DeclGroupPtrTy Group;
    Sema::ModuleImportState Import = Sema::ModuleImportState::NotACXX20Module;
    // Stopping before the snippet's end: ParseTopLevelDecl would end the TU a second time.
    while (!P.getCurToken().is(tok::eof))
      P.ParseTopLevelDecl(Group, Import);
    Judge(S.getASTContext());
  }
  Result.Ran = true;
  return Result;
}

} // namespace contractcheck
