#include "trading/venue.h"

namespace trading {

std::optional<Venue> venue_from_mic(std::string_view mic) {
  if (mic == "XNYS")
    return Venue::Nyse;
  if (mic == "XNAS")
    return Venue::Nasdaq;
  if (mic == "IEXG")
    return Venue::Iex;
  return std::nullopt;
}

} // namespace trading
