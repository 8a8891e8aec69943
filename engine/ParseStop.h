// Ends a parse whose result will be thrown away, from wherever it is (docs/performance.md,
// "Issue 23"): the parse that skips the library's template bodies, once it knows a second parse
// must keep them.
#pragma once

namespace clang {
class Sema;
} // namespace clang

namespace contractcheck {

// Reports a fatal error, after which Clang instantiates no template, enters no further
// #include and suppresses every diagnostic, and cuts off the lexing of the file being read and,
// as each is returned to, of the files that included it: the parser then meets the end of the
// TU wherever it is (as a truncated file, or code completion, ends a parse) and unwinds. Call
// it from a consumer's callback outside any template instantiation; what the parse then produces
// (its AST, its errors, the rules' findings) must not be used.
void stopParsing(clang::Sema &S);

} // namespace contractcheck
