#include "ex_ref.h"

const ex_def ex_defs_w3a1[] = {
    { NULL, NULL, NULL, { NULL }, NULL, NULL },
};
