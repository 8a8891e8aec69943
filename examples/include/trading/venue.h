#pragma once

#include "trading/order.h"

#include <optional>
#include <string_view>

namespace trading {

enum class Venue {
  Nyse,
  Nasdaq,
  Iex,
  Primary = Nyse, // alias: the listing exchange
};

// The connection to one exchange. Tests stand a mock in for it.
class VenueGateway {
public:
  virtual ~VenueGateway() = default;
  virtual Venue venue() const = 0;
  virtual bool send(const Order &order) = 0;
  virtual bool cancel(std::uint64_t order_id) = 0;
};

const char *venue_mic(Venue venue);
// The venue a market identifier code (ISO 10383) names, as configuration files write it.
std::optional<Venue> venue_from_mic(std::string_view mic);

} // namespace trading
