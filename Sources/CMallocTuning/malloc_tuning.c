#include <stdlib.h>
#include <string.h>

#include "malloc_tuning.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

int qai_limit_malloc_arenas(void) {
#if defined(__GLIBC__)
    const char *tunables = getenv("GLIBC_TUNABLES");
    if (getenv("MALLOC_ARENA_MAX") != NULL || (tunables != NULL && strstr(tunables, "arena_max") != NULL)) {
        return 0;
    }
    return mallopt(M_ARENA_MAX, 2) == 1 ? 1 : 0;
#else
    return 0;
#endif
}
