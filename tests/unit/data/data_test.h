/* Helpers shared by the data-layer tests (fixture paths). */
#ifndef DNN_TEST_DATA_TEST_H
#define DNN_TEST_DATA_TEST_H

#include <stdio.h>
#include <stdlib.h>

/* "$DNN_TUTOR_SOURCE_ROOT/<rel>" in a static buffer (one at a time). */
static inline const char *fixture_path(const char *rel)
{
    static char buf[4096];
    const char *root = getenv("DNN_TUTOR_SOURCE_ROOT");
    snprintf(buf, sizeof buf, "%s/%s", root ? root : ".", rel);
    return buf;
}

#endif
