#include "rules/declared-service/ProbeErrors.h"

#include <clang/Basic/SourceManager.h>

using namespace clang;

namespace contractcheck {

void ProbeErrorCollector::HandleDiagnostic(DiagnosticsEngine::Level Level, const Diagnostic &Info) {
  DiagnosticConsumer::HandleDiagnostic(Level, Info);
  if (Level < DiagnosticsEngine::Error)
    return;
  ProbeDiagnostic D;
  llvm::SmallString<256> Message;
  Info.FormatDiagnostic(Message);
  D.Message = Message.str().str();
  if (Info.hasSourceManager() && Info.getLocation().isValid()) {
    const SourceManager &SM = Info.getSourceManager();
    SourceLocation Loc = SM.getFileLoc(Info.getLocation());
    PresumedLoc Presumed = SM.getPresumedLoc(Loc);
    if (Presumed.isValid()) {
      D.File = Presumed.getFilename();
      D.Line = Presumed.getLine();
      D.Column = Presumed.getColumn();
    }
    auto [ID, Offset] = SM.getDecomposedLoc(Loc);
    if (ID == Snippet)
      D.SnippetLine = SM.getLineNumber(ID, Offset);
  }
  Out.push_back(std::move(D));
}

} // namespace contractcheck
