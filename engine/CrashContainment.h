// Keeps a crash in one translation unit inside that unit: each parse runs on its own thread with
// clang's desired stack size under crash recovery, and a stack overflow, which leaves no stack
// for a signal handler, is handled on an alternate signal stack.
//
// A thread is ended by a jump out of a signal handler, and parked. Never inside the C runtime
// (InterruptedCode.h), whose locks every thread needs, the allocator's heap locks above all: a
// time limit that passes there, or a stack overflow that faults there (ContainedStack.h), lets the
// thread run on, one instruction at a time, to its first instruction outside. A crash of another
// kind inside the runtime (a corrupted heap malloc detects, a bad pointer handed to it) can still
// leave a lock held: in-process containment cannot undo that. And the crashed code's own state is
// half-built: nothing the crashed thread allocated is ever freed (its thread is parked, not
// ended, and callers leak what it produced, see abandon()), and the process ends without running
// exit-time destructors.
#pragma once

#include <llvm/ADT/STLFunctionalExtras.h>

#include <chrono>
#include <utility>

namespace contractcheck {

// Turns crash recovery on for the process (llvm::CrashRecoveryContext::Enable) and lets its
// handlers run on a thread's alternate signal stack. Call before any parse, after
// llvm::InitLLVM: an allocation that fails inside Fn (operator new's or LLVM's own) then ends Fn
// as a crash ends it, OutOfMemory, and in a limited address space (RLIMIT_AS) room set aside
// now is given back so that the rest of the process goes on.
void enableCrashContainment();

// Runs Fn on a fresh thread with clang::DesiredStackSize of stack, under crash recovery; false
// when Fn crashed (the crash is then contained). When no thread can be created (too little
// memory), Fn runs on the calling thread instead, still under crash recovery.
bool runContained(llvm::function_ref<void()> Fn);

enum class Contained { Finished, Crashed, TimedOut, OutOfMemory };

// As runContained, with a time limit (zero: none). Fn still running when Limit has passed is
// ended as a crash ends it (a signal to its thread, the jump out of crash recovery: its thread is
// parked and what it allocated is abandoned) and TimedOut comes back. Without a thread of its own
// (too little memory), or before enableCrashContainment(), Fn runs with no limit.
Contained runContained(llvm::function_ref<void()> Fn, std::chrono::milliseconds Limit);

// Inside Fn of a limited runContained, a section that must not be ended half-way because other
// threads wait for it (building what they share, under std::call_once): a time limit that passes
// meanwhile ends Fn when the last such section is left.
class Uninterruptible {
public:
  Uninterruptible();
  ~Uninterruptible();
  Uninterruptible(const Uninterruptible &) = delete;
  Uninterruptible &operator=(const Uninterruptible &) = delete;
};

// Moves Value's contents to the heap and never frees them: for what a crashed Fn allocated.
template <typename T> void abandon(T &Value) { new T(std::move(Value)); }

} // namespace contractcheck
