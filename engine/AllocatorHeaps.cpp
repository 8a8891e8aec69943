#include "AllocatorHeaps.h"

#include <cstdlib> // defines __GLIBC__ on glibc

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace contractcheck {

void useOneHeapPerWorker(unsigned Workers) {
#if defined(__GLIBC__)
  mallopt(M_ARENA_MAX, static_cast<int>(Workers > 0 ? Workers : 1));
#else
  (void)Workers;
#endif
}

} // namespace contractcheck
