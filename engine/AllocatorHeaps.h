// How many heaps the allocator keeps, so that memory a finished parse freed serves the next one.
#pragma once

namespace contractcheck {

// glibc gives threads that allocate at the same time heaps (arenas) of their own, up to eight
// per core, and memory freed into one heap serves only the threads using that heap. A run
// creates a thread per parse and per precompiled prefix (CrashContainment.h), and a prefix is
// built while the TU that needs it waits: with a heap each, every heap kept the peak of the
// parses it served, and a `-j1` run of yaml-cpp peaked at 297 MB where its largest TU alone
// needs 206 MB (291 MB with two heaps, 217 MB with one; returning freed pages with malloc_trim
// after each parse changed nothing measurable). One heap per worker: the workers never wait
// on each other's heap, and one worker's parses reuse one heap. Elsewhere than glibc, nothing.
void useOneHeapPerWorker(unsigned Workers);

} // namespace contractcheck
