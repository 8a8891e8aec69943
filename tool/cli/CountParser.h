// The parser of an option that takes a count (-j, --cache-max-age, --tu-timeout). LLVM's own
// answers `-jfoo` with "for the -j option: 'foo' value invalid for uint argument!", written
// straight to stderr without the tool's `error:` and in the parser's terms rather than the
// option's; this one says what the option counts.
#pragma once

#include "ToolMessages.h"

#include <llvm/ADT/StringRef.h>
#include <llvm/Support/CommandLine.h>
#include <llvm/Support/raw_ostream.h>

namespace contractcheck {

class CountParser : public llvm::cl::parser<unsigned> {
public:
  using llvm::cl::parser<unsigned>::parser;

  // True on error, as LLVM's parsers: ParseCommandLineOptions then fails and the run exits 2.
  bool parse(llvm::cl::Option &O, llvm::StringRef, llvm::StringRef Value, unsigned &Into) {
    if (!Value.getAsInteger(10, Into))
      return false;
    // A single-letter option is spelled with one dash (-j), the others with two.
    llvm::errs() << ToolError << "invalid value '" << Value << "' for "
                 << (O.ArgStr.size() == 1 ? "-" : "--") << O.ArgStr << ": expected a whole number of "
                 << O.ValueStr << " (0 or more)\n";
    return true;
  }
};

} // namespace contractcheck
