// The contractcheck command line: options in, exit code out (0 clean, 1 findings, 2 bad input,
// 3 analysis incomplete).
#pragma once

namespace contractcheck {

int runDriver(int Argc, const char **Argv);

} // namespace contractcheck
