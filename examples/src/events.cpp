#include "trading/events.h"

namespace trading {

// Names every event type; the sentinel kCount needs no label.
const char *event_name(EventType type) {
  switch (type) {
  case EventType::NewOrder: return "NewOrder";
  case EventType::Cancel: return "Cancel";
  case EventType::Replace: return "Replace";
  case EventType::Fill: return "Fill";
  case EventType::Heartbeat: return "Heartbeat";
  case EventType::SessionClose: return "SessionClose";
  default: return "?";
  }
}

std::int64_t traded_volume(const std::vector<Event> &events) {
  std::int64_t volume = 0;
  for (const Event &event : events) {
    switch (event.type) { // NOLINT(contract-switch-coverage): only fills trade
    case EventType::Fill:
      volume += event.quantity;
      break;
    default:
      break;
    }
  }
  return volume;
}

} // namespace trading
