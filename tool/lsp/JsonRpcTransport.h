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
  // Reads one message body. BadFraming: the header had no usable Content-Length, or the bytes
  // read were not a frame (a body without a header, the tail of a body longer than its
  // Content-Length, a Content-Length running past the end of its body into the next header).
  // What was consumed is only the bad frame: the next read starts at the next header.
  ReadStatus read(std::string &Body);

  // Thread-safe: the analysis worker publishes while the main thread answers requests.
  void send(const nlohmann::json &Message);
  void reply(const nlohmann::json &Id, nlohmann::json Result);
  void replyError(const nlohmann::json &Id, int Code, const std::string &Message);
  void notify(const std::string &Method, nlohmann::json Params);

private:
  // Begin: where the line started in Buffer.
  bool readLine(std::string &Line, size_t &Begin);
  // RanIntoHeader: the Count bytes held the next message's header; it is where reading resumes.
  bool readBody(size_t Count, std::string &Out, bool &RanIntoHeader);
  bool fill();

  int InFd, OutFd;
  std::string Buffer;
  size_t BufferPos = 0;
  std::mutex WriteMutex;
};

} // namespace contractcheck::lsp
