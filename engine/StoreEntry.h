// The text of a store entry that is read often (a TU's result, a TU's scan of its system
// headers): one header line, a JSON object that says what the entry is (format, build, key) and
// carries the checksum of what follows, then the body exactly as stored. The checksum covers the
// stored bytes, so a reader hashes them instead of serialising what it parsed again; a compact
// header has no raw newline, so the first one ends it.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace contractcheck {

// Header (without a checksum), its checksum of Body added, then Body.
std::string storeEntryText(nlohmann::json Header, std::string_view Body);

// The body of Text when its header holds every field of Expected with the same value and the
// checksum of the body; nullopt for anything else (truncated, corrupt, foreign, another build).
std::optional<std::string_view> storeEntryBody(std::string_view Text,
                                               const nlohmann::json &Expected);

} // namespace contractcheck
