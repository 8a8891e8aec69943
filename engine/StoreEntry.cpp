#include "StoreEntry.h"

#include "ContentHash.h"
#include "JsonText.h"

namespace contractcheck {

std::string storeEntryText(nlohmann::json Header, std::string_view Body) {
  Header["checksum"] = contentHash(Body);
  std::string Text = jsonText(Header); // compact: no raw newline
  Text += '\n';
  Text += Body;
  return Text;
}

std::optional<std::string_view> storeEntryBody(std::string_view Text,
                                               const nlohmann::json &Expected) {
  size_t HeaderEnd = Text.find('\n');
  if (HeaderEnd == std::string_view::npos)
    return std::nullopt;
  std::string_view Body = Text.substr(HeaderEnd + 1);
  nlohmann::json Header =
      nlohmann::json::parse(Text.substr(0, HeaderEnd), nullptr, /*allow_exceptions=*/false);
  if (!Header.is_object())
    return std::nullopt;
  for (const auto &[Field, Value] : Expected.items())
    if (auto It = Header.find(Field); It == Header.end() || *It != Value)
      return std::nullopt;
  // Compared as JSON: a field of another type (a foreign or damaged header) is a miss, not a throw.
  if (auto Sum = Header.find("checksum"); Sum == Header.end() || *Sum != contentHash(Body))
    return std::nullopt;
  return Body;
}

} // namespace contractcheck
