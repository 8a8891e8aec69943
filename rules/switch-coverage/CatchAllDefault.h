// Whether a switch's `default:` is written as the handling of a catch-all enumerator.
#pragma once

#include <string>
#include <vector>

namespace clang {
class DefaultStmt;
class SwitchStmt;
} // namespace clang

namespace contractcheck {

// `case QSystemTrayIcon::Unknown: default: break;` (qjackctl, qsynth), `case reflection::None:
// default: FLATBUFFERS_ASSERT(false);` (flatbuffers), `default: case Kind::Invalid: ...`: the
// default's label stands with the case label of an enumerator named like a catch-all
// (namesACatchAll), so what default: takes is, by the author's own words, handled as "unknown",
// "none", "invalid". Only labels stacked on one another count, with no statement between them.
bool defaultJoinsACatchAll(const clang::SwitchStmt &Switch, const clang::DefaultStmt &Default,
                           const std::vector<std::string> &CatchAllWords);

} // namespace contractcheck
