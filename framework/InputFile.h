// The one reader of every file contractcheck takes as input: configuration, baseline, compile
// database, data files (schemas, enum sources, contracts), result store entries, sources it
// reads itself. A FIFO would block the run forever and a device (/dev/zero) would be read until
// memory runs out, so an input is a regular file (symbolic links to one are followed), opened
// without blocking, and no larger than its kind's limit (docs/usage.md#guarantees). Free of LLVM:
// the fuzz targets build it alone.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>

namespace contractcheck {

enum class InputKind {
  Configuration,       // .contractcheck.yaml, --config
  Baseline,            // --baseline
  CompilationDatabase, // compile_commands.json
  DataFile,            // a schema, an enum source, a YAML or JSON file a rule reads
  Contract,            // a contract-declared-service contract
  StoreEntry,          // an entry of the result store
  Source,              // a C++ file (a TU, a header) contractcheck or Clang reads
};

// "configuration file", "baseline", ...
const char *inputKindName(InputKind Kind);
// The largest file of that kind contractcheck reads, in bytes.
size_t inputSizeLimit(InputKind Kind);

// Why Path cannot be read as an input of that kind without opening it ("is a FIFO, not a
// regular file ..."), or nothing when it is a regular file within the limit. For files another
// reader opens (Clang's): it opens only what this accepted.
std::optional<std::string> inputFileProblem(const std::string &Path, InputKind Kind);

// Why a file could not be read, and where in it when that is known (an encoding): Line and
// Column 0 when not.
struct ReadProblem {
  std::string Message;
  unsigned Line = 0, Column = 0;
};

// Path's whole content, or nothing with Problem saying why (without the path: callers position
// it). The text kinds (all but Source and StoreEntry) must be UTF-8: a leading UTF-8 byte order
// mark, which JSON and YAML both allow, is dropped; UTF-16 and UTF-32 (with or without a byte order
// mark) are refused as such, and so is a byte order mark at the start of a later line of a
// configuration, baseline, compilation database or contract (files joined together).
std::optional<std::string> readInputFile(const std::string &Path, InputKind Kind,
                                         ReadProblem &Problem);
// As above, the position dropped.
std::optional<std::string> readInputFile(const std::string &Path, InputKind Kind,
                                         std::string &Error);

// Path's content in chunks given to Consume as it is read, after the same checks (a file that
// is hashed, not kept: no copy of it is made).
bool readInputFileChunks(const std::string &Path, InputKind Kind, std::string &Error,
                         const std::function<void(std::string_view)> &Consume);

// The error_code Clang is given for a file the check refused (its message says why).
std::error_code notARegularFileError();

} // namespace contractcheck
