// clang-tidy's own options, which its users type out of habit: what contractcheck does instead.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace contractcheck {

// The hint for an argument that names a clang-tidy option contractcheck has not (`-checks=...`,
// `--header-filter`, ...), or nothing for any other argument. Said instead of LLVM's answer:
// its guess at the closest option (`--config` for `-checks`), or, for `-header-filter`, the help
// text and exit code 0 (LLVM reads an unknown `-h...` as its `-h` alias of `--help`), which
// passed a CI gate that analysed nothing.
std::optional<std::string> clangTidyOptionHint(std::string_view Arg);

} // namespace contractcheck
