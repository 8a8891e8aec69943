// Which translation units include a header, when the result store cannot say (no store yet, or
// a TU never analysed): a textual scan of #include lines, resolved against the including file's
// directory and the command's -I/-iquote/-isystem directories. It sees every #include whatever
// the preprocessor conditions, so it may name a TU too many, never one too few for the
// directories it knows; a header reached only through a computed #include MACRO is not found.
#pragma once

#include "CompilationDatabase.h"

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace contractcheck {

class IncludeScanner {
public:
  // True when the TU of Command reaches AbsoluteHeader through #include lines.
  bool includes(const CompileCommand &Command, const std::string &AbsoluteHeader);

private:
  const std::vector<std::string> &includesOf(const std::string &File);
  std::map<std::string, std::vector<std::string>> Includes; // file -> spelled names, '"'/'<'
};

// The spelled name of each #include / #include_next / #import directive in Text, in order
// ("a/b.h" and <a/b.h> both give a/b.h).
std::vector<std::string> includedNames(std::string_view Text);

// The directories a command searches for #include, in order.
std::vector<std::string> includeDirectories(const CompileCommand &Command);

} // namespace contractcheck
