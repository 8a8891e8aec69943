#include "ContainedStack.h"

#include <sys/mman.h>
#include <unistd.h>

namespace contractcheck {

namespace {

size_t pageSize() {
  static const size_t Size = static_cast<size_t>(sysconf(_SC_PAGESIZE));
  return Size;
}

// Deeper than any runtime function needs to finish (glibc's deepest, with alloca, take tens of
// KiB); address space only until an overflow climbs down.
constexpr size_t LadderBytes = 256 * 1024;

} // namespace

ContainedStack::ContainedStack(size_t Usable) {
  size_t Page = pageSize();
  Usable = (Usable + Page - 1) / Page * Page;
  size_t Protected = Page + LadderBytes; // the last guard page, then the ladder
  void *Memory = mmap(nullptr, Protected + Usable, PROT_READ | PROT_WRITE,
                      MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
  if (Memory == MAP_FAILED)
    return;
  if (mprotect(Memory, Protected, PROT_NONE) != 0) {
    munmap(Memory, Protected + Usable);
    return;
  }
  Lowest = Memory;
  Size = Protected + Usable;
  LadderBottom = reinterpret_cast<uintptr_t>(Memory) + Page;
  LadderTop = LadderBottom + LadderBytes;
}

ContainedStack::~ContainedStack() {
  if (Lowest && !Kept)
    munmap(Lowest, Size);
}

bool climbDown(uintptr_t Bottom, uintptr_t Top, uintptr_t Address) {
  if (Address < Bottom || Address >= Top)
    return false;
  uintptr_t Rung = Address / pageSize() * pageSize();
  return mprotect(reinterpret_cast<void *>(Rung), Top - Rung, PROT_READ | PROT_WRITE) == 0;
}

} // namespace contractcheck
