#pragma once

#include "trading/order.h"

#include <cstddef>
#include <string_view>

namespace trading {

// Where routing decisions are recorded. The default implementation keeps nothing, so tests and
// small deployments need not provide one.
class AuditLog {
public:
  virtual ~AuditLog() = default;
  virtual void record(const Order &order, std::string_view note) {}
  virtual std::size_t size() const { return 0; }
};

} // namespace trading
