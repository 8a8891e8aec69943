// contract-mock-drift's global step for substitute headers (SubstituteHeader.h): a test double
// declared in a header that the tests' include path puts before the real one, a class of the
// same qualified name as the real class it replaces, not derived from it. No TU sees both: the
// tests see the double, the real class's own source the real header. So the double's gMock and
// virtual methods (SubstituteClassFact) are judged here against the method table of the class of
// the same USR declared in the very header the double shadows (the RealClassFact of a TU that
// implements it): such a method whose name the real class (with its bases) lacks is drift,
// unless the double's own code uses it as a hook.
#pragma once

#include <set>
#include <string>
#include <tuple>

namespace contractcheck {

class GlobalContext;
class RuleFacts;

// (file, offset, method, real class USR) of the mock methods already reported.
using ReportedMockMethods = std::set<std::tuple<std::string, unsigned, std::string, std::string>>;

void judgeSubstitutes(const RuleFacts &Facts, GlobalContext &Context,
                      ReportedMockMethods &Reported);

// File as the message shows it: relative to the deepest directory it shares with Beside (the
// substitute header's file), so that the same two files give the same text in every run.
std::string shownBeside(const std::string &File, const std::string &Beside);

} // namespace contractcheck
