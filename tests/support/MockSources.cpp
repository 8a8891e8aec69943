#include "MockSources.h"

namespace contractcheck::test {

std::string mockQueueSource() {
  return R"(#include <gmock/gmock.h>
#include <algorithm>
#include <vector>
namespace app {
struct Queue {
  virtual ~Queue() = default;
  virtual int size() const = 0;
};
struct MockQueue : Queue {
  MOCK_METHOD(int, size, (), (const, override));
};
)";
}

} // namespace contractcheck::test
