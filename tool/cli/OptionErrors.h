// LLVM's option parser writes most of its errors itself, to stderr, in its own style
// (`contractcheck: for the -j option: 'foo' value invalid for uint argument!`, `contractcheck:
// Did you mean '-o'?`): not through the stream ParseCommandLineOptions is given. These say them
// the way every other command-line error of contractcheck is said.
#pragma once

#include <functional>
#include <string>

namespace contractcheck {

// Runs Parse with stderr (the descriptor, which llvm::errs() writes unbuffered) captured, and
// returns what was written to it meanwhile. If stderr cannot be captured, Parse runs as is and
// the result is empty.
std::string captureStderrOf(const std::function<void()> &Parse);

// LLVM's lines `contractcheck: <message>` as `contractcheck: error: <message>`, its `Did you
// mean ...?` as a note; lines already in the tool's style, and any other, as they are.
std::string inToolStyle(const std::string &ParserOutput);

} // namespace contractcheck
