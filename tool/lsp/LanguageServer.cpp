#include "LanguageServer.h"

#include "AllocatorHeaps.h"
#include "JsonRpcTransport.h"
#include "LspServer.h"
#include "ToolMessages.h"
#include "Paths.h"

#include <llvm/ADT/StringRef.h>
#include <llvm/Support/CrashRecoveryContext.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Process.h>
#include <llvm/Support/raw_ostream.h>

#include <unistd.h>

namespace contractcheck::lsp {

namespace {

constexpr const char *Usage =
    "usage: contractcheck lsp [--compile-commands-dir DIR] [--config FILE] [--baseline FILE]\n"
    "                         [--debounce-ms N] [--extra-arg ARG]... [--extra-arg-before ARG]...\n"
    "\n"
    "A language server on stdin/stdout: publishes contractcheck's findings for the open C/C++\n"
    "files as diagnostics, with fix-its as quick fixes. Run it beside clangd.\n"
    "\n"
    "  --compile-commands-dir DIR  the directory holding compile_commands.json (default: the\n"
    "                              file's directory or a parent, or build/ beside one of them)\n"
    "  --config FILE               configuration file (default: the nearest .contractcheck.yaml)\n"
    "  --baseline FILE             do not show the findings FILE records, as the CLI's --baseline\n"
    "  --debounce-ms N             wait after an edit before analysing the unsaved text\n"
    "                              (default 500; open and save analyse at once)\n"
    "  --extra-arg ARG             argument to append to every compiler command line, as the\n"
    "                              CLI's (give the same ones, or its stored results do not match)\n"
    "  --extra-arg-before ARG      argument to prepend to every compiler command line\n";

// "--name=value" or "--name value"; false when Arg is not --name.
bool optionValue(llvm::StringRef Name, int &I, int Argc, const char **Argv, std::string &Value) {
  llvm::StringRef Arg = Argv[I];
  if (Arg.consume_front(Name)) {
    if (Arg.consume_front("=")) {
      Value = Arg.str();
      return true;
    }
    if (Arg.empty() && I + 1 < Argc) {
      Value = Argv[++I];
      return true;
    }
    if (Arg.empty())
      throw std::string(Name.str() + " needs a value");
  }
  return false;
}

} // namespace

int runLanguageServer(int Argc, const char **Argv) {
  ServerOptions Options;
  try {
    for (int I = 1; I < Argc; ++I) {
      std::string Value;
      llvm::StringRef Arg = Argv[I];
      if (Arg == "--help" || Arg == "-h") {
        llvm::outs() << Usage;
        return 0;
      }
      if (optionValue("--compile-commands-dir", I, Argc, Argv, Value)) {
        Options.CompileCommandsDir = absolutePath(Value);
        if (!llvm::sys::fs::is_directory(*Options.CompileCommandsDir))
          throw std::string("--compile-commands-dir: '" + Value + "' is not a directory");
      } else if (optionValue("--config", I, Argc, Argv, Value)) {
        Options.ConfigPath = absolutePath(Value);
      } else if (optionValue("--baseline", I, Argc, Argv, Value)) {
        Options.BaselinePath = absolutePath(Value);
      } else if (optionValue("--debounce-ms", I, Argc, Argv, Value)) {
        unsigned Ms = 0;
        if (llvm::StringRef(Value).getAsInteger(10, Ms))
          throw std::string("--debounce-ms: '" + Value + "' is not a whole number");
        Options.ChangeDebounce = std::chrono::milliseconds(Ms);
      } else if (optionValue("--extra-arg-before", I, Argc, Argv, Value)) {
        Options.Settings.ExtraArgsBefore.push_back(Value);
      } else if (optionValue("--extra-arg", I, Argc, Argv, Value)) {
        Options.Settings.ExtraArgs.push_back(Value);
      } else if (Arg == "--stdio") {
        // What some clients append unasked; stdio is the only transport anyway.
      } else {
        throw std::string("unknown option '" + Arg.str() + "'");
      }
    }
  } catch (const std::string &Problem) {
    llvm::errs() << ToolError << "lsp: " << Problem << "\n" << Usage;
    return 2;
  }

  llvm::CrashRecoveryContext::Enable();
  // One analysis at a time (LspServer), for as long as the editor runs: one heap, or every
  // heap would keep the largest parse it ever served.
  useOneHeapPerWorker(1);
  JsonRpcTransport Transport(STDIN_FILENO, STDOUT_FILENO);
  int Code;
  bool Crashed;
  {
    LspServer Server(Transport, std::move(Options));
    Code = Server.run();
    Crashed = Server.sawCrash();
  }
  if (Crashed) // a contained crash may leave locks held in static state
    llvm::sys::Process::Exit(Code, /*NoCleanup=*/true);
  return Code;
}

} // namespace contractcheck::lsp
