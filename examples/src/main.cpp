#include "trading/event_bus.h"
#include "trading/router.h"

#include <cstdio>

namespace {

// Prints what a real gateway would put on the wire.
class PrintingGateway : public trading::VenueGateway {
public:
  trading::Venue venue() const override { return trading::Venue::Primary; }
  bool send(const trading::Order &order) override {
    std::printf("%s: send order %llu x%lld\n", trading::venue_mic(venue()),
                static_cast<unsigned long long>(order.id), static_cast<long long>(order.quantity));
    return true;
  }
  bool cancel(std::uint64_t order_id) override {
    std::printf("%s: cancel order %llu\n", trading::venue_mic(venue()),
                static_cast<unsigned long long>(order_id));
    return true;
  }
};

} // namespace

// Orders without a venue go to the primary listing, or to the fallback venue when the
// listing exchange is halted.
trading::Venue fallback_venue() {
  return trading::venue_from_mic("IEXX").value_or(trading::Venue::Primary);
}

int main() {
  using trading::EventType;
  trading::start_notifications();
  PrintingGateway gateway;
  trading::Router router(gateway);
  const std::vector<trading::Event> events = {
      {EventType::NewOrder, 0, 100}, {EventType::Fill, 1, 40},        {EventType::NewOrder, 0, 5},
      {EventType::Cancel, 2, 0},     {EventType::SessionClose, 0, 0},
  };
  for (const trading::Event &event : events) {
    std::printf("event %s\n", trading::event_name(event.type));
#ifdef _WIN32
    // The Windows service flushes its journal when the venue closes the session.
    if (event.type == EventType::SessionEnd)
      std::fflush(stdout);
#endif
    router.on_event(event);
  }
  std::printf("fallback venue %s\n", trading::venue_mic(fallback_venue()));
  const trading::Order *first = router.find(1);
  std::printf("order 1: %s, %zu open, %lld traded\n", first ? trading::to_string(first->state) : "-",
              router.open_orders(), static_cast<long long>(trading::traded_volume(events)));
  return router.open_orders() == 1 ? 0 : 1;
}
