#include "trading/router.h"

#include "trading/event_bus.h"

#include <string>

namespace trading {

// Market identifier codes; Primary is another name for Nyse, so naming it covers Nyse.
const char *venue_mic(Venue venue) {
  switch (venue) {
  case Venue::Primary:
    return "XNYS";
  case Venue::Nasdaq:
    return "XNAS";
  case Venue::Iex:
    return "IEXG";
  default:
    return "";
  }
}

void Router::on_event(const Event &event) {
  auto it = orders_.find(event.order_id);
  switch (event.type) {
  case EventType::NewOrder: {
    Order order;
    order.id = next_id_++;
    order.quantity = event.quantity;
    if (gateway_.send(order))
      orders_.emplace(order.id, order);
    break;
  }
  case EventType::Cancel:
  case EventType::Replace:
    if (it != orders_.end() && !is_terminal(it->second.state) && gateway_.cancel(it->first)) {
      it->second.state = OrderState::Cancelled;
      bus().publish("order.canceled", std::to_string(it->first));
    }
    break;
  case EventType::Fill:
    if (it != orders_.end()) {
      it->second.filled += event.quantity;
      it->second.state = it->second.filled >= it->second.quantity ? OrderState::Filled
                                                                   : OrderState::PartiallyFilled;
      if (it->second.state == OrderState::Filled)
        bus().publish("order.filled", std::to_string(it->first));
    }
    break;
  case EventType::Heartbeat:
    break;
  default: // SessionClose lands here: open day orders are never expired
    break;
  }
}

const Order *Router::find(std::uint64_t id) const {
  auto it = orders_.find(id);
  return it == orders_.end() ? nullptr : &it->second;
}

std::size_t Router::open_orders() const {
  std::size_t open = 0;
  for (const auto &entry : orders_)
    open += is_terminal(entry.second.state) ? 0 : 1;
  return open;
}

} // namespace trading
