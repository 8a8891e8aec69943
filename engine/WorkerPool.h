// Runs independent jobs on worker threads.
#pragma once

#include <cstddef>
#include <functional>

namespace contractcheck {

// The workers a run uses when asked for Requested: all cores when 0 (-j's default).
unsigned workersFor(unsigned Requested);

// Calls Work(I) once for every I in [0, N), on up to Workers threads (the caller's included);
// returns how many threads ran. When a thread cannot be created, those already running do its
// share.
unsigned runOnWorkers(size_t N, unsigned Workers, const std::function<void(size_t)> &Work);

} // namespace contractcheck
