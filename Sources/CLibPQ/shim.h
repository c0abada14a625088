#ifndef QAI_CLIBPQ_SHIM_H
#define QAI_CLIBPQ_SHIM_H
#include <libpq-fe.h>
#endif
