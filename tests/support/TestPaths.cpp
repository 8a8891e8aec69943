#include "TestPaths.h"

namespace contractcheck::test {

std::string contractcheckBinary() { return CONTRACTCHECK_BINARY; }
std::string tidyModule() { return CONTRACTCHECK_TIDY_MODULE; }
std::string clangTidyBinary() { return CLANG_TIDY_BINARY; }
std::string python3Binary() { return PYTHON3_BINARY; }
std::string sourceDir() { return CONTRACTCHECK_SOURCE_DIR; }
std::string fixturesDir() { return sourceDir() + "/fixtures"; }
std::string sarifMultitool() { return SARIF_MULTITOOL; }

} // namespace contractcheck::test
