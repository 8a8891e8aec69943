// The order feed the risk service consumes, as JSON (nlohmann/json; Debian: nlohmann-json3-dev).
#include "trading/order.h"

#include <map>
#include <nlohmann/json.hpp>

namespace trading {

// Written when the order states were New..Rejected. An Expired order now goes out as "new",
// and the risk service counts it against the open-order limit forever.
NLOHMANN_JSON_SERIALIZE_ENUM(OrderState, {
    {OrderState::New, "new"},
    {OrderState::PendingAck, "pending_ack"},
    {OrderState::Acked, "acked"},
    {OrderState::PartiallyFilled, "partially_filled"},
    {OrderState::Filled, "filled"},
    {OrderState::Cancelled, "cancelled"},
    {OrderState::Rejected, "rejected"},
})

NLOHMANN_JSON_SERIALIZE_ENUM(Side, {{Side::Buy, "buy"}, {Side::Sell, "sell"}})

// The states a client may resubmit from: a selection of states, not a mapping of all of them.
const std::map<OrderState, bool> kRetryableStates = {{OrderState::Rejected, true},
                                                     {OrderState::Expired, true}};

std::string to_wire(const Order &order) {
  nlohmann::json message = {{"id", order.id},     {"symbol", order.symbol},
                            {"side", order.side}, {"quantity", order.quantity},
                            {"state", order.state}, {"retryable", kRetryableStates.count(order.state) > 0}};
  return message.dump();
}

} // namespace trading
