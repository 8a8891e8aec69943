#include "InterruptedCode.h"

#include <cstdint>
#include <cstring>
#include <link.h>
#include <mutex>
#include <ucontext.h>

namespace contractcheck {

namespace {

struct CodeRange {
  uintptr_t Begin = 0, End = 0;
};

// Written once by noteRuntimeCode, before any parse thread exists; read by signal handlers.
constexpr int MaxRanges = 32;
CodeRange RuntimeRanges[MaxRanges];
int RuntimeRangeCount = 0;

bool isRuntimeLibrary(const char *Path) {
  const char *Name = strrchr(Path, '/');
  Name = Name ? Name + 1 : Path;
  for (const char *Prefix :
       {"libc.so", "libpthread.so", "ld-linux", "ld64.so", "libstdc++.so", "libgcc_s.so"})
    if (strncmp(Name, Prefix, strlen(Prefix)) == 0)
      return true;
  return false;
}

int noteLibrary(dl_phdr_info *Info, size_t, void *) {
  if (!Info->dlpi_name || !isRuntimeLibrary(Info->dlpi_name))
    return 0;
  for (int I = 0; I < Info->dlpi_phnum && RuntimeRangeCount < MaxRanges; ++I) {
    const ElfW(Phdr) &Segment = Info->dlpi_phdr[I];
    if (Segment.p_type == PT_LOAD && (Segment.p_flags & PF_X)) {
      uintptr_t Begin = Info->dlpi_addr + Segment.p_vaddr;
      RuntimeRanges[RuntimeRangeCount++] = {Begin, Begin + Segment.p_memsz};
    }
  }
  return 0;
}

uintptr_t interruptedInstruction(const void *Context) {
  const auto *State = static_cast<const ucontext_t *>(Context);
#if defined(__x86_64__)
  return static_cast<uintptr_t>(State->uc_mcontext.gregs[REG_RIP]);
#elif defined(__aarch64__)
  return static_cast<uintptr_t>(State->uc_mcontext.pc);
#else
  (void)State;
  return 0;
#endif
}

} // namespace

void noteRuntimeCode() {
  static std::once_flag Noted;
  std::call_once(Noted, [] { dl_iterate_phdr(noteLibrary, nullptr); });
}

bool interruptedInRuntime(const void *Context) {
  uintptr_t Instruction = interruptedInstruction(Context);
  for (int I = 0; I < RuntimeRangeCount; ++I)
    if (Instruction >= RuntimeRanges[I].Begin && Instruction < RuntimeRanges[I].End)
      return true;
  return false;
}

#if defined(__x86_64__)
constexpr greg_t TrapFlag = 0x100; // EFLAGS.TF

bool stepAfterReturn(void *Context) {
  static_cast<ucontext_t *>(Context)->uc_mcontext.gregs[REG_EFL] |= TrapFlag;
  return true;
}

void stopStepping(void *Context) {
  static_cast<ucontext_t *>(Context)->uc_mcontext.gregs[REG_EFL] &= ~TrapFlag;
}
#else
bool stepAfterReturn(void *) { return false; }
void stopStepping(void *) {}
#endif

} // namespace contractcheck
