#include "JsonRpcTransport.h"

#include <cctype>
#include <cerrno>
#include <charconv>
#include <optional>
#include <unistd.h>

namespace contractcheck::lsp {

bool JsonRpcTransport::fill() {
  char Chunk[65536];
  for (;;) {
    ssize_t N = ::read(InFd, Chunk, sizeof(Chunk));
    if (N > 0) {
      Buffer.erase(0, BufferPos);
      BufferPos = 0;
      Buffer.append(Chunk, static_cast<size_t>(N));
      return true;
    }
    if (N < 0 && errno == EINTR)
      continue;
    return false;
  }
}

bool JsonRpcTransport::readLine(std::string &Line) {
  for (;;) {
    size_t End = Buffer.find('\n', BufferPos);
    if (End != std::string::npos) {
      Line.assign(Buffer, BufferPos, End - BufferPos);
      if (!Line.empty() && Line.back() == '\r')
        Line.pop_back();
      BufferPos = End + 1;
      return true;
    }
    if (!fill())
      return false;
  }
}

bool JsonRpcTransport::readBytes(size_t Count, std::string &Out) {
  while (Buffer.size() - BufferPos < Count)
    if (!fill())
      return false;
  Out.assign(Buffer, BufferPos, Count);
  BufferPos += Count;
  return true;
}

JsonRpcTransport::ReadStatus JsonRpcTransport::read(std::string &Body) {
  std::string Line;
  std::optional<size_t> Length;
  bool SawHeader = false;
  for (;;) {
    if (!readLine(Line))
      return ReadStatus::EndOfInput;
    if (Line.empty()) {
      if (!SawHeader)
        continue; // stray blank lines between messages
      break;
    }
    SawHeader = true;
    static constexpr std::string_view Key = "content-length:";
    if (Line.size() > Key.size()) {
      std::string Name = Line.substr(0, Key.size());
      for (char &C : Name)
        C = static_cast<char>(std::tolower(static_cast<unsigned char>(C)));
      if (Name == Key) {
        std::string_view Value = std::string_view(Line).substr(Key.size());
        while (!Value.empty() && Value.front() == ' ')
          Value.remove_prefix(1);
        size_t N = 0;
        auto [End, Err] = std::from_chars(Value.data(), Value.data() + Value.size(), N);
        if (Err == std::errc() && End == Value.data() + Value.size())
          Length = N;
      }
    }
  }
  if (!Length)
    return ReadStatus::BadFraming;
  if (!readBytes(*Length, Body))
    return ReadStatus::EndOfInput;
  return ReadStatus::Message;
}

void JsonRpcTransport::send(const nlohmann::json &Message) {
  // Invalid UTF-8 in a message (a source line, a path) is replaced rather than thrown on.
  std::string Body = Message.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::string Frame = "Content-Length: " + std::to_string(Body.size()) + "\r\n\r\n" + Body;
  std::lock_guard<std::mutex> Lock(WriteMutex);
  const char *Data = Frame.data();
  size_t Left = Frame.size();
  while (Left > 0) {
    ssize_t N = ::write(OutFd, Data, Left);
    if (N < 0 && errno == EINTR)
      continue;
    if (N <= 0)
      return; // the client went away; the read loop sees end of input next
    Data += N;
    Left -= static_cast<size_t>(N);
  }
}

void JsonRpcTransport::reply(const nlohmann::json &Id, nlohmann::json Result) {
  send({{"jsonrpc", "2.0"}, {"id", Id}, {"result", std::move(Result)}});
}

void JsonRpcTransport::replyError(const nlohmann::json &Id, int Code, const std::string &Message) {
  send({{"jsonrpc", "2.0"}, {"id", Id}, {"error", {{"code", Code}, {"message", Message}}}});
}

void JsonRpcTransport::notify(const std::string &Method, nlohmann::json Params) {
  send({{"jsonrpc", "2.0"}, {"method", Method}, {"params", std::move(Params)}});
}

} // namespace contractcheck::lsp
