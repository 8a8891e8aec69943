#include "LspClient.h"

#include "Subprocess.h"
#include "TestPaths.h"

#include <llvm/ADT/SmallString.h>
#include <llvm/Support/FileSystem.h>

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <poll.h>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

namespace contractcheck::test {

std::string fileUri(const std::string &Path) { return "file://" + Path; }

LspClient::LspClient(const std::vector<std::string> &ExtraArgs) {
  llvm::SmallString<128> Stderr;
  if (llvm::sys::fs::createTemporaryFile("contractcheck-lsp", "stderr", Stderr))
    throw std::runtime_error("cannot create a temporary file for the server's stderr");
  StderrPath = std::string(Stderr);
  std::vector<std::string> Args{contractcheckBinary(), "lsp"};
  Args.insert(Args.end(), ExtraArgs.begin(), ExtraArgs.end());
  // Built before fork: the child only calls async-signal-safe functions.
  std::vector<char *> Argv;
  Argv.reserve(Args.size() + 1);
  for (std::string &A : Args)
    Argv.push_back(A.data());
  Argv.push_back(nullptr);
  int In[2], Out[2];
  if (pipe(In) != 0 || pipe(Out) != 0)
    throw std::runtime_error("pipe failed");
  std::signal(SIGPIPE, SIG_IGN); // a server that died must fail the test, not kill it
  Pid = fork();
  if (Pid == 0) {
    dup2(In[0], 0);
    dup2(Out[1], 1);
    int Err = ::open(StderrPath.c_str(), O_WRONLY | O_TRUNC);
    if (Err >= 0)
      dup2(Err, 2);
    close(In[1]);
    close(Out[0]);
    execv(Argv[0], Argv.data());
    _exit(127);
  }
  close(In[0]);
  close(Out[1]);
  ToServer = In[1];
  FromServer = Out[0];
}

LspClient::~LspClient() {
  if (Pid > 0 && !waitForExit(std::chrono::milliseconds(0))) {
    kill(Pid, SIGKILL);
    waitpid(Pid, nullptr, 0);
  }
  close(ToServer);
  close(FromServer);
  std::remove(StderrPath.c_str());
}

void LspClient::sendRaw(const std::string &Bytes) {
  size_t Done = 0;
  while (Done < Bytes.size()) {
    ssize_t N = write(ToServer, Bytes.data() + Done, Bytes.size() - Done);
    if (N <= 0)
      return;
    Done += static_cast<size_t>(N);
  }
}

void LspClient::send(const nlohmann::json &Message) {
  std::string Body = Message.dump();
  sendRaw("Content-Length: " + std::to_string(Body.size()) + "\r\n\r\n" + Body);
}

int LspClient::request(const std::string &Method, nlohmann::json Params) {
  int Id = ++NextId;
  send({{"jsonrpc", "2.0"}, {"id", Id}, {"method", Method}, {"params", std::move(Params)}});
  return Id;
}

void LspClient::notify(const std::string &Method, nlohmann::json Params) {
  send({{"jsonrpc", "2.0"}, {"method", Method}, {"params", std::move(Params)}});
}

std::optional<nlohmann::json>
LspClient::readMessage(std::chrono::steady_clock::time_point Deadline) {
  for (;;) {
    size_t HeaderEnd = Buffer.find("\r\n\r\n");
    if (HeaderEnd != std::string::npos) {
      size_t At = Buffer.find("Content-Length: ");
      if (At == std::string::npos || At > HeaderEnd)
        throw std::runtime_error("server sent a header without Content-Length: " + Buffer);
      size_t Length = std::stoul(Buffer.substr(At + 16, HeaderEnd - At - 16));
      if (Buffer.size() >= HeaderEnd + 4 + Length) {
        nlohmann::json Message = nlohmann::json::parse(Buffer.substr(HeaderEnd + 4, Length));
        Buffer.erase(0, HeaderEnd + 4 + Length);
        Received.push_back(Message);
        return Message;
      }
    }
    auto Left = std::chrono::duration_cast<std::chrono::milliseconds>(
        Deadline - std::chrono::steady_clock::now());
    if (Left.count() <= 0)
      return std::nullopt;
    pollfd P{FromServer, POLLIN, 0};
    int Ready = poll(&P, 1, static_cast<int>(Left.count()));
    if (Ready < 0 && errno == EINTR)
      continue;
    if (Ready <= 0)
      return std::nullopt;
    char Chunk[65536];
    ssize_t N = read(FromServer, Chunk, sizeof(Chunk));
    if (N <= 0)
      return std::nullopt;
    Buffer.append(Chunk, static_cast<size_t>(N));
  }
}

std::optional<nlohmann::json>
LspClient::waitFor(const std::function<bool(const nlohmann::json &)> &Match,
                   std::chrono::milliseconds Timeout) {
  auto Deadline = std::chrono::steady_clock::now() + Timeout;
  while (std::optional<nlohmann::json> Message = readMessage(Deadline))
    if (Match(*Message))
      return Message;
  return std::nullopt;
}

std::optional<nlohmann::json> LspClient::response(int Id) {
  return waitFor([&](const nlohmann::json &M) {
    return M.contains("id") && M["id"] == Id && !M.contains("method");
  });
}

std::optional<nlohmann::json> LspClient::diagnostics(const std::string &Uri,
                                                     std::chrono::milliseconds Timeout) {
  return waitFor(
      [&](const nlohmann::json &M) {
        return M.value("method", "") == "textDocument/publishDiagnostics" &&
               M["params"]["uri"] == Uri;
      },
      Timeout);
}

nlohmann::json LspClient::initialize(nlohmann::json Capabilities) {
  int Id = request(
      "initialize",
      {{"processId", getpid()}, {"rootUri", nullptr}, {"capabilities", std::move(Capabilities)}});
  std::optional<nlohmann::json> R = response(Id);
  if (!R)
    throw std::runtime_error("no answer to initialize; stderr: " + stderrText());
  notify("initialized", nlohmann::json::object());
  return (*R)["result"];
}

void LspClient::open(const std::string &Path, const std::string &Text, int Version) {
  notify("textDocument/didOpen",
         {{"textDocument",
           {{"uri", fileUri(Path)}, {"languageId", "cpp"}, {"version", Version}, {"text", Text}}}});
}

void LspClient::change(const std::string &Path, const std::string &Text, int Version) {
  notify("textDocument/didChange",
         {{"textDocument", {{"uri", fileUri(Path)}, {"version", Version}}},
          {"contentChanges", {{{"text", Text}}}}});
}

std::optional<int> LspClient::waitForExit(std::chrono::milliseconds Timeout) {
  if (Pid < 0)
    return ExitCode;
  auto Deadline = std::chrono::steady_clock::now() + Timeout;
  for (;;) {
    int Status = 0;
    pid_t Done = waitpid(Pid, &Status, WNOHANG);
    if (Done == Pid) {
      Pid = -1;
      ExitCode = WIFEXITED(Status) ? WEXITSTATUS(Status) : 128 + WTERMSIG(Status);
      return ExitCode;
    }
    if (Done < 0)
      return std::nullopt;
    if (std::chrono::steady_clock::now() >= Deadline)
      return std::nullopt;
    usleep(10000);
  }
}

std::string LspClient::stderrText() const { return readFile(StderrPath); }

} // namespace contractcheck::test
