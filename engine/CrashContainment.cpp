#include "CrashContainment.h"

#include <clang/Basic/Stack.h>
#include <llvm/Support/CrashRecoveryContext.h>

#include <csignal>
#include <pthread.h>
#include <semaphore.h>
#include <sys/mman.h>
#include <unistd.h>

namespace contractcheck {

namespace {

// A stack overflow's SIGSEGV can only be handled on another stack; each parse thread gets one.
// mmap'ed, not malloc'ed: it must be usable whatever state the allocator is in.
class AlternateSignalStack {
public:
  AlternateSignalStack() {
    Memory = mmap(nullptr, Size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (Memory == MAP_FAILED)
      return;
    stack_t Stack{};
    Stack.ss_sp = Memory;
    Stack.ss_size = Size;
    Installed = sigaltstack(&Stack, &Previous) == 0;
  }
  ~AlternateSignalStack() {
    if (Installed)
      sigaltstack(&Previous, nullptr);
    if (Memory != MAP_FAILED)
      munmap(Memory, Size);
  }

private:
  static constexpr size_t Size = 256 * 1024;
  void *Memory = MAP_FAILED;
  stack_t Previous{};
  bool Installed = false;
};

struct ThreadWork {
  llvm::function_ref<void()> Fn;
  bool Survived = false;
  sem_t Done;
};

void *runOnThread(void *Arg) {
  auto *Work = static_cast<ThreadWork *>(Arg);
  AlternateSignalStack AltStack;
  // Lets clang's Sema see how deep it is and grow the stack for deep template instantiation
  // instead of overflowing it, as clang's own driver does.
  clang::noteBottomOfStack();
  // Leaked when Fn crashes: its destructor frees, and the allocator may be locked.
  auto *Recovery = new llvm::CrashRecoveryContext;
  bool Survived = Recovery->RunSafely(Work->Fn);
  Work->Survived = Survived;
  sem_post(&Work->Done); // Work is the caller's from here on
  if (!Survived) {
    // Ending the thread would free its cache of memory into an arena whose lock the crash may
    // hold; the thread stays parked until the process ends.
    while (true)
      pause();
  }
  delete Recovery;
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
  // failure to create the thread is not fatal (RunSafelyOnThread calls report_fatal_error then)
  // and a crashed thread is parked instead of joined (see runOnThread).
  ThreadWork Work{Fn, false, {}};
  sem_init(&Work.Done, 0, 0);
  pthread_attr_t Attributes;
  bool Ready = pthread_attr_init(&Attributes) == 0;
  pthread_t Thread;
  bool Started = Ready && pthread_attr_setstacksize(&Attributes, clang::DesiredStackSize) == 0 &&
                 pthread_attr_setdetachstate(&Attributes, PTHREAD_CREATE_DETACHED) == 0 &&
                 pthread_create(&Thread, &Attributes, runOnThread, &Work) == 0;
  if (Ready)
    pthread_attr_destroy(&Attributes);
  if (!Started) {
    sem_destroy(&Work.Done);
    auto *Recovery = new llvm::CrashRecoveryContext;
    bool Survived = Recovery->RunSafely(Fn);
    if (Survived)
      delete Recovery;
    return Survived;
  }
  while (sem_wait(&Work.Done) != 0) {
  }
  sem_destroy(&Work.Done);
  return Work.Survived;
}

} // namespace contractcheck
