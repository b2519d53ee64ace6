#include "ex_ref.h"

const ex_def ex_defs_w2a2[] = {
    { NULL, NULL, NULL, { NULL }, NULL, NULL },
};
