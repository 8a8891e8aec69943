// JSON as text, the one way contractcheck writes it: paths, source lines and messages come from
// files and compile commands in any encoding, and nlohmann's dump() throws on invalid UTF-8 (an
// exception that once terminated the process, found by ConfigFuzzer). Invalid bytes are written
// as U+FFFD instead, in every report, store entry, message and key.
#pragma once

#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>
#include <string_view>

namespace contractcheck {

// Compact (Indent -1) for keys, store entries and protocol messages; indented for files users read.
inline std::string jsonText(const nlohmann::json &J, int Indent = -1) {
  return J.dump(Indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Text appended to Out as jsonText writes it as a JSON string: one that needs no escape (most
// paths) as it is, without a document.
inline void appendJsonString(std::string &Out, std::string_view Text) {
  bool Plain = std::all_of(Text.begin(), Text.end(), [](char C) {
    auto U = static_cast<unsigned char>(C);
    return U >= 0x20 && U < 0x80 && C != '"' && C != '\\';
  });
  if (!Plain) {
    Out += jsonText(nlohmann::json(std::string(Text)));
    return;
  }
  Out += '"';
  Out += Text;
  Out += '"';
}

} // namespace contractcheck
