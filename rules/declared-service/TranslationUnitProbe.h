// The signature probe parsed into the analysed translation unit itself, after its last
// declaration, instead of into a compiler of its own: the service's header and everything it
// includes are then not parsed a second time (docs/performance.md, "Issue 23: the probe parsed
// in the translation unit"). The snippet sees what the TU's main file sees, as the probe that
// includes the main file does.
//
// Neither front end hands a check the TU's Sema, but both run the checks while the TU's parser
// is alive (clang::ParseAST keeps it until the consumers have seen the TU), and a Parser is the
// one code completion handler a Preprocessor is given; that is how the probe reaches it.
#pragma once

#include "rules/declared-service/SignatureProbe.h"

#include <optional>

namespace contractcheck {

// Parses Snippet (no #include: the TU has read its headers) as top-level declarations of the
// TU that PP preprocessed, named SnippetPath, with access control off, and calls Judge with the
// TU's AST. Call it only once the TU's own declarations have all been seen by every check: the
// snippet's declarations join the TU. nullopt when the TU's parser is not reachable in the
// state this needs (its main file ended, no fatal error), for the separate probe to answer.
// The TU's diagnostics engine reports none of the snippet's errors.
std::optional<ProbeResult>
runSignatureProbeInTranslationUnit(clang::Preprocessor &PP, const std::string &SnippetPath,
                                   const std::string &Snippet,
                                   const std::function<void(clang::ASTContext &)> &Judge);

} // namespace contractcheck
