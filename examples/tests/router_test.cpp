#include "trading/audit.h"
#include "trading/router.h"
#include "trading/venue.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace trading {
namespace {

using ::testing::_;
using ::testing::Return;

class MockVenueGateway : public VenueGateway {
public:
  MOCK_METHOD(Venue, venue, (), (const, override));
  MOCK_METHOD(bool, send, (const Order &order), (override));
  MOCK_METHOD(bool, cancel, (std::uint64_t order_id), (override));
};

// Written when AuditLog::record took a std::string. The interface moved to std::string_view and
// this legacy mock quietly became an unrelated overload: EXPECT_CALL(audit, record(...)) now
// watches a method nothing calls, and the compiler is fine with it.
class MockAuditLog : public AuditLog {
public:
  MOCK_METHOD2(record, void(const Order &order, const std::string &note));
  MOCK_CONST_METHOD0(size, std::size_t());
};

TEST(RouterTest, SendsNewOrdersToTheVenue) {
  MockVenueGateway gateway;
  EXPECT_CALL(gateway, send(_)).WillOnce(Return(true));
  Router router(gateway);
  router.on_event({EventType::NewOrder, 0, 100});
  EXPECT_EQ(router.open_orders(), 1u);
}

TEST(RouterTest, AuditLogIsQueried) {
  MockAuditLog audit;
  EXPECT_CALL(audit, size()).WillOnce(Return(0u));
  EXPECT_EQ(static_cast<const AuditLog &>(audit).size(), 0u);
}

} // namespace
} // namespace trading
