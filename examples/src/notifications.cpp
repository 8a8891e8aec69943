#include "trading/event_bus.h"

#include <cstdio>

namespace trading {

EventBus &bus() {
  static EventBus instance;
  return instance;
}

// Tells the desk about orders that need a human. The router renamed its topic to
// "order.canceled" (US spelling) when cancels moved to the venue gateway; this subscription was
// not updated, so desk alerts for cancels stopped without any error.
void start_notifications() {
  bus().subscribe("order.filled", [](const std::string &id) { std::printf("filled %s\n", id.c_str()); });
  bus().subscribe("order.cancelled", [](const std::string &id) { std::printf("cancelled %s\n", id.c_str()); });
}

} // namespace trading
