#pragma once

#include "trading/events.h"
#include "trading/venue.h"

#include <map>

namespace trading {

class Router {
public:
  explicit Router(VenueGateway &gateway) : gateway_(gateway) {}

  void on_event(const Event &event);
  const Order *find(std::uint64_t id) const;
  std::size_t open_orders() const;

private:
  VenueGateway &gateway_;
  std::map<std::uint64_t, Order> orders_;
  std::uint64_t next_id_ = 1;
};

} // namespace trading
