// A contained run ended inside the allocator, by its time limit or by a stack overflow, leaves
// the allocator usable by every other thread. Every thread here shares one heap, so a heap lock
// the ended thread kept would stop the next allocation anywhere: the test then hangs until ctest
// ends it (TIMEOUT in tests/CMakeLists.txt).
#include "CrashContainment.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <malloc.h>
#include <thread>
#include <vector>

namespace contractcheck {
namespace {

using namespace std::chrono_literals;

class CrashContainmentInAllocatorTest : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    mallopt(M_ARENA_MAX, 1); // one heap, one lock, for every thread
    enableCrashContainment();
  }
};

// Larger than the per-thread cache serves (tcache: up to 1032 bytes), smaller than what is
// mmap'ed: each malloc and free takes the heap's lock.
void *allocateUncached(unsigned &Seed) {
  Seed = Seed * 1103515245u + 12345u;
  return malloc(2048 + (Seed >> 8) % 60000);
}

// Allocates and frees on this thread and on another, which also frees Blocks.
void allocateEverywhere(std::vector<void *> &Blocks) {
  unsigned Seed = 7;
  for (int I = 0; I < 64; ++I)
    free(allocateUncached(Seed));
  std::thread Other([&] {
    unsigned OtherSeed = 11;
    for (int I = 0; I < 64; ++I)
      free(allocateUncached(OtherSeed));
    for (void *Block : Blocks)
      free(Block);
  });
  Other.join();
  Blocks.clear();
}

TEST_F(CrashContainmentInAllocatorTest, ATimeLimitPassingInsideMallocLeavesTheHeapUsable) {
  for (unsigned Run = 0; Run < 40; ++Run) {
    // Allocated by Fn before it is ended, freed by another thread after.
    std::vector<void *> Kept(16, nullptr);
    Contained Ended = runContained(
        [&] {
          unsigned Seed = Run;
          for (void *&Block : Kept)
            Block = allocateUncached(Seed);
          void *Slots[8] = {};
          for (unsigned I = 0;; ++I) {
            free(Slots[I % 8]);
            Slots[I % 8] = allocateUncached(Seed);
          }
        },
        5ms);
    ASSERT_EQ(Ended, Contained::TimedOut) << "run " << Run;
    allocateEverywhere(Kept);
  }
}

void *volatile Sink = nullptr;

// Allocates and frees in every frame, until the stack overflows. The allocator's frames reach
// deeper than this one, so the overflow usually faults inside malloc or free.
[[gnu::noinline]] int descend(unsigned Seed) {
  volatile char Frame[16];
  Frame[0] = 1;
  Sink = allocateUncached(Seed);
  free(Sink);
  if (Frame[0] == 0) // never: only says the recursion has an end
    return 0;
  descend(Seed + 1);
  return Frame[0];
}

TEST_F(CrashContainmentInAllocatorTest, AStackOverflowInsideMallocLeavesTheHeapUsable) {
  for (unsigned Run = 0; Run < 20; ++Run) {
    ASSERT_EQ(runContained([&] { descend(Run); }, 0ms), Contained::Crashed) << "run " << Run;
    std::vector<void *> None;
    allocateEverywhere(None);
  }
}

// The same with a time limit that does not pass: the overflow is still a crash, not a timeout.
TEST_F(CrashContainmentInAllocatorTest, AnOverflowInsideMallocUnderATimeLimitIsACrash) {
  for (unsigned Run = 0; Run < 10; ++Run) {
    ASSERT_EQ(runContained([&] { descend(Run); }, 600s), Contained::Crashed) << "run " << Run;
    std::vector<void *> None;
    allocateEverywhere(None);
  }
}

} // namespace
} // namespace contractcheck
