// Every file a parse read, with a hash of the bytes it read: what a result computed from that
// parse depends on.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace clang {
class SourceManager;
}

namespace contractcheck {

// (absolute real path, content hash), sorted, each file once. Dir resolves relative names.
std::vector<std::pair<std::string, std::string>> filesRead(const clang::SourceManager &SM,
                                                           const std::string &Dir);

// Adds More's files to Into, both as filesRead gives them.
void mergeFilesRead(std::vector<std::pair<std::string, std::string>> &Into,
                    const std::vector<std::pair<std::string, std::string>> &More);

} // namespace contractcheck
