// A scripted LSP client: runs `contractcheck lsp` as a child process on pipes and speaks
// JSON-RPC to it, so tests see exactly what an editor would.
#pragma once

#include <nlohmann/json.hpp>

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace contractcheck::test {

class LspClient {
public:
  explicit LspClient(const std::vector<std::string> &ExtraArgs = {});
  ~LspClient(); // kills the server if it is still running
  LspClient(const LspClient &) = delete;
  LspClient &operator=(const LspClient &) = delete;

  void sendRaw(const std::string &Bytes);
  void send(const nlohmann::json &Message);
  int request(const std::string &Method, nlohmann::json Params);
  void notify(const std::string &Method, nlohmann::json Params);

  // The next message satisfying Match within Timeout; nullopt on timeout or when the server
  // closed its output. Messages read on the way are kept in received().
  std::optional<nlohmann::json>
  waitFor(const std::function<bool(const nlohmann::json &)> &Match,
          std::chrono::milliseconds Timeout = std::chrono::seconds(60));
  std::optional<nlohmann::json> response(int Id);
  // The next publishDiagnostics for Uri.
  std::optional<nlohmann::json>
  diagnostics(const std::string &Uri, std::chrono::milliseconds Timeout = std::chrono::seconds(60));
  // initialize + initialized; returns the initialize result.
  nlohmann::json initialize(nlohmann::json Capabilities = nlohmann::json::object());
  void open(const std::string &Path, const std::string &Text, int Version = 1);
  void change(const std::string &Path, const std::string &Text, int Version);

  const std::vector<nlohmann::json> &received() const { return Received; }
  // Waits for the server to exit; its exit code, or nullopt if it did not exit within Timeout.
  std::optional<int> waitForExit(std::chrono::milliseconds Timeout = std::chrono::seconds(10));
  std::string stderrText() const;

private:
  std::optional<nlohmann::json> readMessage(std::chrono::steady_clock::time_point Deadline);

  int Pid = -1;
  std::optional<int> ExitCode;
  int ToServer = -1, FromServer = -1;
  std::string StderrPath;
  std::string Buffer;
  int NextId = 0;
  std::vector<nlohmann::json> Received;
};

std::string fileUri(const std::string &Path);

} // namespace contractcheck::test
