// Shared by the libFuzzer targets: the readers under test take a path, so each input is written
// to a file in a per-process scratch directory first.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <unistd.h>

namespace contractcheck::fuzz {

inline const std::string &scratchDirectory() {
  static const std::string Dir = [] {
    const char *Tmp = std::getenv("TMPDIR");
    std::string Template = std::string(Tmp && *Tmp ? Tmp : "/tmp") + "/contractcheck-fuzz-XXXXXX";
    if (!mkdtemp(Template.data()))
      std::abort();
    return Template;
  }();
  return Dir;
}

// Writes the input to <scratch>/<Name> and returns that path.
inline std::string writeInput(const uint8_t *Data, size_t Size, const std::string &Name) {
  std::string Path = scratchDirectory() + "/" + Name;
  std::ofstream Out(Path, std::ios::binary | std::ios::trunc);
  Out.write(reinterpret_cast<const char *>(Data), static_cast<std::streamsize>(Size));
  Out.close();
  if (!Out)
    std::abort();
  return Path;
}

} // namespace contractcheck::fuzz
