// Test sources with a gMock mock, for the tests of when a TU keeps template bodies.
#pragma once

#include <string>

namespace contractcheck::test {

// gmock, <algorithm> and <vector> included, then `namespace app {` (left open) with an
// interface Queue and its mock MockQueue: what a test appends decides whether a library
// template's skipped body is handed the mock.
std::string mockQueueSource();

} // namespace contractcheck::test
