#include "JsonRpcTransport.h"

#include "JsonText.h"

#include <cctype>
#include <cerrno>
#include <charconv>
#include <algorithm>
#include <optional>
#include <string_view>
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

bool JsonRpcTransport::readLine(std::string &Line, size_t &Begin) {
  for (;;) {
    size_t End = Buffer.find('\n', BufferPos);
    if (End != std::string::npos) {
      Begin = BufferPos;
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

namespace {

constexpr std::string_view LengthKey = "content-length:";

char lower(char C) { return static_cast<char>(std::tolower(static_cast<unsigned char>(C))); }

// Where "Content-Length:" (any case) starts in Text at or after From, or npos.
size_t findLengthKey(std::string_view Text, size_t From = 0) {
  for (size_t I = From; I + LengthKey.size() <= Text.size(); ++I) {
    size_t K = 0;
    while (K < LengthKey.size() && lower(Text[I + K]) == LengthKey[K])
      ++K;
    if (K == LengthKey.size())
      return I;
  }
  return std::string_view::npos;
}

// Where a header "Content-Length: <digits>" ended by a raw line break starts in Text, or npos.
// A JSON text never holds one: a raw line break cannot be inside a string, and the letters
// cannot be outside one. So a body that does is a bad frame that ran into the next message.
size_t findEmbeddedHeader(std::string_view Text, size_t From) {
  for (size_t At = findLengthKey(Text, From); At != std::string_view::npos;
       At = findLengthKey(Text, At + 1)) {
    size_t I = At + LengthKey.size();
    while (I < Text.size() && Text[I] == ' ')
      ++I;
    size_t Digits = I;
    while (I < Text.size() && std::isdigit(static_cast<unsigned char>(Text[I])))
      ++I;
    if (I > Digits && I < Text.size() && (Text[I] == '\r' || Text[I] == '\n'))
      return At;
  }
  return std::string_view::npos;
}

// "Name: value" with a token for a name (RFC 7230), as every header line of the base protocol.
bool looksLikeHeader(std::string_view Line) {
  size_t Colon = Line.find(':');
  if (Colon == 0 || Colon == std::string_view::npos)
    return false;
  for (char C : Line.substr(0, Colon))
    if (!std::isalnum(static_cast<unsigned char>(C)) && std::string_view("-_.").find(C) == std::string_view::npos)
      return false;
  return true;
}

} // namespace

bool JsonRpcTransport::readBody(size_t Count, std::string &Out, bool &RanIntoHeader) {
  RanIntoHeader = false;
  // Searched before waiting for more bytes, so a length longer than the frame does not wait for
  // (and swallow) the messages after it.
  size_t Searched = 0;
  for (;;) {
    std::string_view Available(Buffer.data() + BufferPos,
                               std::min(Count, Buffer.size() - BufferPos));
    size_t From = Searched > LengthKey.size() + 24 ? Searched - LengthKey.size() - 24 : 0;
    if (size_t At = findEmbeddedHeader(Available, From); At != std::string_view::npos) {
      BufferPos += At;
      RanIntoHeader = true;
      return true;
    }
    Searched = Available.size();
    if (Available.size() == Count)
      break;
    if (!fill()) // moves the unread bytes, and BufferPos with them, to the front
      return false;
  }
  Out.assign(Buffer, BufferPos, Count);
  BufferPos += Count;
  return true;
}

JsonRpcTransport::ReadStatus JsonRpcTransport::read(std::string &Body) {
  std::string Line;
  std::optional<size_t> Length;
  bool SawHeader = false, SawJunk = false;
  for (;;) {
    size_t Begin = 0;
    if (!readLine(Line, Begin))
      return ReadStatus::EndOfInput;
    if (Line.empty()) {
      if (!SawHeader)
        continue; // stray blank lines between messages
      break;
    }
    size_t Key = findLengthKey(Line);
    if (Key != std::string::npos && (Key > 0 || SawJunk)) {
      // The leftovers of a bad frame (a body without a header, the tail of a body longer than
      // its Content-Length) are a bad frame of their own; the header they run into starts the
      // next read.
      BufferPos = Begin + Key;
      return ReadStatus::BadFraming;
    }
    SawHeader = true;
    if (Key == std::string::npos) {
      SawJunk = SawJunk || !looksLikeHeader(Line);
      continue;
    }
    std::string_view Value = std::string_view(Line).substr(LengthKey.size());
    while (!Value.empty() && Value.front() == ' ')
      Value.remove_prefix(1);
    size_t N = 0;
    auto [End, Err] = std::from_chars(Value.data(), Value.data() + Value.size(), N);
    if (Err == std::errc() && End == Value.data() + Value.size())
      Length = N;
  }
  if (!Length || SawJunk)
    return ReadStatus::BadFraming;
  bool RanIntoHeader = false;
  if (!readBody(*Length, Body, RanIntoHeader))
    return ReadStatus::EndOfInput;
  return RanIntoHeader ? ReadStatus::BadFraming : ReadStatus::Message;
}

void JsonRpcTransport::send(const nlohmann::json &Message) {
  std::string Body = jsonText(Message);
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
