#include "WorkerPool.h"

#include <llvm/Support/Threading.h>

#include <algorithm>
#include <atomic>
#include <system_error>
#include <thread>
#include <vector>

namespace contractcheck {

unsigned workersFor(unsigned Requested) {
  return Requested ? Requested : llvm::hardware_concurrency().compute_thread_count();
}

unsigned runOnWorkers(size_t N, unsigned Workers, const std::function<void(size_t)> &Work) {
  std::atomic<size_t> Next{0};
  auto Loop = [&] {
    for (size_t I = Next++; I < N; I = Next++)
      Work(I);
  };
  Workers = std::max(1u, std::min<unsigned>(Workers, static_cast<unsigned>(N)));
  std::vector<std::thread> Threads;
  for (unsigned W = 1; W < Workers; ++W) {
    try {
      Threads.emplace_back(Loop);
    } catch (const std::system_error &) {
      break; // no memory or thread left for another worker: fewer workers do the same work
    }
  }
  Loop();
  for (std::thread &T : Threads)
    T.join();
  return static_cast<unsigned>(Threads.size()) + 1;
}

} // namespace contractcheck
