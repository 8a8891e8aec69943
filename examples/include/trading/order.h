#pragma once

#include <cstdint>
#include <string>

namespace trading {

enum class Side { Buy, Sell };

// Expired was added for day orders that outlive the session; not every switch learnt about it.
enum class OrderState { New, PendingAck, Acked, PartiallyFilled, Filled, Cancelled, Rejected, Expired };

struct Order {
  std::uint64_t id = 0;
  std::string symbol;
  Side side = Side::Buy;
  std::int64_t quantity = 0;
  std::int64_t filled = 0;
  OrderState state = OrderState::New;
};

// Included by every translation unit; contractcheck reports a finding here once, not per TU.
inline bool is_terminal(OrderState state) {
  switch (state) {
  case OrderState::New:
  case OrderState::PendingAck:
  case OrderState::Acked:
  case OrderState::PartiallyFilled:
    return false;
  case OrderState::Filled:
  case OrderState::Cancelled:
  case OrderState::Rejected:
    return true;
  default: // meant for corrupt values, but Expired orders now land here and stay "open"
    return false;
  }
}

inline int side_sign(Side side) {
  switch (side) {
  case Side::Buy:
    return 1;
  case Side::Sell:
    return -1;
  default: // complete: the default only guards against corrupt values
    return 0;
  }
}

const char *to_string(OrderState state);
bool tracks_latency(OrderState state);
std::string to_wire(const Order &order); // JSON for the risk feed

} // namespace trading
