// Where a signal interrupted a thread: inside the C and C++ runtime (the C library, the dynamic
// loader, libstdc++, libgcc) or not. The runtime takes locks of its own that every thread needs
// (the allocator's heap locks, stdio's, the loader's); a thread ended inside it, by a jump out
// of a signal handler, may keep one for good. Outside it run our code, whose shared sections are
// never ended half-way (Uninterruptible), and clang's and LLVM's, whose few locks of their own (a
// function's static being initialised, a ManagedStatic being created) an end can still leave
// taken: not covered here.
#pragma once

namespace contractcheck {

// Notes where the runtime's code is mapped. Once, before any signal handler asks; the runtime's
// libraries are loaded with the program and never unloaded.
void noteRuntimeCode();

// Async-signal-safe: the instruction the signal interrupted (Context: the handler's ucontext_t)
// is the runtime's. False where that cannot be told (an unsupported machine).
bool interruptedInRuntime(const void *Context);

// Async-signal-safe: makes the interrupted thread trap (SIGTRAP) after its next instruction,
// one instruction at a time until the trap's handler stops it (stopStepping). False where the
// machine cannot (x86-64 only: its trap flag).
bool stepAfterReturn(void *Context);
void stopStepping(void *Context);

} // namespace contractcheck
