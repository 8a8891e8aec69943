// A limited contained run ends what outlives its limit as a crash ends it, and never ends a
// section other threads wait for half-way.
#include "CrashContainment.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sys/resource.h>
#include <unistd.h>
#include <vector>

namespace contractcheck {
namespace {

using namespace std::chrono_literals;

class CrashContainmentTest : public ::testing::Test {
protected:
  void SetUp() override { enableCrashContainment(); }
};

TEST_F(CrashContainmentTest, WhatEndsInTimeFinishes) {
  int Ran = 0;
  EXPECT_EQ(runContained([&] { Ran = 1; }, 60s), Contained::Finished);
  EXPECT_EQ(Ran, 1);
  EXPECT_EQ(runContained([&] { Ran = 2; }, 0s), Contained::Finished) << "zero: no limit";
  EXPECT_EQ(Ran, 2);
}

TEST_F(CrashContainmentTest, WhatNeverEndsIsEndedAtTheLimit) {
  std::atomic<bool> Started{false};
  auto Before = std::chrono::steady_clock::now();
  Contained Ended = runContained(
      [&] {
        Started = true;
        for (volatile long I = 0;; I = I + 1) {
        }
      },
      100ms);
  EXPECT_EQ(Ended, Contained::TimedOut);
  EXPECT_TRUE(Started);
  EXPECT_GE(std::chrono::steady_clock::now() - Before, 100ms);
  // The next run is not disturbed by the one ended.
  int Ran = 0;
  EXPECT_EQ(runContained([&] { Ran = 1; }, 60s), Contained::Finished);
  EXPECT_EQ(Ran, 1);
}

TEST_F(CrashContainmentTest, ACrashIsNotATimeout) {
  EXPECT_EQ(runContained([] { __builtin_trap(); }, 60s), Contained::Crashed);
}

TEST_F(CrashContainmentTest, AnUninterruptibleSectionEndsBeforeTheRunIsEnded) {
  std::atomic<bool> SectionEnded{false};
  Contained Ended = runContained(
      [&] {
        {
          Uninterruptible Section;
          // Well past the limit: the interrupt arrives during the section.
          auto Until = std::chrono::steady_clock::now() + 500ms;
          while (std::chrono::steady_clock::now() < Until) {
          }
          SectionEnded = true;
        }
        for (volatile long I = 0;; I = I + 1) {
        }
      },
      50ms);
  EXPECT_EQ(Ended, Contained::TimedOut);
  EXPECT_TRUE(SectionEnded);
}

// The address space this process maps now, in bytes.
size_t mappedBytes() {
  size_t Pages = 0;
  std::ifstream("/proc/self/statm") >> Pages;
  return Pages * size_t(sysconf(_SC_PAGESIZE));
}

struct Block {
  Block *Next;
  char Bytes[4088];
};
Block *volatile Allocated = nullptr;

// Fn allocates small blocks and keeps them until the address space (ulimit -v) is full: Fn is
// ended, and what it allocated stays allocated (CrashContainment.h), yet the calling thread can
// still allocate, in the room set aside for this.
TEST_F(CrashContainmentTest, RunningOutOfMemoryEndsFnAndLeavesRoomForTheRest) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_EXIT(
      {
        rlimit Limit{};
        Limit.rlim_cur = Limit.rlim_max = mappedBytes() + (size_t(1) << 30);
        if (setrlimit(RLIMIT_AS, &Limit) != 0)
          std::_Exit(2);
        enableCrashContainment(); // sets the room aside, under the limit
        Contained Ended = runContained([] {
          for (;;) {
            auto *New = new Block;
            New->Next = Allocated;
            Allocated = New;
          }
        }, 0ms);
        std::vector<char> After(size_t(64) << 20, 1);
        std::_Exit(Ended == Contained::OutOfMemory && After.back() == 1 ? 0 : 1);
      },
      ::testing::ExitedWithCode(0), "");
}

} // namespace
} // namespace contractcheck
