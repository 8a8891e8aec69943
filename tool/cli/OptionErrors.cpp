#include "OptionErrors.h"

#include "ToolMessages.h"

#include <llvm/ADT/StringExtras.h>
#include <llvm/ADT/StringRef.h>
#include <llvm/Support/raw_ostream.h>

#include <string_view>
#include <sys/mman.h>
#include <unistd.h>

namespace contractcheck {

std::string captureStderrOf(const std::function<void()> &Parse) {
  llvm::errs().flush();
  // A memory file, not a pipe: the parser may write more than a pipe holds before it returns.
  int Capture = memfd_create("contractcheck-option-errors", MFD_CLOEXEC);
  int Saved = Capture < 0 ? -1 : dup(STDERR_FILENO);
  if (Saved < 0 || dup2(Capture, STDERR_FILENO) < 0) {
    if (Saved >= 0)
      close(Saved);
    if (Capture >= 0)
      close(Capture);
    Parse();
    return {};
  }
  Parse();
  llvm::errs().flush();
  dup2(Saved, STDERR_FILENO);
  close(Saved);
  std::string Text;
  char Buffer[4096];
  for (off_t Offset = 0;;) {
    ssize_t N = pread(Capture, Buffer, sizeof Buffer, Offset);
    if (N <= 0)
      break;
    Text.append(Buffer, static_cast<size_t>(N));
    Offset += N;
  }
  close(Capture);
  return Text;
}

std::string inToolStyle(const std::string &ParserOutput) {
  const std::string Program = std::string(ToolName) + ": ";
  std::string Out;
  llvm::StringRef Rest = ParserOutput;
  while (!Rest.empty()) {
    auto [Line, After] = Rest.split('\n');
    bool Newline = Line.size() < Rest.size();
    Rest = After;
    llvm::StringRef Message = Line;
    if (!Message.consume_front(Program) || Message.starts_with("error: ") ||
        Message.starts_with("warning: ") || Message.starts_with("note: ")) {
      Out += Line.str();
    } else {
      std::string Lowered = Message.str();
      if (!Lowered.empty())
        Lowered[0] = static_cast<char>(llvm::toLower(Lowered[0]));
      Out +=
          (llvm::StringRef(Lowered).starts_with("did you mean") ? ToolNote : ToolError) + Lowered;
    }
    if (Newline)
      Out += '\n';
  }
  return Out;
}

} // namespace contractcheck
