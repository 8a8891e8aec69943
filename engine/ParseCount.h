// How many parses of a TU's text this process has run (analyzeTranslationUnit): a first parse
// stopped and thrown away counts, as does each parse again without a rejected prefix. What tests
// read to see that a TU was parsed once (docs/performance.md, "Skipped function bodies").
#pragma once

namespace contractcheck {

unsigned long parsesRun();

} // namespace contractcheck
