#include "VendoredCode.h"

#include "GeneratedCode.h"

#include <array>
#include <initializer_list>

namespace contractcheck {

namespace {

struct Banner {
  // Every part is in the library's banner; one part alone is too common (the author's copyright
  // line also opens his examples, which are nobody's vendored copy).
  std::initializer_list<std::string_view> Parts;
  std::string_view Library;
};

// Libraries whose single file is copied into projects' trees rather than installed: biometryd's
// src/biometry/util/json.hpp is nlohmann/json 1.x of 2016 and llama.cpp's examples/server carries
// httplib.h. The banners are the libraries' own, unchanged since their first releases.
const std::array<Banner, 4> Banners{{
    {{"JSON for Modern C++", "https://github.com/nlohmann/json"}, "nlohmann/json"},
    {{"httplib.h", "Yuji Hirose"}, "cpp-httplib"},
    {{"the lightest feature-rich C++ single-header testing framework"}, "doctest"},
    {{"This file is an amalgamation of many separate C source files from SQLite"}, "sqlite"},
}};

} // namespace

std::string_view vendoredLibraryOf(std::string_view Text) {
  std::string_view Head = Text.substr(0, GeneratedBannerWindow);
  for (const Banner &B : Banners) {
    bool All = true;
    for (std::string_view Part : B.Parts)
      All = All && Head.find(Part) != std::string_view::npos;
    if (All)
      return B.Library;
  }
  return {};
}

} // namespace contractcheck
