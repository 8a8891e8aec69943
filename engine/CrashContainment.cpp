#include "CrashContainment.h"

#include <clang/Basic/Stack.h>
#include <llvm/Support/CrashRecoveryContext.h>

#include <csignal>
#include <cstdlib>
#include <pthread.h>

namespace contractcheck {

namespace {

// A stack overflow's SIGSEGV can only be handled on another stack. Each parse thread gets one.
class AlternateSignalStack {
public:
  AlternateSignalStack() : Memory(std::malloc(Size)) {
    if (!Memory)
      return;
    stack_t Stack{};
    Stack.ss_sp = Memory;
    Stack.ss_size = Size;
    Installed = sigaltstack(&Stack, &Previous) == 0;
  }
  ~AlternateSignalStack() {
    if (Installed)
      sigaltstack(&Previous, nullptr);
    std::free(Memory);
  }

private:
  static constexpr size_t Size = 256 * 1024; // the crash handler formats nothing, this is ample
  void *Memory;
  stack_t Previous{};
  bool Installed = false;
};

struct ThreadWork {
  llvm::function_ref<void()> Fn;
  bool Survived = false;
};

void *runOnThread(void *Arg) {
  auto *Work = static_cast<ThreadWork *>(Arg);
  AlternateSignalStack AltStack;
  // Lets clang's Sema see how deep it is and grow the stack for deep template instantiation
  // instead of overflowing it, as clang's own driver does.
  clang::noteBottomOfStack();
  llvm::CrashRecoveryContext Recovery;
  Work->Survived = Recovery.RunSafely(Work->Fn);
  return nullptr;
}

} // namespace

void enableCrashContainment() {
  llvm::CrashRecoveryContext::Enable();
  // CrashRecoveryContext installs its handlers without SA_ONSTACK, so on an overflowed stack the
  // handler itself would fault and the kernel would kill the process. Re-register the same
  // handlers to run on the thread's alternate stack.
  for (int Signal : {SIGSEGV, SIGBUS}) {
    struct sigaction Action;
    if (sigaction(Signal, nullptr, &Action) == 0) {
      Action.sa_flags |= SA_ONSTACK;
      sigaction(Signal, &Action, nullptr);
    }
  }
}

bool runContained(llvm::function_ref<void()> Fn) {
  // As llvm::CrashRecoveryContext::RunSafelyOnThread with clang::DesiredStackSize, except that a
  // failure to create the thread is not fatal: RunSafelyOnThread calls report_fatal_error then.
  ThreadWork Work{Fn};
  pthread_attr_t Attributes;
  bool Ready = pthread_attr_init(&Attributes) == 0;
  pthread_t Thread;
  bool Started = Ready && pthread_attr_setstacksize(&Attributes, clang::DesiredStackSize) == 0 &&
                 pthread_create(&Thread, &Attributes, runOnThread, &Work) == 0;
  if (Ready)
    pthread_attr_destroy(&Attributes);
  if (!Started) {
    llvm::CrashRecoveryContext Recovery;
    return Recovery.RunSafely(Fn);
  }
  pthread_join(Thread, nullptr);
  return Work.Survived;
}

} // namespace contractcheck
