// JSON-RPC 2.0 over LSP's base protocol (Content-Length framed messages) on two file descriptors.
#pragma once

#include <nlohmann/json.hpp>

#include <mutex>
#include <string>

namespace contractcheck::lsp {

// JSON-RPC's reserved error codes and LSP's additions.
enum ErrorCode {
  ParseError = -32700,
  InvalidRequest = -32600,
  MethodNotFound = -32601,
  InvalidParams = -32602,
  InternalError = -32603,
  ServerNotInitialized = -32002,
  RequestCancelled = -32800,
};

class JsonRpcTransport {
public:
  JsonRpcTransport(int InFd, int OutFd) : InFd(InFd), OutFd(OutFd) {}

  enum class ReadStatus { Message, EndOfInput, BadFraming };
  // Reads one message body. BadFraming: the header had no usable Content-Length; the header was
  // consumed, so the next read resynchronises on the next header.
  ReadStatus read(std::string &Body);

  // Thread-safe: the analysis worker publishes while the main thread answers requests.
  void send(const nlohmann::json &Message);
  void reply(const nlohmann::json &Id, nlohmann::json Result);
  void replyError(const nlohmann::json &Id, int Code, const std::string &Message);
  void notify(const std::string &Method, nlohmann::json Params);

private:
  bool readLine(std::string &Line);
  bool readBytes(size_t Count, std::string &Out);
  bool fill();

  int InFd, OutFd;
  std::string Buffer;
  size_t BufferPos = 0;
  std::mutex WriteMutex;
};

} // namespace contractcheck::lsp
