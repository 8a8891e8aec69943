// A second, small parse in the context of the translation unit being analysed: a snippet that
// includes the service's header and declares the contract's methods, compiled with the TU's own
// language, target, include paths, macros and file system, so every name in a declaration
// resolves exactly as it would in that TU.
//
// The rule parses the snippet into the TU itself where it can (TranslationUnitProbe.h), which
// costs no second parse of the headers; this compiler of its own is for where it cannot.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class Preprocessor;
} // namespace clang

namespace contractcheck {

struct ProbeDiagnostic {
  std::string Message;
  // Where the compiler reported it, as #line directives present it (a contract's own
  // line:col for a declaration), and the line of the snippet it was on (0 when outside it:
  // in a header).
  std::string File;
  unsigned Line = 0;
  unsigned Column = 0;
  unsigned SnippetLine = 0;
};

// A file the probe read, with a hash of its bytes: what its answer depends on.
struct ProbeInput {
  std::string Path;
  uint64_t Hash = 0;
};

struct ProbeResult {
  bool Ran = false;                    // false when the compiler could not even start
  std::vector<ProbeDiagnostic> Errors; // in the order reported
  std::vector<ProbeInput> Inputs;      // every file but the snippet
};

// Parses Snippet (named SnippetPath, a path that need not exist) with the options of the TU that
// PP preprocessed, skipping function bodies, and calls Judge with the AST when the parse ends
// (whatever its errors). Never throws.
ProbeResult runSignatureProbe(const clang::Preprocessor &PP, const std::string &SnippetPath,
                              const std::string &Snippet,
                              const std::function<void(clang::ASTContext &)> &Judge);

} // namespace contractcheck
