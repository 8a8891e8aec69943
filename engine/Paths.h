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

// A path as every message for people shows it (findings, bad input, files not analysed):
// relative to Base, the working directory, when under it, else as it is, as a compiler does.
std::string displayPath(std::string_view Path, std::string_view Base);
// "file:line:col" so shown, leaving out a line or column of 0.
std::string displayPosition(std::string_view Path, unsigned Line, unsigned Column,
                            std::string_view Base);

// The working directory, or "." when it cannot be read (it was removed): relative paths then
// resolve nowhere anyway, and no absolute path is shown relative to it.
std::string workingDirectory();

} // namespace contractcheck
