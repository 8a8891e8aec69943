// Path arithmetic shared by the compile database, configuration, formats and baselines.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace contractcheck {

// Absolute, with '.' and '..' removed, relative paths taken from Base (default: the cwd).
std::string absolutePath(const std::string &Path, const std::string &Base = {});

// The absolute directory holding Path.
std::string parentDirectory(const std::string &Path);

// Path relative to Dir when Path lies strictly below Dir; both absolute and normalised.
std::optional<std::string_view> relativeUnder(std::string_view Path, std::string_view Dir);

} // namespace contractcheck
