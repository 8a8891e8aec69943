// The methods a stand-in (a mock, a fake, a declared contract) may stand in for, as rows of the
// report's service map.
#pragma once

#include <string>
#include <vector>

namespace clang {
class CXXRecordDecl;
}

namespace contractcheck {

// The class's own first, then its bases': public, named, not special, each name once; with
// VirtualOnly (a stand-in through inheritance can only override those) only virtual ones.
std::vector<std::string> serviceMethods(const clang::CXXRecordDecl &Service, bool VirtualOnly);

} // namespace contractcheck
