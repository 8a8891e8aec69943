// Runs analyses off the main thread, one at a time: a file's pending request is replaced by a
// newer one (an edit cancels the analysis of the text it made stale), and a request can wait a
// debounce delay so that typing does not start a parse per keystroke.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>

namespace contractcheck::lsp {

class AnalysisQueue {
public:
  using Clock = std::chrono::steady_clock;
  explicit AnalysisQueue(std::function<void(const std::string &File)> Analyse);
  ~AnalysisQueue(); // stops: pending requests are dropped, a running analysis is waited for

  void schedule(const std::string &File, std::chrono::milliseconds Delay);
  void cancel(const std::string &File);
  // True when a request for File is waiting: an analysis of File that is running now is stale.
  bool hasPending(const std::string &File);
  void stop();

private:
  void work();

  std::function<void(const std::string &)> Analyse;
  std::mutex Mutex;
  std::condition_variable Wake;
  std::map<std::string, Clock::time_point> Pending;
  bool Stopping = false;
  std::thread Worker;
};

} // namespace contractcheck::lsp
