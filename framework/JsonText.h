// JSON as text, the one way contractcheck writes it: paths, source lines and messages come from
// files and compile commands in any encoding, and nlohmann's dump() throws on invalid UTF-8 (an
// exception that once terminated the process, found by ConfigFuzzer). Invalid bytes are written
// as U+FFFD instead, in every report, store entry, message and key.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace contractcheck {

// Compact (Indent -1) for keys, store entries and protocol messages; indented for files users read.
inline std::string jsonText(const nlohmann::json &J, int Indent = -1) {
  return J.dump(Indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

} // namespace contractcheck
