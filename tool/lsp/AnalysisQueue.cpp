#include "AnalysisQueue.h"

#include <algorithm>

namespace contractcheck::lsp {

AnalysisQueue::AnalysisQueue(std::function<void(const std::string &)> Analyse)
    : Analyse(std::move(Analyse)), Worker([this] { work(); }) {}

AnalysisQueue::~AnalysisQueue() { stop(); }

void AnalysisQueue::stop() {
  {
    std::lock_guard<std::mutex> Lock(Mutex);
    Stopping = true;
    Pending.clear();
  }
  Wake.notify_all();
  if (Worker.joinable())
    Worker.join();
}

void AnalysisQueue::schedule(const std::string &File, std::chrono::milliseconds Delay) {
  {
    std::lock_guard<std::mutex> Lock(Mutex);
    if (Stopping)
      return;
    Pending[File] = Clock::now() + Delay;
  }
  Wake.notify_all();
}

void AnalysisQueue::cancel(const std::string &File) {
  std::lock_guard<std::mutex> Lock(Mutex);
  Pending.erase(File);
}

bool AnalysisQueue::hasPending(const std::string &File) {
  std::lock_guard<std::mutex> Lock(Mutex);
  return Pending.count(File) != 0;
}

void AnalysisQueue::work() {
  std::unique_lock<std::mutex> Lock(Mutex);
  while (!Stopping) {
    if (Pending.empty()) {
      Wake.wait(Lock);
      continue;
    }
    auto Next = std::min_element(Pending.begin(), Pending.end(),
                                 [](const auto &A, const auto &B) { return A.second < B.second; });
    if (Next->second > Clock::now()) {
      Wake.wait_until(Lock, Next->second);
      continue;
    }
    std::string File = Next->first;
    Pending.erase(Next);
    Lock.unlock();
    Analyse(File);
    Lock.lock();
  }
}

} // namespace contractcheck::lsp
