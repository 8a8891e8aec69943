#pragma once

#include "trading/order.h"

#include <vector>

namespace trading {

enum class EventType {
  NewOrder,
  Cancel,
  Replace,
  Fill,
  Heartbeat,
  SessionClose, // newest: the venue ends the trading session
  kCount,       // sentinel: the number of event types, never a real event
};

struct Event {
  EventType type = EventType::Heartbeat;
  std::uint64_t order_id = 0;
  std::int64_t quantity = 0;
};

const char *event_name(EventType type);
std::int64_t traded_volume(const std::vector<Event> &events);
bool worth_logging(EventType type);

} // namespace trading
