#include "CrashContainment.h"
#include "ContainedStack.h"
#include "InterruptedCode.h"

#include <clang/Basic/Stack.h>
#include <llvm/Support/CrashRecoveryContext.h>
#include <llvm/Support/ErrorHandling.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdint>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <new>
#include <pthread.h>
#include <semaphore.h>
#include <sys/mman.h>
#include <sys/resource.h>
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
  bool Limited = false;
  uintptr_t LadderBottom = 0, LadderTop = 0; // of the thread's stack (ContainedStack)
  bool Survived = false;
  volatile sig_atomic_t TimedOut = 0;
  volatile sig_atomic_t OutOfMemory = 0;
  // Set before the interrupt is sent, which finds nothing to end when Fn has not begun yet.
  std::atomic<bool> LimitPassed{false};
  // The interrupt arrived inside the C runtime, where Fn is not ended: send it again.
  std::atomic<bool> InterruptRefused{false};
  sem_t Done;
};

// The state of the limited Fn running on this thread, for the interrupt signal's handler (which
// may only touch what is async-signal-safe: these, and the jump out of crash recovery).
thread_local volatile sig_atomic_t Interruptible = 0; // Fn of a limited run is running here
thread_local volatile sig_atomic_t RunningFn = 0;     // Fn of any run is running here
thread_local volatile sig_atomic_t Deferred = 0;      // open Uninterruptible sections
thread_local volatile sig_atomic_t Pending = 0;       // the limit passed inside one of them
thread_local ThreadWork *CurrentWork = nullptr;
thread_local uintptr_t LadderBottom = 0, LadderTop = 0;
// Fn is being ended, at its first instruction outside the C runtime (onTrap), for this reason.
enum Ending : sig_atomic_t { NotEnding, EndingOverflow, EndingTimeout };
thread_local volatile sig_atomic_t Stepping = NotEnding;
thread_local llvm::CrashRecoveryContext *CurrentRecovery = nullptr;

// Crash recovery is on (enableCrashContainment): without it there is no jump to end Fn with.
std::atomic<bool> RecoveryEnabled{false};

// Real-time: neither LLVM nor clang uses one, and it is never sent by anything else.
int interruptSignal() { return SIGRTMIN + 2; }

[[noreturn]] void endLimitedFn() {
  Interruptible = 0;
  CurrentWork->TimedOut = 1;
  // The same jump a crash makes: RunSafely returns false and the thread is parked.
  CurrentRecovery->HandleExit(128 + interruptSignal());
}

// Room kept free in a limited address space (ulimit -v, RLIMIT_AS) for after a parse ran out of
// memory. What the parse allocated is abandoned, never freed (see CrashContainment.h), so without
// room set aside the address space stays full and the next allocation of any other thread fails
// too: the main thread's is fatal, it has no crash recovery. Reserved, not committed: it only
// holds address space, which is what the limit counts.
std::atomic<void *> Reserve{nullptr};
size_t ReserveSize = 0;

void keepReserve() {
  rlimit Limit{};
  if (getrlimit(RLIMIT_AS, &Limit) != 0 || Limit.rlim_cur == RLIM_INFINITY)
    return;
  size_t Size = std::min<size_t>(size_t(512) << 20, Limit.rlim_cur / 8);
  void *Memory =
      mmap(nullptr, Size, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (Memory == MAP_FAILED)
    return;
  ReserveSize = Size;
  void *None = nullptr;
  if (!Reserve.compare_exchange_strong(None, Memory))
    munmap(Memory, Size); // another thread's is kept
}

bool releaseReserve() {
  void *Memory = Reserve.exchange(nullptr);
  if (!Memory)
    return false;
  munmap(Memory, ReserveSize);
  return true;
}

// An allocation failed on this thread: when it runs Fn, outside a section others wait for, Fn is
// ended as a crash ends it. Unlike a crash, the allocator is not in the middle of anything (it
// has returned null), so the jump is safe wherever Fn was.
void endFnIfOutOfMemory() {
  if (!RunningFn || Deferred || !CurrentRecovery)
    return;
  RunningFn = 0;
  Interruptible = 0;
  CurrentWork->OutOfMemory = 1;
  CurrentRecovery->HandleExit(1);
}

std::new_handler PreviousNewHandler = nullptr;

// operator new's handler (InitLLVM's calls report_bad_alloc_error, which aborts the process
// when the thread has no crash recovery: the main thread, or a worker between two parses).
void onNewFailed() {
  bool Released = releaseReserve();
  endFnIfOutOfMemory();
  if (Released)
    return; // operator new tries again, in the room released
  if (PreviousNewHandler)
    PreviousNewHandler();
  else
    throw std::bad_alloc();
}

// LLVM's own allocations (safe_malloc, BumpPtrAllocator) call report_bad_alloc_error directly.
// It must not return.
void onLlvmAllocationFailed(void *, const char *Reason, bool) {
  releaseReserve();
  endFnIfOutOfMemory();
  // As report_bad_alloc_error without a handler: nothing that allocates.
  const char *Message = "LLVM ERROR: out of memory\n";
  (void)!::write(2, Message, strlen(Message));
  (void)!::write(2, Reason, strlen(Reason));
  (void)!::write(2, "\n", 1);
  abort();
}

// Fn is ended by a jump out of a signal handler, never where the interrupted instruction is the C
// runtime's (InterruptedCode.h): the thread may hold a lock there that every other thread needs,
// its heap's above all, and it would keep it for good. There, it goes on one instruction at a
// time and is ended at its first outside (onTrap); where the machine cannot step, the caller
// sends the signal again until it lands outside.
void onInterrupt(int, siginfo_t *, void *Context) {
  if (!Interruptible || Stepping)
    return; // Fn has returned (the limit passed as it finished), or is being ended
  if (Deferred) {
    Pending = 1;
    return;
  }
  if (!interruptedInRuntime(Context))
    endLimitedFn();
  else if (stepAfterReturn(Context))
    Stepping = EndingTimeout;
  else
    CurrentWork->InterruptRefused = true;
}

// The handlers crash recovery installed (llvm::CrashRecoveryContext::Enable): ours pass on what
// they do not handle themselves.
struct sigaction RecoverySegv, RecoveryBus, RecoveryTrap;

void passOn(const struct sigaction &Recovery, int Signal, siginfo_t *Info, void *Context) {
  if (Recovery.sa_flags & SA_SIGINFO)
    Recovery.sa_sigaction(Signal, Info, Context);
  else if (Recovery.sa_handler != SIG_DFL && Recovery.sa_handler != SIG_IGN)
    Recovery.sa_handler(Signal);
  else {
    sigaction(Signal, &Recovery, nullptr);
    raise(Signal);
  }
}

// A fault on the stack's ladder (ContainedStack.h) is a stack overflow. Inside the C runtime the
// thread may hold its heap's lock: it gets the pages it needs to finish, one instruction at a time
// (onTrap), and is ended at its first instruction outside. Anywhere else, the crash ends Fn now.
void onFault(int Signal, siginfo_t *Info, void *Context) {
  if (Signal == SIGSEGV && interruptedInRuntime(Context) &&
      climbDown(LadderBottom, LadderTop, reinterpret_cast<uintptr_t>(Info->si_addr)) &&
      stepAfterReturn(Context)) {
    if (!Stepping)
      Stepping = EndingOverflow;
    return;
  }
  passOn(Signal == SIGSEGV ? RecoverySegv : RecoveryBus, Signal, Info, Context);
}

void onTrap(int Signal, siginfo_t *Info, void *Context) {
  if (!Stepping) {
    passOn(RecoveryTrap, Signal, Info, Context);
    return;
  }
  if (interruptedInRuntime(Context))
    return; // one more instruction
  Ending Reason = static_cast<Ending>(Stepping);
  Stepping = NotEnding;
  stopStepping(Context);
  if (Reason == EndingOverflow)
    passOn(RecoverySegv, SIGSEGV, Info, Context); // the overflow's crash, outside the runtime
  else if (Deferred) // the runtime called back into a section others wait for
    Pending = 1;
  else
    endLimitedFn();
}

// Handler runs on the thread's alternate signal stack (a stack overflow leaves no other), and
// the interrupt waits until it returns: inside it, the interrupted instruction is not the one
// the interrupt would see.
void installHandler(int Signal, void (*Handler)(int, siginfo_t *, void *), int Flags,
                    struct sigaction *Previous) {
  struct sigaction Action {};
  Action.sa_sigaction = Handler;
  Action.sa_flags = SA_SIGINFO | SA_ONSTACK | Flags;
  sigemptyset(&Action.sa_mask);
  if (Signal != interruptSignal())
    sigaddset(&Action.sa_mask, interruptSignal());
  sigaction(Signal, &Action, Previous);
}

void installInterruptHandler() {
  static bool Installed = [] {
    installHandler(interruptSignal(), onInterrupt, SA_RESTART, nullptr);
    return true;
  }();
  (void)Installed;
}

void *runOnThread(void *Arg) {
  auto *Work = static_cast<ThreadWork *>(Arg);
  AlternateSignalStack AltStack;
  LadderBottom = Work->LadderBottom;
  LadderTop = Work->LadderTop;
  // Lets clang's Sema see how deep it is and grow the stack for deep template instantiation
  // instead of overflowing it, as clang's own driver does.
  clang::noteBottomOfStack();
  // Leaked when Fn crashes: its destructor frees, and the allocator may be locked.
  auto *Recovery = new llvm::CrashRecoveryContext;
  CurrentWork = Work;
  CurrentRecovery = Recovery;
  bool Survived = Recovery->RunSafely([&] {
    RunningFn = 1;
    Interruptible = Work->Limited;
    if (Work->Limited && Work->LimitPassed)
      endLimitedFn();
    Work->Fn();
    Interruptible = 0;
    RunningFn = 0;
  });
  Interruptible = 0;
  RunningFn = 0;
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

timespec deadlineAfter(std::chrono::milliseconds Limit) {
  timespec Now;
  clock_gettime(CLOCK_MONOTONIC, &Now);
  auto Total = std::chrono::seconds(Now.tv_sec) + std::chrono::nanoseconds(Now.tv_nsec) + Limit;
  auto Seconds = std::chrono::duration_cast<std::chrono::seconds>(Total);
  return {static_cast<time_t>(Seconds.count()),
          static_cast<long>(
              std::chrono::duration_cast<std::chrono::nanoseconds>(Total - Seconds).count())};
}

} // namespace

void enableCrashContainment() {
  llvm::CrashRecoveryContext::Enable();
  if (!Reserve)
    keepReserve();
  static bool HandlersInstalled = [] {
    PreviousNewHandler = std::set_new_handler(onNewFailed);
    llvm::install_bad_alloc_error_handler(onLlvmAllocationFailed);
    return true;
  }();
  (void)HandlersInstalled;
  // CrashRecoveryContext installs its handlers without SA_ONSTACK, so on an overflowed stack the
  // handler itself would fault and the kernel would kill the process. Ours run on the thread's
  // alternate stack, and pass on to them.
  static bool FaultHandlersInstalled = [] {
    noteRuntimeCode();
    installHandler(SIGSEGV, onFault, 0, &RecoverySegv);
    installHandler(SIGBUS, onFault, 0, &RecoveryBus);
    installHandler(SIGTRAP, onTrap, 0, &RecoveryTrap);
    return true;
  }();
  (void)FaultHandlersInstalled;
  RecoveryEnabled = true;
}

bool runContained(llvm::function_ref<void()> Fn) {
  return runContained(Fn, std::chrono::milliseconds(0)) == Contained::Finished;
}

Contained runContained(llvm::function_ref<void()> Fn, std::chrono::milliseconds Limit) {
  // As llvm::CrashRecoveryContext::RunSafelyOnThread with clang::DesiredStackSize, except that a
  // failure to create the thread is not fatal (RunSafelyOnThread calls report_fatal_error then)
  // and a crashed thread is parked instead of joined (see runOnThread). The thread is joinable
  // so that it cannot end, and its id be reused, before the interrupt signal is sent to it.
  bool Limited = Limit.count() > 0 && RecoveryEnabled;
  if (Limited)
    installInterruptHandler();
  ThreadWork Work;
  Work.Fn = Fn;
  Work.Limited = Limited;
  ContainedStack Stack(clang::DesiredStackSize);
  Work.LadderBottom = Stack.ladderBottom();
  Work.LadderTop = Stack.ladderTop();
  sem_init(&Work.Done, 0, 0);
  pthread_attr_t Attributes;
  bool Ready = pthread_attr_init(&Attributes) == 0;
  pthread_t Thread;
  bool Started = Ready && Stack.allocated() &&
                 pthread_attr_setstack(&Attributes, Stack.lowest(), Stack.size()) == 0 &&
                 pthread_create(&Thread, &Attributes, runOnThread, &Work) == 0;
  if (Ready)
    pthread_attr_destroy(&Attributes);
  if (!Started) {
    sem_destroy(&Work.Done);
    auto *Recovery = new llvm::CrashRecoveryContext;
    bool Survived = Recovery->RunSafely(Fn);
    if (Survived)
      delete Recovery;
    return Survived ? Contained::Finished : Contained::Crashed;
  }
  bool Posted = false;
  if (Limited) {
    timespec Deadline = deadlineAfter(Limit);
    int Waited;
    while ((Waited = sem_clockwait(&Work.Done, CLOCK_MONOTONIC, &Deadline)) != 0 &&
           errno == EINTR) {
    }
    Posted = Waited == 0;
    if (!Posted) {
      Work.LimitPassed = true;
      pthread_kill(Thread, interruptSignal());
    }
    // Refused inside the C runtime (onInterrupt): again, shortly, until it lands outside.
    while (!Posted) {
      timespec Retry = deadlineAfter(std::chrono::milliseconds(1));
      if (sem_clockwait(&Work.Done, CLOCK_MONOTONIC, &Retry) == 0)
        Posted = true;
      else if (errno == ETIMEDOUT && Work.InterruptRefused.exchange(false))
        pthread_kill(Thread, interruptSignal());
    }
  }
  if (!Posted)
    while (sem_wait(&Work.Done) != 0) {
    }
  sem_destroy(&Work.Done);
  if (Work.Survived) {
    pthread_join(Thread, nullptr);
    return Contained::Finished;
  }
  pthread_detach(Thread); // parked for good
  Stack.keep();
  return Work.TimedOut      ? Contained::TimedOut
         : Work.OutOfMemory ? Contained::OutOfMemory
                            : Contained::Crashed;
}

Uninterruptible::Uninterruptible() { Deferred = Deferred + 1; }

Uninterruptible::~Uninterruptible() {
  Deferred = Deferred - 1;
  if (!Deferred && Pending && Interruptible) {
    Pending = 0;
    endLimitedFn();
  }
}

} // namespace contractcheck
