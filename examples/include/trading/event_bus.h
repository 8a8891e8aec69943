#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace trading {

// In-process notifications between components, by topic name. Nothing checks that a topic
// published somewhere is subscribed somewhere else: contract-string-dispatch does.
class EventBus {
public:
  using Handler = std::function<void(const std::string &payload)>;

  void subscribe(const std::string &topic, Handler handler) {
    handlers_[topic].push_back(std::move(handler));
  }
  void publish(const std::string &topic, const std::string &payload) const {
    auto it = handlers_.find(topic);
    if (it == handlers_.end())
      return; // nobody listens: the notification is dropped without a trace
    for (const Handler &handler : it->second)
      handler(payload);
  }

private:
  std::map<std::string, std::vector<Handler>> handlers_;
};

EventBus &bus();
void start_notifications();

} // namespace trading
