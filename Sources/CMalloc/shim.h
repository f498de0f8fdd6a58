// glibc's allocator settings (<malloc.h> is not part of Swift's Glibc module).
#ifndef CHUANGWEN_CMALLOC_SHIM_H
#define CHUANGWEN_CMALLOC_SHIM_H

#if defined(__GLIBC__) || defined(__linux__)
#include <malloc.h>
/// One malloc arena for every thread (see Chuangwen.main). Returns 1 when glibc took it.
static inline int cw_single_malloc_arena(void) { return mallopt(M_ARENA_MAX, 1); }
/// Blocks of `bytes` and more always mapped on their own and unmapped when freed (see
/// Chuangwen.main). Returns 1 when glibc took it.
static inline int cw_fixed_mmap_threshold(int bytes) { return mallopt(M_MMAP_THRESHOLD, bytes); }
#else
static inline int cw_single_malloc_arena(void) { return 0; }
static inline int cw_fixed_mmap_threshold(int bytes) { return 0; }
#endif

#endif
