// `contractcheck lsp`: the language server's command line.
#pragma once

namespace contractcheck::lsp {

// Argv[0] is "lsp". Returns the exit code: 0 after shutdown+exit, 1 when the client went away
// without them, 2 for bad options.
int runLanguageServer(int Argc, const char **Argv);

} // namespace contractcheck::lsp
