#ifndef QAI_MALLOC_TUNING_H
#define QAI_MALLOC_TUNING_H

/// Caps glibc's malloc arenas at 2 unless the environment chose a number (MALLOC_ARENA_MAX, or
/// glibc.malloc.arena_max in GLIBC_TUNABLES, which glibc has then already applied). By default
/// glibc gives threads up to 8 arenas per core; the loader's batches are allocated and freed on
/// many threads (HTTP event loops, one queue per database connection, the task pool), and memory
/// freed in one arena is not reused by the others, so peak RSS crept up with the length of a run.
/// Call it first thing in `main`. Returns 1 when the cap was set, 0 when left as it was (elsewhere
/// than glibc, or set by the environment).
int qai_limit_malloc_arenas(void);

#endif
