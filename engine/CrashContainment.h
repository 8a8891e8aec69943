// Keeps a crash in one translation unit inside that unit: each parse runs on its own thread with
// clang's desired stack size under crash recovery, and a stack overflow, which leaves no stack
// for a signal handler, is handled on an alternate signal stack.
//
// A crash can happen anywhere, inside malloc too, with the allocator's lock of the thread's arena
// held. So after a crash nothing the crashed thread allocated is ever freed (its thread is parked,
// not ended, and callers leak what it produced, see abandon()), and the process ends without
// running exit-time destructors.
#pragma once

#include <llvm/ADT/STLFunctionalExtras.h>

#include <utility>

namespace contractcheck {

// Turns crash recovery on for the process (llvm::CrashRecoveryContext::Enable) and lets its
// handlers run on a thread's alternate signal stack. Call once, before any parse.
void enableCrashContainment();

// Runs Fn on a fresh thread with clang::DesiredStackSize of stack, under crash recovery; false
// when Fn crashed (the crash is then contained). When no thread can be created (too little
// memory), Fn runs on the calling thread instead, still under crash recovery.
bool runContained(llvm::function_ref<void()> Fn);

// Moves Value's contents to the heap and never frees them: for what a crashed Fn allocated.
template <typename T> void abandon(T &Value) { new T(std::move(Value)); }

} // namespace contractcheck
