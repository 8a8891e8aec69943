#include "InputFile.h"

#include <algorithm>
#include <cerrno>
#include <string_view>
#include <cstring>
#include <functional>
#include <memory>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace contractcheck {

namespace {

constexpr size_t MiB = size_t(1) << 20;

std::string sizeText(size_t Bytes) {
  if (Bytes >= MiB)
    return std::to_string(Bytes / MiB) + " MiB";
  return std::to_string(Bytes) + " bytes";
}

const char *typeName(mode_t Mode) {
  if (S_ISFIFO(Mode))
    return "a FIFO";
  if (S_ISCHR(Mode))
    return "a character device";
  if (S_ISBLK(Mode))
    return "a block device";
  if (S_ISSOCK(Mode))
    return "a socket";
  if (S_ISDIR(Mode))
    return "a directory";
  return "not a regular file";
}

std::optional<std::string> statusProblem(const struct stat &Status, InputKind Kind) {
  if (S_ISDIR(Status.st_mode))
    return std::string("is a directory, not a ") + inputKindName(Kind);
  if (!S_ISREG(Status.st_mode))
    return std::string("is ") + typeName(Status.st_mode) + ", not a " + inputKindName(Kind) +
           " (contractcheck reads regular files only)";
  if (static_cast<unsigned long long>(Status.st_size) > inputSizeLimit(Kind))
    return "is " + sizeText(static_cast<size_t>(Status.st_size)) + "; a " + inputKindName(Kind) +
           " is at most " + sizeText(inputSizeLimit(Kind));
  return std::nullopt;
}

class NotARegularFileCategory : public std::error_category {
public:
  const char *name() const noexcept override { return "contractcheck.input"; }
  std::string message(int) const override {
    return "not a regular file, or larger than contractcheck reads (it reads regular files "
           "only; docs/usage.md#guarantees)";
  }
};

} // namespace

const char *inputKindName(InputKind Kind) {
  switch (Kind) {
  case InputKind::Configuration:
    return "configuration file";
  case InputKind::Baseline:
    return "baseline file";
  case InputKind::CompilationDatabase:
    return "compilation database";
  case InputKind::DataFile:
    return "data file";
  case InputKind::Contract:
    return "contract file";
  case InputKind::StoreEntry:
    return "result store entry";
  case InputKind::Source:
    return "source file";
  }
  return "file";
}

size_t inputSizeLimit(InputKind Kind) {
  switch (Kind) {
  case InputKind::Configuration:
    return 16 * MiB;
  case InputKind::Contract:
    return 16 * MiB;
  case InputKind::Baseline:
  case InputKind::DataFile:
  case InputKind::StoreEntry:
    return 256 * MiB;
  case InputKind::CompilationDatabase:
  case InputKind::Source:
    return 1024 * MiB;
  }
  return 16 * MiB;
}

std::optional<std::string> inputFileProblem(const std::string &Path, InputKind Kind) {
  struct stat Status;
  if (::stat(Path.c_str(), &Status) != 0)
    return "cannot read the " + std::string(inputKindName(Kind)) + ": " + std::strerror(errno);
  return statusProblem(Status, Kind);
}

namespace {

std::optional<std::string> readRegularFile(const std::string &Path, InputKind Kind,
                                           std::string &Error);

// A text input's encoding is UTF-8 (see readInputFile); drops a leading UTF-8 byte order mark.
std::optional<ReadProblem> encodingProblem(std::string &Text, InputKind Kind) {
  if (Kind == InputKind::Source || Kind == InputKind::StoreEntry)
    return std::nullopt;
  std::string_view T = Text;
  auto startsWith = [&](std::string_view Prefix) { return T.substr(0, Prefix.size()) == Prefix; };
  using namespace std::string_view_literals;
  std::string Found;
  if (startsWith("\xFF\xFE\0\0"sv) || startsWith("\0\0\xFE\xFF"sv))
    Found = "UTF-32 (it begins with the byte order mark " +
            std::string(T[0] == '\0' ? "00 00 FE FF" : "FF FE 00 00") + ")";
  else if (startsWith("\xFF\xFE"sv) || startsWith("\xFE\xFF"sv))
    Found = "UTF-16 (it begins with the byte order mark " +
            std::string(T[0] == '\xFF' ? "FF FE" : "FE FF") + ")";
  else if (T.size() >= 4 && T[0] != '\0' && T[1] == '\0' && T[2] == '\0' && T[3] == '\0')
    Found = "UTF-32 (little-endian: three NUL bytes after its first character)";
  else if (T.size() >= 2 && T[0] != '\0' && T[1] == '\0')
    Found = "UTF-16 (little-endian: a NUL byte after each ASCII character)";
  else if (T.size() >= 2 && T[0] == '\0' && T[1] != '\0')
    Found = "UTF-16 (big-endian: a NUL byte before each ASCII character)";
  if (!Found.empty())
    return ReadProblem{"is " + Found + "; a " + inputKindName(Kind) +
                            " must be UTF-8 (convert it, e.g. iconv -f " +
                            Found.substr(0, 6) + " -t UTF-8)",
                        1, 1};
  constexpr std::string_view Bom = "\xEF\xBB\xBF";
  if (startsWith(Bom))
    Text.erase(0, Bom.size());
  // A data file may be .proto or Python source, whose strings may hold anything; the others are
  // JSON or YAML, where a byte order mark may only begin the file.
  if (Kind == InputKind::DataFile)
    return std::nullopt;
  // The first mark that follows a newline, found by its first byte, which ASCII text has none
  // of (a search for the newline stopped at every line).
  size_t At = Text.find(Bom);
  while (At != std::string::npos && (At == 0 || Text[At - 1] != '\n'))
    At = Text.find(Bom, At + 1);
  if (At != std::string::npos) {
    size_t Newline = At - 1;
    return ReadProblem{"a byte order mark (EF BB BF) begins this line; only the start of a file "
                        "may have one (were two files joined?)",
                        static_cast<unsigned>(std::count(Text.begin(), Text.begin() + Newline, '\n') + 2),
                        1};
  }
  return std::nullopt;
}

} // namespace

std::optional<std::string> readInputFile(const std::string &Path, InputKind Kind,
                                         std::string &Error) {
  ReadProblem Problem;
  std::optional<std::string> Text = readInputFile(Path, Kind, Problem);
  if (!Text)
    Error = std::move(Problem.Message);
  return Text;
}

std::optional<std::string> readInputFile(const std::string &Path, InputKind Kind,
                                         ReadProblem &Problem) {
  std::string Error;
  std::optional<std::string> Text = readRegularFile(Path, Kind, Error);
  if (!Text) {
    Problem = {std::move(Error)};
    return std::nullopt;
  }
  if (std::optional<ReadProblem> Encoding = encodingProblem(*Text, Kind)) {
    Problem = std::move(*Encoding);
    return std::nullopt;
  }
  return Text;
}

namespace {

// An input opened after the checks: the file itself, read from here on (a swap after the check
// changes nothing), and its size when opened.
class OpenedInput {
public:
  explicit OpenedInput(int FD, size_t Size) : FD(FD), Size(Size) {}
  ~OpenedInput() { ::close(FD); }
  OpenedInput(const OpenedInput &) = delete;
  OpenedInput &operator=(const OpenedInput &) = delete;
  const int FD;
  const size_t Size;
};

std::unique_ptr<OpenedInput> openInput(const std::string &Path, InputKind Kind,
                                       std::string &Error) {
  // Checked before opening: opening a device can have effects of its own.
  if (std::optional<std::string> Problem = inputFileProblem(Path, Kind)) {
    Error = *Problem;
    return nullptr;
  }
  // Non-blocking: a FIFO swapped in since the check opens at once instead of waiting for a
  // writer, and is refused below.
  int FD = ::open(Path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (FD < 0) {
    Error = "cannot read the " + std::string(inputKindName(Kind)) + ": " + std::strerror(errno);
    return nullptr;
  }
  struct stat Status;
  if (::fstat(FD, &Status) != 0) {
    Error = "cannot read the " + std::string(inputKindName(Kind)) + ": " + std::strerror(errno);
    ::close(FD);
    return nullptr;
  }
  if (std::optional<std::string> Problem = statusProblem(Status, Kind)) {
    Error = *Problem;
    ::close(FD);
    return nullptr;
  }
  return std::make_unique<OpenedInput>(FD, static_cast<size_t>(Status.st_size));
}

bool readChunks(const OpenedInput &Input, InputKind Kind, std::string &Error,
                const std::function<void(std::string_view)> &Consume) {
  // The file may grow while it is read: never past the limit.
  const size_t Limit = inputSizeLimit(Kind);
  size_t Read = 0;
  char Buffer[65536];
  while (true) {
    ssize_t N = ::read(Input.FD, Buffer, sizeof Buffer);
    if (N < 0 && errno == EINTR)
      continue;
    if (N < 0) {
      Error = "cannot read the " + std::string(inputKindName(Kind)) + ": " + std::strerror(errno);
      return false;
    }
    if (N == 0)
      return true;
    Read += static_cast<size_t>(N);
    if (Read > Limit) {
      Error = "grew past " + sizeText(Limit) + " while it was read; a " + inputKindName(Kind) +
              " is at most " + sizeText(Limit);
      return false;
    }
    Consume(std::string_view(Buffer, static_cast<size_t>(N)));
  }
}

std::optional<std::string> readRegularFile(const std::string &Path, InputKind Kind,
                                           std::string &Error) {
  std::unique_ptr<OpenedInput> Input = openInput(Path, Kind, Error);
  if (!Input)
    return std::nullopt;
  std::string Text;
  Text.reserve(Input->Size);
  if (!readChunks(*Input, Kind, Error, [&](std::string_view Chunk) { Text.append(Chunk); }))
    return std::nullopt;
  return Text;
}

} // namespace

bool readInputFileChunks(const std::string &Path, InputKind Kind, std::string &Error,
                         const std::function<void(std::string_view)> &Consume) {
  std::unique_ptr<OpenedInput> Input = openInput(Path, Kind, Error);
  return Input && readChunks(*Input, Kind, Error, Consume);
}

std::error_code notARegularFileError() {
  static const NotARegularFileCategory Category;
  return {1, Category};
}

} // namespace contractcheck
