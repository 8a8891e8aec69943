// A contained parse thread's stack (CrashContainment.cpp), mapped here rather than by
// pthread_create so that below it lies a ladder of protected pages above the last guard page.
// A stack overflow that faults inside the C runtime, which may hold its allocator's lock there,
// climbs down the ladder: the pages from the fault up are made usable, the runtime finishes what
// it holds the lock for, and the thread is ended at its first instruction outside the runtime.
#pragma once

#include <cstddef>
#include <cstdint>

namespace contractcheck {

class ContainedStack {
public:
  // Usable bytes above the ladder; allocated() is false when they could not be mapped.
  explicit ContainedStack(size_t Usable);
  ~ContainedStack(); // unmaps, unless kept
  ContainedStack(const ContainedStack &) = delete;
  ContainedStack &operator=(const ContainedStack &) = delete;

  bool allocated() const { return Lowest != nullptr; }
  // All of it, guard and ladder included: pthread_attr_setstack's.
  void *lowest() const { return Lowest; }
  size_t size() const { return Size; }
  uintptr_t ladderBottom() const { return LadderBottom; }
  uintptr_t ladderTop() const { return LadderTop; }

  // A parked thread stands on it: never unmapped.
  void keep() { Kept = true; }

private:
  void *Lowest = nullptr;
  size_t Size = 0;
  uintptr_t LadderBottom = 0, LadderTop = 0;
  bool Kept = false;
};

// Async-signal-safe: when Address lies on the ladder [Bottom, Top), makes the pages from its page
// up to Top usable, and true.
bool climbDown(uintptr_t Bottom, uintptr_t Top, uintptr_t Address);

} // namespace contractcheck
