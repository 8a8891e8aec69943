// Content hashes for the result store: of a file's bytes, and of the files a run reads again and
// again (every TU includes the same headers), each hashed once per run.
#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

namespace contractcheck {

// 128-bit BLAKE3 of Bytes, as 32 lowercase hex digits.
std::string contentHash(std::string_view Bytes);

class FileHashes {
public:
  // nullopt when the file cannot be read. Thread-safe.
  std::optional<std::string> of(const std::string &AbsolutePath);

private:
  std::mutex Mutex;
  std::map<std::string, std::optional<std::string>> Known;
};

} // namespace contractcheck
