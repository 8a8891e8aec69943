// The errors a probe's parse reports, kept as plain data with where they point: the contract's
// own line:col for a declaration (through the snippet's #line directives) and the snippet's line.
#pragma once

#include "rules/declared-service/SignatureProbe.h"

#include <clang/Basic/Diagnostic.h>
#include <clang/Basic/SourceLocation.h>

#include <vector>

namespace contractcheck {

class ProbeErrorCollector : public clang::DiagnosticConsumer {
public:
  explicit ProbeErrorCollector(std::vector<ProbeDiagnostic> &Out) : Out(Out) {}
  void setSnippet(clang::FileID ID) { Snippet = ID; }

  void HandleDiagnostic(clang::DiagnosticsEngine::Level Level,
                        const clang::Diagnostic &Info) override;

private:
  std::vector<ProbeDiagnostic> &Out;
  clang::FileID Snippet;
};

} // namespace contractcheck
