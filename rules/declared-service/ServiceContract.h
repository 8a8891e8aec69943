// A declared-service contract file (contracts/notifier.yaml): the class it names and the member
// declarations it must offer, each with its position in the file. Free of Clang.
#pragma once

#include "DataDocument.h"

#include <optional>
#include <string>
#include <vector>

namespace contractcheck {

struct DeclaredMethod {
  std::string Text;      // one C++ member declaration, as written in the contract
  DataPosition Position; // of the scalar, in the contract file
  // The column the declaration's first character is on: past the opening quote of a quoted
  // scalar. Clang's diagnostics inside the declaration land on the file's own columns.
  unsigned TextColumn = 0;
};

struct ServiceContract {
  std::string File;    // absolute
  std::string Service; // qualified class name, without a leading '::'
  DataPosition ServicePosition;
  std::string Header; // as written; empty when not given
  std::vector<DeclaredMethod> Methods;
};

// Parses a contract file's text. A file that is not one YAML mapping with a string 'service:'
// and a list of strings 'methods:' is a DataError at the offending line:col.
std::optional<ServiceContract> parseServiceContract(const std::string &File, std::string_view Text,
                                                    DataError &Error);

} // namespace contractcheck
