// The parser of an option that takes one of a few named values (--format, --fail-on, ...).
// LLVM's own answers a value it does not know with "for the --format option: Cannot find option
// named 'xml'!", which neither says what the option takes nor reads like the tool's other errors;
// this one names the values, as an unknown rule or configuration key does.
#pragma once

#include "DidYouMean.h"
#include "ToolMessages.h"

#include <llvm/Support/CommandLine.h>
#include <llvm/Support/raw_ostream.h>

#include <string>
#include <vector>

namespace contractcheck {

template <typename T> class ChoiceParser : public llvm::cl::parser<T> {
public:
  using llvm::cl::parser<T>::parser;

  // True on error, as LLVM's parsers: ParseCommandLineOptions then fails and the run exits 2.
  bool parse(llvm::cl::Option &O, llvm::StringRef, llvm::StringRef Value, T &Into) {
    std::vector<std::string> Names;
    for (const auto &Choice : this->Values) {
      if (Choice.Name == Value) {
        Into = Choice.V.getValue();
        return false;
      }
      Names.push_back(Choice.Name.str());
    }
    std::string Listed;
    for (const std::string &Name : Names)
      Listed += (Listed.empty() ? "" : ", ") + Name;
    llvm::errs() << ToolError << "unknown value '" << Value << "' for --" << O.ArgStr
                 << didYouMean(Value.str(), Names) << "; expected one of: " << Listed << "\n";
    return true;
  }
};

} // namespace contractcheck
