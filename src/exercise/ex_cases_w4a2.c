#include "ex_ref.h"

const ex_def ex_defs_w4a2[] = {
    { NULL, NULL, NULL, { NULL }, NULL, NULL },
};
