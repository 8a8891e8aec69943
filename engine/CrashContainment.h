// Keeps a crash in one translation unit inside that unit: each parse runs on its own thread with
// clang's desired stack size under crash recovery, and a stack overflow, which leaves no stack
// for a signal handler, is handled on an alternate signal stack.
#pragma once

#include <llvm/ADT/STLFunctionalExtras.h>

namespace contractcheck {

// Turns crash recovery on for the process (llvm::CrashRecoveryContext::Enable) and lets its
// handlers run on a thread's alternate signal stack. Call once, before any parse.
void enableCrashContainment();

// Runs Fn on a fresh thread with clang::DesiredStackSize of stack, under crash recovery; false
// when Fn crashed (the crash is then contained). When no thread can be created (too little
// memory), Fn runs on the calling thread instead, still under crash recovery.
bool runContained(llvm::function_ref<void()> Fn);

} // namespace contractcheck
