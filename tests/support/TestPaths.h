// Where the things under test are, fixed at build time.
#pragma once

#include <string>

namespace contractcheck::test {

std::string contractcheckBinary();
std::string tidyModule();
std::string clangTidyBinary();
std::string python3Binary();
std::string sourceDir();
std::string fixturesDir();
std::string sarifMultitool();

} // namespace contractcheck::test
